// Oversized and malformed bodies at every webhook, through each provider's real front door: over
// the limit → 413 with a clear message, not JSON / not a payload / unstorable text → 400 with a
// clear message, and in every case not one row is written anywhere.
import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { callbacks, calls, contacts, conversations, crmDeliveries, events, messages, outbox, trackedLinks, inboundEvents } from "@/db/schema";
import { aircallCallPayload, aircallRequest } from "@/lib/telephony/aircall/samples";
import { genericEvent, signedGenericRequest } from "@/lib/telephony/generic/samples";
import { DEMO_NUMBER_BY_PROVIDER } from "@/db/seed-demo";
import { JSON_MAX_DEPTH } from "@/lib/http/body";
import { callMissedPayload, signedOpenPhoneRequest } from "@/lib/telephony/openphone/samples";
import { callStatusPayload, dialActionPayload, inboundSmsPayload, signedTwilioRequest, type Params } from "@/lib/telephony/twilio/samples";
import { APP_URL, DEMO_WEBHOOK_SECRETS, DOWNTOWN, uniqueCaller, useHarness } from "./harness";

// The demo organization's own secrets (global-setup.ts), so that only the body is ever at fault.
const { openphone: OPENPHONE_SECRET, aircall: AIRCALL_TOKEN, generic: GENERIC_SECRET } = DEMO_WEBHOOK_SECRETS;

const h = useHarness();

const TWILIO_PATHS = ["voice", "dial", "call-status", "voicemail", "transcription", "queue", "sms", "message-status"] as const;
const FORM_LIMIT = "64 KB";
const JSON_LIMIT = "256 KB";
const padding = (bytes: number) => "x".repeat(bytes);

/** Rows in every table a webhook can write to: any change means something was stored. */
async function rowCounts(): Promise<Record<string, number>> {
  const db = await getDb();
  const tables = { calls, contacts, conversations, messages, outbox, events, callbacks, crmDeliveries, inboundEvents, trackedLinks };
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) {
    const [row] = await db.select({ n: count() }).from(table);
    counts[name] = row?.n ?? -1;
  }
  return counts;
}

async function expectRejected(send: () => Promise<Response>, status: number, message: string | RegExp): Promise<void> {
  await h.settle();
  const before = await rowCounts();
  const response = await send();
  const body = (await response.json()) as { error: string; message: string };
  expect(response.status).toBe(status);
  expect(body.error).toBe(status === 413 ? "payload_too_large" : "bad_request");
  if (typeof message === "string") expect(body.message).toBe(message);
  else expect(body.message).toMatch(message);
  await h.settle();
  expect(await rowCounts()).toEqual(before);
  expect(h.standIn.messages).toHaveLength(0);
}

/** A Twilio request signed over these exact params, run through the real handler of `path`. */
async function twilio(path: (typeof TWILIO_PATHS)[number], params: Params): Promise<Response> {
  const { handleTwilioWebhook } = await import("@/lib/telephony/twilio/webhook");
  const handlers = await import("@/lib/intake/twilio-door");
  const handler = {
    voice: handlers.onVoice,
    dial: handlers.onDial,
    "call-status": handlers.onCallStatus,
    voicemail: handlers.onVoicemail,
    transcription: handlers.onTranscription,
    queue: handlers.onQueue,
    sms: handlers.onInboundSms,
    "message-status": handlers.onMessageStatus,
  }[path];
  const request = signedTwilioRequest({ appUrl: APP_URL, path: `/api/webhooks/twilio/${path}`, params, authToken: h.standIn.authToken });
  return handleTwilioWebhook(request, () => {}, path, handler);
}

/** A real-format missed call whose fields would be recorded, if the body got that far. */
const missedDial = (): Params => dialActionPayload({ accountSid: h.standIn.accountSid, from: uniqueCaller(), to: DOWNTOWN });

describe("Twilio webhooks", () => {
  it.each(TWILIO_PATHS)("%s: a signed form post over 64 KB is 413 and stores nothing", async (path) => {
    const params = { ...missedDial(), Padding: padding(70 * 1024) };
    await expectRejected(() => twilio(path, params), 413, `The request body is larger than ${FORM_LIMIT}, the limit for this webhook; nothing was stored.`);
  });

  it.each(TWILIO_PATHS)("%s: a signed form post with none of the fields is 400 naming them", async (path) => {
    await expectRejected(() => twilio(path, { Hello: "world" }), 400, /^Malformed Twilio payload: AccountSid: /);
  });

  it("a signed missed call whose caller ID carries a NUL character is 400", async () => {
    const params = { ...missedDial(), From: "+1310555\u00000111" };
    await expectRejected(() => twilio("dial", params), 400, "The request body cannot be accepted: body.From contains a NUL character.");
  });

  it("a signed status callback with a wrong kind of value is 400 naming the field", async () => {
    const params = callStatusPayload({ accountSid: h.standIn.accountSid, from: uniqueCaller(), to: DOWNTOWN, callStatus: "exploded" });
    await expectRejected(() => twilio("call-status", params), 400, /^Malformed Twilio payload: CallStatus: /);
  });

  it("an inbound text of 1,601 characters is 400 (Twilio's own maximum is 1,600)", async () => {
    const params = inboundSmsPayload({ accountSid: h.standIn.accountSid, from: uniqueCaller(), to: DOWNTOWN, body: "a".repeat(1601) });
    await expectRejected(() => twilio("sms", params), 400, /^Malformed Twilio payload: Body: /);
  });
});

