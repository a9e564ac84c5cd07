// Twilio (and generic numbers hosted on Twilio): the A2P 10DLC ladder, mapped from the Messaging v1
// answers to a readiness report. Pure: the answers are fetched by twilio-fetch.ts. A number can text
// US recipients only when its Messaging Service has a VERIFIED campaign and the number is in the
// service's sender pool (only VERIFIED means "can send": docs/provider-formats.md#twilio-a2p-10dlc).
import { overallStatus, step, type A2pReport, type A2pStep, type StepStatus } from "./readiness";
import { twilioErrorText, type TwilioBrand, type TwilioCampaign, type TwilioService } from "./twilio-shapes";

export const STEP = { account: "Twilio account", service: "Messaging Service", number: "Number in service", brand: "Brand", campaign: "Campaign" } as const;

/** An answer, or why there is none: the resource does not exist (404), or the request failed. */
export type { Fetched } from "@/lib/http/provider-get";
import type { Fetched } from "@/lib/http/provider-get";

export type TwilioAnswers = {
  /** False when the server has no Twilio credentials: texts are simulated, nothing can be checked. */
  credentials: boolean;
  messagingServiceSid: string | null;
  e164: string;
  service?: Fetched<TwilioService>;
  /** The E.164 numbers in the service's sender pool. */
  serviceNumbers?: Fetched<string[]>;
  /** The service's campaign; `value: null` when the list is empty. */
  campaign?: Fetched<TwilioCampaign | null>;
  brand?: Fetched<TwilioBrand>;
};

/** Campaign states: the spec's description names IN_PROGRESS, VERIFIED, FAILED; PENDING and SUSPENDED are reported too (docs/provider-formats.md#twilio-a2p-10dlc). */
export function campaignStepStatus(status: string | null | undefined): StepStatus {
  switch (status) {
    case "VERIFIED":
      return "verified";
    case "IN_PROGRESS":
    case "PENDING":
      return "pending";
    case "FAILED":
      return "failed";
    case "SUSPENDED":
      return "suspended";
    default:
      return "unknown";
  }
}

/** brand_registrations_enum_status. A brand being deleted can carry no campaign: it counts as failed. */
export function brandStepStatus(status: string | null | undefined): StepStatus {
  switch (status) {
    case "APPROVED":
      return "verified";
    case "PENDING":
    case "IN_REVIEW":
      return "pending";
    case "FAILED":
    case "DELETION_PENDING":
    case "DELETION_FAILED":
      return "failed";
    case "SUSPENDED":
      return "suspended";
    default:
      return "unknown";
  }
}

const unreachable = (what: string, error: string) => `Rebound could not read the ${what} from Twilio: ${error}`;

function serviceStep(answers: TwilioAnswers, sid: string): A2pStep {
  const service = answers.service;
  if (!service) return step(STEP.service, "unknown");
  if (!service.ok) {
    return service.notFound
      ? step(STEP.service, "failed", [`Twilio has no Messaging Service ${sid} on this account. Check the SID in Twilio's console (Messaging → Services).`])
      : step(STEP.service, "unknown", [unreachable("Messaging Service", service.error)]);
  }
  const registered = service.value.us_app_to_person_registered;
  return step(STEP.service, "verified", [], registered === false ? "Twilio says no US A2P campaign is registered for this service yet." : undefined);
}

function numberStep(answers: TwilioAnswers, sid: string): A2pStep {
  const numbers = answers.serviceNumbers;
  if (!numbers) return step(STEP.number, "unknown");
  if (!numbers.ok) return step(STEP.number, "unknown", [unreachable("service's numbers", numbers.error)]);
  return numbers.value.includes(answers.e164)
    ? step(STEP.number, "verified")
    : step(STEP.number, "missing", [`${answers.e164} is not in Messaging Service ${sid}. Add it to the service's sender pool in Twilio, or texts from it are blocked (30034).`]);
}

function campaignStep(answers: TwilioAnswers): A2pStep {
  const campaign = answers.campaign;
  if (!campaign) return step(STEP.campaign, "unknown");
  if (!campaign.ok) return step(STEP.campaign, "unknown", [unreachable("campaign", campaign.error)]);
  if (!campaign.value)
    return step(STEP.campaign, "missing", ["No A2P campaign is registered for this Messaging Service. Register one in Twilio (Messaging → Regulatory Compliance)."]);
  const { campaign_status: raw, errors, mock } = campaign.value;
  const status = campaignStepStatus(raw);
  const texts = (errors ?? []).map(twilioErrorText);
  if (status === "unknown") texts.push(`Twilio answered campaign status "${raw ?? "none"}", which Rebound does not know.`);
  return step(STEP.campaign, status, texts, mock ? "Mock campaign: Twilio test data, not a real registration." : undefined);
}

function brandStep(answers: TwilioAnswers): A2pStep {
  const brand = answers.brand;
  if (!brand) return step(STEP.brand, "unknown");
  if (!brand.ok) return step(STEP.brand, "unknown", [unreachable("brand", brand.error)]);
  const { status: raw, errors, failure_reason: reason, mock } = brand.value;
  const status = brandStepStatus(raw);
  const texts = (errors ?? []).map(twilioErrorText);
  if (texts.length === 0 && reason && status === "failed") texts.push(reason);
  if (raw === "DELETION_PENDING" || raw === "DELETION_FAILED") texts.push(`The brand is being deleted (${raw}).`);
  if (status === "unknown") texts.push(`Twilio answered brand status "${raw ?? "none"}", which Rebound does not know.`);
  return step(STEP.brand, status, texts, mock ? "Mock brand: Twilio test data, not a real registration." : undefined);
}

export function twilioReadiness(answers: TwilioAnswers): A2pReport {
  if (!answers.credentials) {
    return {
      status: "unknown",
      steps: [step(STEP.account, "missing", ["This server has no Twilio credentials, so texts are simulated and registration cannot be checked."])],
    };
  }
  const sid = answers.messagingServiceSid;
  if (!sid) {
    // Rebound cannot tell whether texts would pass: it does not know which service to ask about.
    return {
      status: "unknown",
      steps: [
        step(STEP.service, "missing", ["No Messaging Service is set. Enter the SID (MG…) of the Twilio Messaging Service whose A2P campaign covers your numbers."]),
        step(STEP.number, "unknown"),
        step(STEP.brand, "unknown"),
        step(STEP.campaign, "unknown"),
      ],
    };
  }
  const steps = [serviceStep(answers, sid), numberStep(answers, sid), brandStep(answers), campaignStep(answers)];
  // No campaign means no brand to look at: the brand step says so instead of "unknown".
  const campaign = answers.campaign;
  if (campaign?.ok && !campaign.value) steps[2] = step(STEP.brand, "unknown", [], "Shown once a campaign names its brand.");
  return { status: overallStatus(steps), steps };
}
