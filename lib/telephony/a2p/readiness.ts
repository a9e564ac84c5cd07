// What "texting readiness" means for one sending number, whatever its provider: an overall status
// (the closed set stored in phone_numbers.a2p_status) and the steps it was decided from, each with
// the provider's own error text. Stored as phone_numbers.a2p_detail; shown on the readiness card.
import { z } from "zod";
import type { A2pStatus } from "@/db/schema";

/** Overall: the a2p_status column's closed set (db/schema/number-states.ts). Only `verified` lets paused texts resume. */
export type { A2pStatus };

/** One step: the overall set plus `missing` (nothing exists yet: a setting, a campaign, a registration). */
export const STEP_STATUSES = ["verified", "pending", "failed", "suspended", "missing", "unknown", "not_applicable"] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const a2pStepSchema = z.object({
  step: z.string().min(1).max(80),
  status: z.enum(STEP_STATUSES),
  /** The provider's error texts (or ours when a step is missing), shown as plain text. */
  errors: z.array(z.string().max(2000)).max(20),
  /** A remark that is not an error, e.g. "mock campaign: Twilio test data". */
  note: z.string().max(500).optional(),
});
export type A2pStep = z.infer<typeof a2pStepSchema>;

/** The jsonb in phone_numbers.a2p_detail, parsed on read (a row written by an older version may differ). */
export const a2pDetailSchema = z.object({ steps: z.array(a2pStepSchema).max(10) });
export type A2pDetail = z.infer<typeof a2pDetailSchema>;

export type A2pReport = { status: A2pStatus; steps: A2pStep[] };

/**
 * The worst step decides: a suspension outranks a failure, a failure (something to fix) outranks
 * "could not tell", which outranks "waiting on the carriers". All verified → verified. A missing
 * step is a failure (texts are blocked until someone adds it) unless the caller says otherwise.
 */
export function overallStatus(steps: A2pStep[]): A2pStatus {
  const has = (s: StepStatus) => steps.some((step) => step.status === s);
  if (steps.length === 0) return "unknown";
  if (has("suspended")) return "suspended";
  if (has("failed") || has("missing")) return "failed";
  if (has("unknown")) return "unknown";
  if (has("pending")) return "pending";
  if (steps.every((step) => step.status === "not_applicable")) return "not_applicable";
  return "verified";
}

export const step = (name: string, status: StepStatus, errors: string[] = [], note?: string): A2pStep =>
  note ? { step: name, status, errors, note } : { step: name, status, errors };