type JsonProvider = "openphone" | "aircall" | "generic";
const JSON_URL = (provider: JsonProvider) => `${APP_URL}/api/webhooks/${provider}`;

/** A body as each provider would deliver it, signed or tokened correctly so only the body is at fault. */
function jsonRequest(provider: JsonProvider, rawBody: string): Request {
  if (provider === "openphone") return signedOpenPhoneRequest({ url: JSON_URL(provider), payload: rawBody, secret: OPENPHONE_SECRET, generation: "current" });
  if (provider === "generic") return signedGenericRequest({ url: JSON_URL(provider), body: rawBody, secret: GENERIC_SECRET });
  return aircallRequest({ url: JSON_URL(provider), payload: rawBody });
}

/** A real-format missed call of each provider, with `extra` merged in at the top level. */
function missedCall(provider: JsonProvider, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const input = { from: uniqueCaller(), to: DEMO_NUMBER_BY_PROVIDER[provider] };
  if (provider === "openphone") return { ...callMissedPayload(input), ...extra };
  if (provider === "aircall") return { ...aircallCallPayload({ token: AIRCALL_TOKEN, ...input }), ...extra };
  return { ...genericEvent(input), ...extra };
}

const post = (provider: JsonProvider, rawBody: string) => h.postJson(jsonRequest(provider, rawBody), provider);
const PROVIDERS: JsonProvider[] = ["openphone", "aircall", "generic"];

describe("JSON webhooks", () => {
  it.each(PROVIDERS)("%s: a correctly signed event over 256 KB is 413 and stores nothing", async (provider) => {
    const rawBody = JSON.stringify(missedCall(provider, { note: padding(260 * 1024) }));
    await expectRejected(() => post(provider, rawBody), 413, `The request body is larger than ${JSON_LIMIT}, the limit for this webhook; nothing was stored.`);
  });

  it.each(PROVIDERS)("%s: a body cut off mid-JSON is 400 'not valid JSON'", async (provider) => {
    const rawBody = JSON.stringify(missedCall(provider)).slice(0, 60);
    await expectRejected(() => post(provider, rawBody), 400, "The body is not valid JSON.");
  });

  it.each(PROVIDERS)("%s: an empty body is 400 saying a JSON event was expected", async (provider) => {
    await expectRejected(() => post(provider, ""), 400, "The body is empty; a JSON event was expected.");
  });

  it.each(PROVIDERS)("%s: an event with a NUL character in a field is 400 naming the field", async (provider) => {
    const rawBody = JSON.stringify(missedCall(provider, { id: "evt_\u0000" }));
    await expectRejected(() => post(provider, rawBody), 400, "The request body cannot be accepted: body.id contains a NUL character.");
  });

  it.each(PROVIDERS)("%s: JSON nested deeper than 64 levels is 400 before any signature check or parse, and stores nothing", async (provider) => {
    // 20,000 levels is 40 KB, far under the size limit: it used to overflow the stack into a 500.
    const deep = `{"a":${"[".repeat(20_000)}${"]".repeat(20_000)}}`;
    const nested = JSON.stringify(missedCall(provider)).replace(/}$/, `,"x":${deep}}`);
    const message = `The JSON body nests deeper than ${JSON_MAX_DEPTH} levels; no phone system sends that. Nothing was stored.`;
    await expectRejected(() => post(provider, nested), 400, message);
    // Unsigned: the answer is the same 400, so the check does not depend on holding the secret.
    const unsigned = new Request(JSON_URL(provider), { method: "POST", headers: { "Content-Type": "application/json" }, body: deep });
    await expectRejected(() => h.postJson(unsigned, provider), 400, message);
  });

  it("a signed generic event that is a JSON array is 400", async () => {
    await expectRejected(() => post("generic", "[1,2,3]"), 400, /^Malformed generic event: /);
  });

  it("a signed OpenPhone event whose data is a string is 400", async () => {
    const rawBody = JSON.stringify({ id: "EV1", type: "call.missed", data: "nope" });
    await expectRejected(() => post("openphone", rawBody), 400, /^Malformed OpenPhone payload: data must be an object/);
  });

  it("an Aircall event with the right token whose call is a number is 400", async () => {
    const rawBody = JSON.stringify({ resource: "call", event: "call.ended", token: AIRCALL_TOKEN, data: 42 });
    await expectRejected(() => post("aircall", rawBody), 400, /^Malformed Aircall event: data/);
  });
});
