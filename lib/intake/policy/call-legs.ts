// Twilio's own call flow (README option B): whether a `completed` parent call was answered by a
// person, read from its child legs (docs/decisions.md "Calls in the spa's own Twilio flow"). A
// forwarded mobile's own voicemail answers its leg for a few seconds, so a leg counts as answered
// only from the location's threshold on; several legs (simultaneous ring): one answered is enough.
// There is no "answered" field on a Twilio Call. Pure.
import type { CallEvent, ChildLeg, LegCheck } from "@/lib/telephony/call-event";

/** The threshold a new location starts with (locations.missed_leg_seconds). */
export const DEFAULT_MISSED_LEG_SECONDS = 8;

/**
 * `answered` / `missed` from the legs; `unknown`: the legs could not be listed (no text, a callback);
 * `not_checked`: no Twilio credentials to ask with (simulated), so `completed` still means answered.
 */
export type LegVerdict = "answered" | "missed" | "unknown" | "not_checked";

/** What the call's timeline keeps of the check (event `call_legs_checked`). */
export type LegsCheckedDetail = { legs: ChildLeg[]; thresholdSeconds: number; verdict: LegVerdict; error?: string };

/** Answered when a child leg `completed` after at least `thresholdSeconds`; no leg at all is a miss. */
export function legsAnswered(legs: readonly ChildLeg[], thresholdSeconds: number): boolean {
  return legs.some((leg) => leg.status === "completed" && (leg.duration ?? 0) >= thresholdSeconds);
}

export function legVerdict(check: Exclude<LegCheck, { status: "pending" }>, thresholdSeconds: number): LegVerdict {
  switch (check.status) {
    case "listed":
      return legsAnswered(check.legs, thresholdSeconds) ? "answered" : "missed";
    case "unknown":
      return "unknown";
    case "simulated":
      return "not_checked";
  }
}

/**
 * The call as a finished check leaves it (a miss when no leg was answered, or when nobody could
 * tell: `decide` then opens a callback instead of texting) and what the timeline shows of it.
 * Null: the call needs no check, or its check is still pending.
 */
export function settleLegCheck(event: CallEvent, thresholdSeconds: number): { event: CallEvent; detail: LegsCheckedDetail } | null {
  const check = event.legCheck;
  if (!check || check.status === "pending") return null;
  const verdict = legVerdict(check, thresholdSeconds);
  const detail: LegsCheckedDetail = {
    legs: check.status === "listed" ? check.legs : [],
    thresholdSeconds,
    verdict,
    ...(check.status === "unknown" ? { error: check.error } : {}),
  };
  const missed = verdict === "missed" || verdict === "unknown";
  return { event: missed ? { ...event, disposition: "missed" } : event, detail };
}
