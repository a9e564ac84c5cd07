// The timeline's line for a `call_legs_checked` event (lib/intake/policy/call-legs.ts): which legs
// of a call on the spa's own Twilio number were looked at, and what Rebound made of them. Pure.
import type { EventDetailValue } from "@/db/schema";

type Leg = { sid: string; status: string; duration: number | null };

function legsOf(value: EventDetailValue | undefined): Leg[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((leg) => {
    if (!leg || typeof leg !== "object" || Array.isArray(leg)) return [];
    const { sid, status, duration } = leg;
    return typeof sid === "string" && typeof status === "string" ? [{ sid, status, duration: typeof duration === "number" ? duration : null }] : [];
  });
}

/** "leg …9f3a2b completed after 5 s", "leg …0c1d2e no-answer". */
function legText({ sid, status, duration }: Leg): string {
  const seconds = status === "completed" && duration !== null ? ` after ${duration} s` : "";
  return `leg …${sid.slice(-6)} ${status.replaceAll("-", " ")}${seconds}`;
}

export function callLegsText(detail: Record<string, EventDetailValue> | null): string {
  const legs = legsOf(detail?.legs);
  const threshold = typeof detail?.thresholdSeconds === "number" ? detail.thresholdSeconds : null;
  const atLeast = threshold === null ? "" : ` for ${threshold} s or more`;
  const listed = legs.length ? ` (${legs.map(legText).join("; ")})` : "";
  switch (detail?.verdict) {
    case "answered":
      return `Twilio call legs checked: answered${atLeast}${listed}.`;
    case "missed":
      return legs.length
        ? `Twilio call legs checked: nobody answered${atLeast}, so it counts as a missed call${listed}.`
        : "Twilio call legs checked: the call was never put through to anyone, so it counts as a missed call.";
    case "unknown":
      return `Twilio could not list this call's legs${typeof detail.error === "string" ? ` (${detail.error})` : ""}: recorded as missed, not texted in case someone answered.`;
    case "not_checked":
      return "Twilio call legs not checked: no Twilio credentials (simulated mode), so a completed call counts as answered.";
    default:
      return "Twilio call legs checked.";
  }
}
