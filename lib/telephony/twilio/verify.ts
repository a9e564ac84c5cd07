// X-Twilio-Signature: HMAC-SHA1 over the exact public URL Twilio called plus the sorted form
// params, checked by the twilio library (constant-time, with and without an explicit port).
import twilio from "twilio";

export type TwilioVerification = { ok: true } | { ok: false; reason: "missing_signature" | "bad_signature" };

export function verifyTwilioSignature(input: { authToken: string; signature: string | null; url: string; params: Record<string, string> }): TwilioVerification {
  if (!input.signature) return { ok: false, reason: "missing_signature" };
  const valid = twilio.validateRequest(input.authToken, input.signature, input.url, input.params);
  return valid ? { ok: true } : { ok: false, reason: "bad_signature" };
}

/** Twilio signs the URL it was configured with: APP_URL + the path and query it called, never req.url. */
export function publicUrlOf(requestUrl: string, appUrl: string): string {
  const { pathname, search } = new URL(requestUrl);
  return `${appUrl}${pathname}${search}`;
}

/** Form body → plain params. A repeated key keeps its last value, as Twilio never repeats keys. */
export function parseFormBody(raw: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(raw));
}

/** For tests and the simulator: the signature Twilio would send for this URL and params. */
export function signTwilioRequest(authToken: string, url: string, params: Record<string, string>): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}
