// Proving a number on the platform's Twilio account: IncomingPhoneNumbers filtered by the number.
// The filter matches partial numbers, so `phone_number` is compared exactly; `origin` says whether
// Twilio owns the number or only hosts its SMS (docs/provider-formats.md#twilio-incoming-phone-numbers).
// A generic phone system's number texts through Twilio only when it is found here.
import type { TwilioClient } from "@/lib/messaging/twilio-client";
import { findExactNumber } from "./match";
import { CANNOT_TEXT, checked, type ProofOutcome } from "./proof-result";

const originOf = (origin: string | null | undefined) => (origin === "twilio" || origin === "hosted" ? origin : null);

/** Capabilities as twilio-node hands them over (the API's JSON, lower-case; upper-case in some old answers). */
function canText(capabilities: unknown): boolean {
  const c = (capabilities ?? {}) as Record<string, unknown>;
  return c.sms === true || c.SMS === true;
}

export async function proveOnTwilio(client: TwilioClient, e164: string, provider: "twilio" | "generic"): Promise<ProofOutcome> {
  let listed: Awaited<ReturnType<TwilioClient["incomingPhoneNumbers"]["list"]>>;
  try {
    listed = await client.incomingPhoneNumbers.list({ phoneNumber: e164, limit: 50 });
  } catch (error) {
    const status = typeof error === "object" && error && "status" in error ? ` (HTTP ${String(error.status)})` : "";
    return { kind: "failed", error: `Twilio could not be asked${status}` };
  }
  const found = findExactNumber(listed, e164, (n) => n.phoneNumber);
  if (!found) {
    return provider === "twilio"
      ? checked("not_found", "Not on Rebound's Twilio account: texts from it are paused. If the number moved, add it again where it lives now.")
      : checked(
          "cannot_text",
          `${CANNOT_TEXT}: your phone system is not one Rebound sends through, and the number is not hosted for SMS on Rebound's Twilio account. Missed calls to it open a callback task instead of a text.`,
        );
  }
  const origin = originOf(found.origin);
  if (!canText(found.capabilities)) return checked("cannot_text", `${CANNOT_TEXT}: Twilio lists it without SMS capability.`, found.sid, origin);
  if (provider === "generic" && !origin) return checked("cannot_text", `${CANNOT_TEXT}: Twilio reports an origin Rebound does not know (${found.origin}).`, found.sid, null);
  return checked("proven", origin === "hosted" ? "Proven on Twilio (hosted SMS)." : "Proven on Twilio.", found.sid, origin);
}
