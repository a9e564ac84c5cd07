// Quo (OpenPhone): one carrier registration per Quo organization, read from the 2026-03-30 API's
// GET /a2p-registration (docs/provider-formats.md#quo-a2p-registration). Pure: quo-fetch.ts asks.
// Quo's documented sample shows `status: "pending"`; the other values are not listed [U], so the
// usual words are mapped and anything else is shown as Quo said it, as "unknown".
import { z } from "zod";
import { overallStatus, step, type A2pReport, type StepStatus } from "./readiness";
import type { Fetched } from "./twilio-readiness";

export const QUO_STEP = { key: "Quo API key", registration: "Quo registration" } as const;

export const quoRegistrationSchema = z
  .object({
    data: z
      .object({
        id: z.string().nullish(),
        draft: z.boolean().nullish(),
        status: z.string().nullish(),
        statusMessages: z
          .array(
            z
              .object({
                errorCode: z.union([z.number(), z.string()]).nullish(),
                errorReason: z.string().nullish(),
                fieldName: z.string().nullish(),
                fields: z.array(z.string()).nullish(),
              })
              .loose(),
          )
          .nullish(),
      })
      .loose(),
  })
  .loose();
export type QuoRegistration = z.infer<typeof quoRegistrationSchema>["data"];

export function quoStepStatus(status: string | null | undefined): StepStatus {
  switch (status?.toLowerCase()) {
    case "approved":
    case "verified":
    case "active":
    case "completed":
      return "verified";
    case "pending":
    case "submitted":
    case "in_review":
    case "in-review":
    case "processing":
      return "pending";
    case "rejected":
    case "failed":
    case "declined":
    case "denied":
      return "failed";
    case "suspended":
    case "deactivated":
      return "suspended";
    default:
      return "unknown";
  }
}

type StatusMessage = NonNullable<QuoRegistration["statusMessages"]>[number];

function messageText(m: StatusMessage): string {
  const code = m.errorCode === null || m.errorCode === undefined ? "" : `${m.errorCode}: `;
  const fields = [m.fieldName, ...(m.fields ?? [])].filter((f): f is string => Boolean(f));
  return `${code}${m.errorReason ?? "Quo gave no reason"}${fields.length ? ` (fields: ${[...new Set(fields)].join(", ")})` : ""}`;
}

export function quoReadiness({ apiKey, registration }: { apiKey: boolean; registration?: Fetched<QuoRegistration> }): A2pReport {
  if (!apiKey) {
    return {
      status: "unknown",
      steps: [
        step(QUO_STEP.key, "missing", ["No Quo API key is saved for this organization, so Rebound cannot read its carrier registration. Save it in Settings → Integrations."]),
      ],
    };
  }
  if (!registration) return { status: "unknown", steps: [step(QUO_STEP.registration, "unknown")] };
  if (!registration.ok) {
    const steps = registration.notFound
      ? [step(QUO_STEP.registration, "missing", ["Your Quo workspace has no A2P registration. Register in Quo before texting US numbers."])]
      : [step(QUO_STEP.registration, "unknown", [`Rebound could not read the registration from Quo: ${registration.error}`])];
    return { status: overallStatus(steps), steps };
  }
  const { status: raw, draft, statusMessages } = registration.value;
  const errors = (statusMessages ?? []).map(messageText);
  let status = quoStepStatus(raw);
  if (draft && status !== "verified") {
    // A draft was never sent to the carriers: nothing is under review until the owner submits it.
    status = "missing";
    errors.unshift("The registration is still a draft in Quo: submit it there.");
  } else if (status === "unknown") {
    errors.push(`Quo answered registration status "${raw ?? "none"}", which Rebound does not know.`);
  }
  const steps = [step(QUO_STEP.registration, status, errors)];
  return { status: overallStatus(steps), steps };
}
