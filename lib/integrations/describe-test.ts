// Turns the app's answer to a test webhook, and what it recorded, into one sentence for the owner.
// Pure: the runner (test-call.ts) gathers the facts.
import { isSkipReason, SKIP_REASON_TEXT } from "@/lib/intake/policy/reasons";
import type { CallOutcome } from "@/db/queries/integrations";

export type TestCallResult = {
  ok: boolean;
  /** The HTTP status the webhook route answered, or null when nothing was sent. */
  status: number | null;
  message: string;
  conversationId: string | null;
};

/** The `message` of the app's JSON error answer, when there is one. */
function errorMessageOf(body: string): string | null {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === "object" && "message" in parsed && typeof parsed.message === "string") return parsed.message;
  } catch {
    // TwiML or plain text: no message field
  }
  return null;
}

const HINTS: Record<number, string> = {
  401: "Check that the secret saved here is the one your phone system signs with.",
  403: "Check that the number is on this phone system in Settings → Locations, that the integration is on, and (for Twilio) APP_URL: Twilio signs the exact public URL it calls.",
  503: "Set TWILIO_AUTH_TOKEN on the server and try again.",
};

export function describeTestResult({ status, body, outcome, locationName }: { status: number; body: string; outcome: CallOutcome | null; locationName: string }): TestCallResult {
  if (status < 200 || status >= 300) {
    const reason = errorMessageOf(body) ?? (body.trim().slice(0, 200) || "no details");
    const hint = HINTS[status];
    return { ok: false, status, message: `The webhook was refused: ${reason}${hint ? ` ${hint}` : ""}`, conversationId: null };
  }
  if (!outcome) {
    return {
      ok: false,
      status,
      message: "The webhook was accepted, but no call was recorded for this spa. Check that the number belongs to one of your locations.",
      conversationId: null,
    };
  }
  const { conversationId } = outcome;
  if (outcome.events.some((e) => e.type === "text_queued")) {
    return { ok: true, status, message: `Recorded a missed call to ${locationName} and queued the text-back.`, conversationId };
  }
  const skipped = outcome.events.find((e) => e.type === "text_skipped");
  if (skipped) {
    const why = isSkipReason(skipped.reason) ? SKIP_REASON_TEXT[skipped.reason] : (skipped.reason ?? "a rule said not to text");
    return { ok: true, status, message: `Recorded a missed call to ${locationName}; no text-back this time: ${why}`, conversationId };
  }
  return { ok: true, status, message: `Recorded a call to ${locationName}.`, conversationId };
}
