// The phone system in the browser tests: signed, real-format Twilio webhooks posted at the app,
// exactly as `npm run simulate` does.
import { formatPhone } from "@/lib/phone";
import { waitForProcessing } from "./database";
import { dialActionPayload, inboundSmsPayload, recordingPayload, signedTwilioRequest, type Params } from "@/lib/telephony/twilio/samples";

function config() {
  const appUrl = process.env.E2E_APP_URL;
  const accountSid = process.env.E2E_TWILIO_ACCOUNT_SID;
  const authToken = process.env.E2E_TWILIO_AUTH_TOKEN;
  if (!appUrl || !accountSid || !authToken) throw new Error("e2e global setup did not run");
  return { appUrl, accountSid, authToken };
}

/** Posts a signed webhook and, once it is answered 2xx, waits for the app to process it. */
async function post(path: string, params: Params): Promise<number> {
  const { appUrl, authToken } = config();
  const response = await fetch(signedTwilioRequest({ appUrl, path, params, authToken }));
  if (response.ok) await waitForProcessing();
  return response.status;
}

let lastCaller = 0;

/**
 * A caller no other test of the run has used: from the clock in milliseconds, strictly increasing
 * (also across a restarted worker), not drawn at random; the numbers repeat only after 8,000,000 ms
 * (2.2 hours), longer than a run on its fresh database.
 */
export function newCaller(): { e164: string; display: string } {
  lastCaller = Math.max(lastCaller + 1, Date.now());
  const n = lastCaller % 8_000_000;
  // A valid NANP number: the exchange (first three digits) never starts with 0 or 1.
  const e164 = `+1213${200 + Math.floor(n / 10_000)}${String(n % 10_000).padStart(4, "0")}`;
  return { e164, display: formatPhone(e164) };
}

export async function missedCall(from: string, to = "+13105550100"): Promise<number> {
  return post("/api/webhooks/twilio/dial", dialActionPayload({ accountSid: config().accountSid, from, to }));
}

/**
 * A missed call on which the caller leaves a voicemail, as Twilio reports it: the `<Dial>` leg
 * nobody answered (DialCallDuration 0), then the recording callback our TwiML's `<Record action>` names.
 */
export async function missedCallWithVoicemail(from: string, seconds: number, to = "+13105550100"): Promise<number> {
  const { appUrl, accountSid, authToken } = config();
  const params = dialActionPayload({ accountSid, from, to });
  const twiml = await (await fetch(signedTwilioRequest({ appUrl, path: "/api/webhooks/twilio/dial", params, authToken }))).text();
  await waitForProcessing();
  const action = /<Record [^>]*\baction="([^"]+)"/.exec(twiml)?.[1];
  if (!action) throw new Error(`no <Record action> in ${twiml}`);
  const url = new URL(action.replaceAll("&amp;", "&"));
  return post(`${url.pathname}${url.search}`, recordingPayload({ accountSid, callSid: params.CallSid!, seconds }));
}

export async function textFromCaller(from: string, body: string, to = "+13105550100"): Promise<number> {
  return post("/api/webhooks/twilio/sms", inboundSmsPayload({ accountSid: config().accountSid, from, to, body }));
}

/** What the Twilio stand-in received (the texts Rebound really sent). */
export async function sentTexts(): Promise<{ to: string; from: string; body: string }[]> {
  const { accountSid } = config();
  const base = process.env.E2E_STAND_IN_URL;
  const auth = Buffer.from(`${accountSid}:${process.env.E2E_TWILIO_AUTH_TOKEN}`).toString("base64");
  const response = await fetch(`${base}/2010-04-01/Accounts/${accountSid}/Messages.json?PageSize=1000`, { headers: { Authorization: `Basic ${auth}` } });
  const page = (await response.json()) as { messages: { to: string; from: string; body: string }[] };
  return page.messages;
}
