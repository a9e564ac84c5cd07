// A missed call from the test caller, exactly as each phone system sends it: the payload builders
// the simulator and the tests use (lib/telephony/<provider>/samples.ts), signed with this organization's secret
// over APP_URL + path, the way the provider signs it.
import type { OrgSecrets } from "@/db/queries/organizations";
import type { Env } from "@/lib/env";
import type { Provider } from "@/lib/telephony/call-event";
import { aircallCallId, aircallCallPayload, aircallRequest } from "@/lib/telephony/aircall/samples";
import { genericEvent, signedGenericRequest } from "@/lib/telephony/generic/samples";
import { callMissedPayload, openphoneId, signedOpenPhoneRequest } from "@/lib/telephony/openphone/samples";
import { dialActionPayload, sid, signedTwilioRequest } from "@/lib/telephony/twilio/samples";

export type TestRequest = { request: Request; externalId: string };

/** Where test requests are aimed: Twilio checks the signature over APP_URL + path, so the same URL. */
const TWILIO_DIAL_PATH = "/api/webhooks/twilio/dial";

function unsigned(url: string, body: unknown): Request {
  return new Request(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
}

/**
 * Signed with the organization's own secret only. With the integration off the request goes out
 * unsigned: the app's own answer (403, "not turned on") then tells the owner what to do, exactly
 * as the provider would see it.
 */
export function buildTestRequest(
  provider: Provider,
  { from, to, secrets, env }: { from: string; to: string; secrets: OrgSecrets | null; env: Pick<Env, "appUrl" | "twilio" | "twilioSigningToken"> },
): TestRequest {
  const base = env.appUrl;
  if (provider === "twilio") {
    const callSid = sid("CA");
    const accountSid = env.twilio?.accountSid ?? `AC${"0".repeat(32)}`;
    const params = dialActionPayload({ accountSid, callSid, from, to });
    const request = signedTwilioRequest({ appUrl: base, path: TWILIO_DIAL_PATH, params, authToken: env.twilioSigningToken ?? "not-configured" });
    return { request, externalId: callSid };
  }
  if (provider === "openphone") {
    const callId = openphoneId("AC");
    const payload = callMissedPayload({ from, to, callId });
    const url = `${base}/api/webhooks/openphone`;
    const secret = secrets?.openphone.current;
    return { request: secret ? signedOpenPhoneRequest({ url, payload, secret, generation: "current" }) : unsigned(url, payload), externalId: callId };
  }
  if (provider === "aircall") {
    const id = aircallCallId();
    const token = secrets?.aircall.current ?? "";
    const payload = aircallCallPayload({ token, from, to, id, event: "call.ended" });
    return { request: aircallRequest({ url: `${base}/api/webhooks/aircall`, payload }), externalId: String(id) };
  }
  const body = genericEvent({ from, to, type: "call.missed" });
  const secret = secrets?.generic.current ?? null;
  return { request: signedGenericRequest({ url: `${base}/api/webhooks/generic`, body, secret }), externalId: body.call_id };
}
