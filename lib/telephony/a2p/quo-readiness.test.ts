import { describe, expect, it } from "vitest";
import { quoReadiness, quoRegistrationSchema, quoStepStatus } from "./quo-readiness";
import { aircallReadiness, cannotTextReadiness } from "./aircall-readiness";

// Quo's documented answer (quo.com/docs/2026-03-30/a2p-registration/get-the-a2p-registration), trimmed.
const answer = (status: string, extra: Record<string, unknown> = {}) =>
  quoRegistrationSchema.parse({
    data: {
      id: "RG123abc",
      draft: false,
      status,
      statusMessages: [],
      autofillStatus: "completed",
      type: "standard",
      assignedPnId: "PN123",
      createdAt: "2026-11-07T05:31:56Z",
      businessInfo: { name: "Acme Inc" },
      ...extra,
    },
  }).data;

describe("Quo A2P readiness", () => {
  it("maps the registration's status words", () => {
    expect(["approved", "pending", "rejected", "suspended", "Approved", "who-knows"].map(quoStepStatus)).toEqual([
      "verified",
      "pending",
      "failed",
      "suspended",
      "verified",
      "unknown",
    ]);
  });

  it("an approved registration is verified", () => {
    expect(quoReadiness({ apiKey: true, registration: { ok: true, value: answer("approved") } })).toEqual({
      status: "verified",
      steps: [{ step: "Quo registration", status: "verified", errors: [] }],
    });
  });

  it("a pending registration is pending", () => {
    expect(quoReadiness({ apiKey: true, registration: { ok: true, value: answer("pending") } }).status).toBe("pending");
  });

  it("a rejected registration is failed and shows each statusMessage with its code and field", () => {
    const report = quoReadiness({
      apiKey: true,
      registration: {
        ok: true,
        value: answer("rejected", { statusMessages: [{ errorCode: 123, errorReason: "Website does not match the business", fieldName: "websiteUrl", fields: ["websiteUrl"] }] }),
      },
    });
    expect(report).toEqual({
      status: "failed",
      steps: [{ step: "Quo registration", status: "failed", errors: ["123: Website does not match the business (fields: websiteUrl)"] }],
    });
  });

  it("a suspended registration is suspended", () => {
    expect(quoReadiness({ apiKey: true, registration: { ok: true, value: answer("suspended") } }).status).toBe("suspended");
  });

  it("a draft is not under review: failed, with what to do", () => {
    const report = quoReadiness({ apiKey: true, registration: { ok: true, value: answer("pending", { draft: true }) } });
    expect(report.status).toBe("failed");
    expect(report.steps[0]).toMatchObject({ status: "missing", errors: ["The registration is still a draft in Quo: submit it there."] });
  });

  it("no registration (404) is failed; an unreachable Quo is unknown; no API key is unknown", () => {
    expect(quoReadiness({ apiKey: true, registration: { ok: false, notFound: true, error: "404" } }).status).toBe("failed");
    expect(quoReadiness({ apiKey: true, registration: { ok: false, notFound: false, error: "HTTP 503" } })).toEqual({
      status: "unknown",
      steps: [{ step: "Quo registration", status: "unknown", errors: ["Rebound could not read the registration from Quo: HTTP 503"] }],
    });
    expect(quoReadiness({ apiKey: false })).toMatchObject({ status: "unknown", steps: [{ step: "Quo API key", status: "missing" }] });
  });

  it("a status word Rebound does not know is quoted, status unknown", () => {
    const report = quoReadiness({ apiKey: true, registration: { ok: true, value: answer("needs_attention") } });
    expect(report.status).toBe("unknown");
    expect(report.steps[0]?.errors).toEqual(['Quo answered registration status "needs_attention", which Rebound does not know.']);
  });
});

describe("numbers registration does not apply to", () => {
  it("Aircall: not applicable, pointing at the Aircall dashboard", () => {
    expect(aircallReadiness()).toEqual({
      status: "not_applicable",
      steps: [{ step: "Carrier registration", status: "not_applicable", errors: [], note: "Aircall manages carrier registration; check it in your Aircall dashboard." }],
    });
  });

  it("a generic number not hosted on Twilio: not applicable", () => {
    expect(cannotTextReadiness().status).toBe("not_applicable");
  });
});
