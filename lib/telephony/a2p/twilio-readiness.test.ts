import { describe, expect, it } from "vitest";
import { brandStepStatus, campaignStepStatus, twilioReadiness, type TwilioAnswers } from "./twilio-readiness";
import { twilioBrandSchema, twilioCampaignListSchema, twilioServiceNumbersSchema, twilioServiceSchema } from "./twilio-shapes";

const MG = "MG" + "1".repeat(32);
const BN = "BN" + "2".repeat(32);
const E164 = "+15125550100";

// Real-shaped answers (twilio-oai messaging v1), parsed through the same schemas as the fetcher's.
const campaign = (campaignStatus: string, errors: unknown[] = [], mock = false) =>
  twilioCampaignListSchema.parse({
    compliance: [
      {
        sid: "QE" + "3".repeat(32),
        account_sid: "AC" + "4".repeat(32),
        brand_registration_sid: BN,
        messaging_service_sid: MG,
        campaign_status: campaignStatus,
        campaign_id: "CABC123",
        mock,
        errors,
        rate_limits: {},
      },
    ],
    meta: { page: 0, page_size: 50, key: "compliance", next_page_url: null },
  }).compliance[0]!;
const brand = (status: string, errors: unknown[] = [], extra: Record<string, unknown> = {}) =>
  twilioBrandSchema.parse({ sid: BN, status, identity_status: "VERIFIED", brand_type: "STANDARD", errors, mock: false, links: {}, ...extra });
const service = twilioServiceSchema.parse({ sid: MG, friendly_name: "Spa", us_app_to_person_registered: true });
const pool = twilioServiceNumbersSchema.parse({ phone_numbers: [{ sid: "PN" + "5".repeat(32), phone_number: E164, capabilities: ["SMS"] }], meta: { next_page_url: null } });

function answers(overrides: Partial<TwilioAnswers> = {}): TwilioAnswers {
  return {
    credentials: true,
    messagingServiceSid: MG,
    e164: E164,
    service: { ok: true, value: service },
    serviceNumbers: { ok: true, value: pool.phone_numbers.map((n) => n.phone_number ?? "") },
    campaign: { ok: true, value: campaign("VERIFIED") },
    brand: { ok: true, value: brand("APPROVED") },
    ...overrides,
  };
}

const statusOf = (report: ReturnType<typeof twilioReadiness>, name: string) => report.steps.find((s) => s.step === name);

