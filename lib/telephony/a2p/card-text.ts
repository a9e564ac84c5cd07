// The words of the texting-readiness card: what each state means and what to do about it, and the
// "paused since" line. Pure, so the page, the docs and the tests say the same thing.
import { formatDateTime } from "@/lib/format";
import { a2pDetailSchema, type A2pStatus, type A2pStep, type StepStatus } from "./readiness";

export const STATUS_TEXT: Record<A2pStatus, { label: string; meaning: string }> = {
  verified: { label: "Verified", meaning: "Carriers accept texts from this number." },
  pending: {
    label: "Pending",
    meaning: "Carriers are still reviewing the registration (this can take days). Texts to US numbers may be blocked until it is verified.",
  },
  failed: {
    label: "Failed",
    meaning: "The registration failed or is incomplete, so US carriers block texts from this number (error 30034). Fix what the steps below say, then check again.",
  },
  suspended: {
    label: "Suspended",
    meaning: "Carriers suspended the registration and block texts from this number. Contact your provider's support to lift it.",
  },
  unknown: { label: "Not known", meaning: "Rebound could not tell whether carriers accept texts from this number. The steps below say why." },
  not_applicable: { label: "Not applicable", meaning: "Rebound does not manage this number's registration." },
};

export const STEP_TEXT: Record<StepStatus, { label: string }> = {
  verified: { label: "Verified" },
  pending: { label: "Pending" },
  failed: { label: "Failed" },
  suspended: { label: "Suspended" },
  missing: { label: "Missing" },
  unknown: { label: "Not known" },
  not_applicable: { label: "Not applicable" },
};

/** The steps stored in a2p_detail, or none when the row was never checked or holds another shape. */
export function storedSteps(detail: unknown): A2pStep[] {
  const parsed = a2pDetailSchema.safeParse(detail);
  return parsed.success ? parsed.data.steps : [];
}

/** "Automatic texts paused since Tue, Dec 8, 9:00 AM: …": what a paused number's card says. */
export function pausedText({ at, reason, timezone }: { at: Date; reason: string | null; timezone: string }): string {
  const why = reason ? ` (${reason})` : "";
  return `Blocked: not registered. Automatic texts from this number are paused since ${formatDateTime(at, timezone)}${why}. Each missed caller gets a callback task instead. Texts resume by themselves once a check finds the registration verified.`;
}

/** What the card says a number's state means; a number never checked has no steps to point at yet. */
export function meaningText({ status, checkedAt }: { status: A2pStatus; checkedAt: Date | null }): string {
  if (!checkedAt && status === "unknown") return "Not checked yet: Rebound checks every number daily, or now with Check again.";
  return STATUS_TEXT[status].meaning;
}

export function checkedText({ at, timezone }: { at: Date | null; timezone: string }): string {
  return at ? `Last checked ${formatDateTime(at, timezone)}.` : "Not checked yet.";
}