describe("Twilio A2P readiness", () => {
  it("maps every documented campaign status", () => {
    expect(["VERIFIED", "IN_PROGRESS", "PENDING", "FAILED", "SUSPENDED", "SOMETHING_NEW"].map(campaignStepStatus)).toEqual([
      "verified",
      "pending",
      "pending",
      "failed",
      "suspended",
      "unknown",
    ]);
  });

  it("maps every brand status of brand_registrations_enum_status", () => {
    expect(["APPROVED", "PENDING", "IN_REVIEW", "FAILED", "DELETION_PENDING", "DELETION_FAILED", "SUSPENDED", null].map(brandStepStatus)).toEqual([
      "verified",
      "pending",
      "pending",
      "failed",
      "failed",
      "failed",
      "suspended",
      "unknown",
    ]);
  });

  it("a verified campaign, an approved brand and the number in the service: verified, every step ticked", () => {
    const report = twilioReadiness(answers());
    expect(report.status).toBe("verified");
    expect(report.steps.map((s) => [s.step, s.status])).toEqual([
      ["Messaging Service", "verified"],
      ["Number in service", "verified"],
      ["Brand", "verified"],
      ["Campaign", "verified"],
    ]);
  });

  it("a campaign in progress is pending", () => {
    expect(twilioReadiness(answers({ campaign: { ok: true, value: campaign("IN_PROGRESS") } })).status).toBe("pending");
    expect(twilioReadiness(answers({ brand: { ok: true, value: brand("IN_REVIEW") }, campaign: { ok: true, value: campaign("PENDING") } })).status).toBe("pending");
  });

  it("a failed campaign is failed and carries Twilio's error text with its code and fields", () => {
    const report = twilioReadiness(
      answers({ campaign: { ok: true, value: campaign("FAILED", [{ code: 30896, description: "Campaign description is too vague", fields: ["DESCRIPTION"] }]) } }),
    );
    expect(report.status).toBe("failed");
    expect(statusOf(report, "Campaign")).toEqual({ step: "Campaign", status: "failed", errors: ["30896: Campaign description is too vague (fields: DESCRIPTION)"] });
  });

  it("a suspended campaign or brand is suspended, which outranks a failure elsewhere", () => {
    expect(twilioReadiness(answers({ campaign: { ok: true, value: campaign("SUSPENDED") } })).status).toBe("suspended");
    const both = twilioReadiness(answers({ brand: { ok: true, value: brand("SUSPENDED") }, serviceNumbers: { ok: true, value: [] } }));
    expect(both.status).toBe("suspended");
  });

  it("a failed brand shows its errors, or the deprecated failure_reason when errors is empty", () => {
    const withErrors = twilioReadiness(answers({ brand: { ok: true, value: brand("FAILED", [{ code: 30794, description: "The tax ID does not match the company name" }]) } }));
    expect(statusOf(withErrors, "Brand")?.errors).toEqual(["30794: The tax ID does not match the company name"]);
    const reasonOnly = twilioReadiness(answers({ brand: { ok: true, value: brand("FAILED", [], { failure_reason: "Registration error" }) } }));
    expect(reasonOnly.status).toBe("failed");
    expect(statusOf(reasonOnly, "Brand")?.errors).toEqual(["Registration error"]);
  });

  it("a brand being deleted counts as failed and says so", () => {
    const report = twilioReadiness(answers({ brand: { ok: true, value: brand("DELETION_PENDING") } }));
    expect(report.status).toBe("failed");
    expect(statusOf(report, "Brand")?.errors).toEqual(["The brand is being deleted (DELETION_PENDING)."]);
  });

  it("plain-string errors (older answers) are kept as they are", () => {
    const report = twilioReadiness(answers({ campaign: { ok: true, value: campaign("FAILED", ["Sample message 1 is not appropriate"]) } }));
    expect(statusOf(report, "Campaign")?.errors).toEqual(["Sample message 1 is not appropriate"]);
  });

  it("a verified campaign does not help a number missing from the service's sender pool", () => {
    const report = twilioReadiness(answers({ serviceNumbers: { ok: true, value: ["+15125550199"] } }));
    expect(report.status).toBe("failed");
    expect(statusOf(report, "Number in service")?.status).toBe("missing");
    expect(statusOf(report, "Number in service")?.errors[0]).toContain(`${E164} is not in Messaging Service ${MG}`);
  });

  it("no campaign at all: failed, the campaign step missing, the brand not yet known", () => {
    const report = twilioReadiness(answers({ campaign: { ok: true, value: null }, brand: undefined }));
    expect(report.status).toBe("failed");
    expect(statusOf(report, "Campaign")?.status).toBe("missing");
    expect(statusOf(report, "Brand")).toMatchObject({ status: "unknown", errors: [] });
  });

  it("no Messaging Service set: unknown, with the Messaging Service step missing and what to enter", () => {
    const report = twilioReadiness(answers({ messagingServiceSid: null }));
    expect(report.status).toBe("unknown");
    expect(report.steps[0]).toMatchObject({ step: "Messaging Service", status: "missing" });
    expect(report.steps[0]?.errors[0]).toContain("Enter the SID (MG…)");
  });

  it("a Messaging Service Twilio does not know is failed; one it could not be asked about is unknown", () => {
    expect(twilioReadiness(answers({ service: { ok: false, notFound: true, error: "404" } })).status).toBe("failed");
    const down = twilioReadiness(answers({ service: { ok: false, notFound: false, error: "timed out" }, serviceNumbers: { ok: false, notFound: false, error: "timed out" } }));
    expect(down.status).toBe("unknown");
    expect(statusOf(down, "Messaging Service")?.errors).toEqual(["Rebound could not read the Messaging Service from Twilio: timed out"]);
  });

  it("without Twilio credentials nothing is asked and the status is unknown", () => {
    const report = twilioReadiness({ credentials: false, messagingServiceSid: MG, e164: E164 });
    expect(report).toEqual({ status: "unknown", steps: [expect.objectContaining({ step: "Twilio account", status: "missing" })] });
  });

  it("a mock campaign says it is test data", () => {
    const report = twilioReadiness(answers({ campaign: { ok: true, value: campaign("VERIFIED", [], true) } }));
    expect(statusOf(report, "Campaign")?.note).toBe("Mock campaign: Twilio test data, not a real registration.");
  });

  it("a campaign state Rebound does not know is unknown, quoted", () => {
    const report = twilioReadiness(answers({ campaign: { ok: true, value: campaign("UNDER_CARRIER_REVIEW") } }));
    expect(report.status).toBe("unknown");
    expect(statusOf(report, "Campaign")?.errors).toEqual(['Twilio answered campaign status "UNDER_CARRIER_REVIEW", which Rebound does not know.']);
  });
});
