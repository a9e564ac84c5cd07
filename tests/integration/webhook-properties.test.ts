// Route-level properties, on a database of its own (mutated payloads create contacts and calls that
// the other files must not see): correctly signed but mutated real payloads of every provider
// (fields deleted, replaced with odd strings and numbers, added) through each webhook's real front
// door are answered 2xx or a 4xx that says why, never a 500; and every text that goes out as a
// result goes from the number the caller dialled.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "@/db/client";
import { DEMO_NUMBER_BY_PROVIDER, seedDemo } from "@/db/seed-demo";
import { toE164 } from "@/lib/phone";
import { aircallAdapter } from "@/lib/telephony/aircall/adapter";
import { genericAdapter } from "@/lib/telephony/generic/adapter";
import type { ProviderAdapter } from "@/lib/telephony/provider-adapter";
import { openphoneAdapter } from "@/lib/telephony/openphone/adapter";
import { mutatedJson, mutatedParams } from "@/lib/telephony/property-arbitraries";
import { aircallCallPayload, aircallRequest } from "@/lib/telephony/aircall/samples";
import { genericEvent, signedGenericRequest } from "@/lib/telephony/generic/samples";
import { callMissedPayload, legacyCallCompletedPayload, newOpenPhoneSecret, signedOpenPhoneRequest, voicemailCompletedPayload } from "@/lib/telephony/openphone/samples";
import {
  callStatusPayload,
  dialActionPayload,
  inboundSmsPayload,
  messageStatusPayload,
  queueActionPayload,
  recordingPayload,
  signedTwilioRequest,
  transcriptionPayload,
  voicePayload,
  type Params,
} from "@/lib/telephony/twilio/samples";
import { PROPERTY_SEED } from "../fast-check-seed";
import { createTestDatabase, type TestDatabase } from "../test-database";
import { APP_URL, DOWNTOWN, WESTSIDE, useHarness } from "./harness";
import { useProviderAccounts } from "./provider-accounts";

const OPENPHONE_SECRET = newOpenPhoneSecret();
const AIRCALL_TOKEN = "aircall-props-token-0b7e";
const GENERIC_SECRET = "generic-props-secret-93f1c2";
// Read by seedDemo below (as `npm run db:seed` does): they become the demo organization's own secrets.
process.env.OPENPHONE_WEBHOOK_SECRET = OPENPHONE_SECRET;
process.env.AIRCALL_WEBHOOK_TOKEN = AIRCALL_TOKEN;
process.env.GENERIC_WEBHOOK_SECRET = GENERIC_SECRET;

// The seed is pinned (tests/fast-check-seed.ts: fast-check prints it with any counterexample;
// PROPERTY_SEED picks another), so a run cannot pass or fail by chance. Each property also delivers its
// unmutated payload first, which must text: the "texts only from the number dialled" check then
// always has a text to look at.
const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 25), seed: PROPERTY_SEED };
let unmutatedCaller = 2_000_000;
const nextCaller = () => `+1424${(unmutatedCaller += 7919)}`;

let database: TestDatabase | undefined;
afterAll(async () => database?.drop()); // registered first, so it runs after the harness closed its connections
const h = useHarness();
beforeAll(async () => {
  database = await createTestDatabase("rebound_props");
  const handle = await openDb({ kind: "postgres", url: database.url });
  await seedDemo(handle.db);
  await handle.close();
  process.env.DATABASE_URL = database.url;
}, 120_000);
/** The demo spa's Quo and Aircall numbers text through its Quo and Aircall accounts (stand-ins). */
const p = useProviderAccounts();
/** Every text sent, by whichever provider owns the number it left from. */
const sentTexts = () => [...h.standIn.messages, ...p.quo.messages, ...p.aircall.messages];

/** A fresh, valid caller per run, so a run is not "already texted" because of the last one. */
const caller = fc.integer({ min: 2_000_000, max: 9_999_999 }).map((n) => `+1424${n}`);
const dialledLocation = fc.constantFrom(DOWNTOWN, WESTSIDE);

/** Work the Twilio requests below deferred until after their response (the harness keeps the JSON ones). */
const deferred: Promise<void>[] = [];

/** Runs a request, waits for what it deferred, and checks the answer and every text it caused. */
async function deliver(send: () => Promise<Response>, dialled: string | null, allowed: number[]): Promise<void> {
  h.standIn.reset();
  p.quo.reset();
  p.aircall.reset();
  const response = await send();
  await h.settle();
  while (deferred.length) await Promise.all(deferred.splice(0));
  expect(allowed).toContain(response.status);
  if (response.status >= 400) expect(((await response.json()) as { message?: string }).message).toMatch(/\S/);
  for (const text of sentTexts()) expect(text.from).toBe(toE164(dialled));
  textsSent += sentTexts().length;
}

/** Texts the runs of one property caused: a property that never texted would prove nothing about texts. */
let textsSent = 0;
const TEXTING_ROUTES = new Set(["dial", "call-status", "queue", "openphone", "aircall", "generic"]);

const TWILIO: Record<string, (account: string, from: string, to: string) => Params> = {
  voice: (accountSid, from, to) => voicePayload({ accountSid, from, to }),
  dial: (accountSid, from, to) => dialActionPayload({ accountSid, from, to }),
  "call-status": (accountSid, from, to) => callStatusPayload({ accountSid, from, to }),
  queue: (accountSid, from, to) => queueActionPayload({ accountSid, from, to }),
  voicemail: (accountSid) => recordingPayload({ accountSid, callSid: "CA" + "7".repeat(32) }),
  transcription: (accountSid) => transcriptionPayload({ accountSid, callSid: "CA" + "7".repeat(32), text: "Please call me back about Botox." }),
  sms: (accountSid, from, to) => inboundSmsPayload({ accountSid, from, to, body: "Can I come in today?" }),
  "message-status": (accountSid, from, to) => messageStatusPayload({ accountSid, messageSid: "SM" + "8".repeat(32), from: to, to: from, status: "delivered" }),
};

async function postTwilio(path: string, params: Params): Promise<Response> {
  const { handleTwilioWebhook } = await import("@/lib/telephony/twilio/webhook");
  const handlers = await import("@/lib/intake/twilio-door");
  const handler = {
    voice: handlers.onVoice,
    dial: handlers.onDial,
    "call-status": handlers.onCallStatus,
    queue: handlers.onQueue,
    voicemail: handlers.onVoicemail,
    transcription: handlers.onTranscription,
    sms: handlers.onInboundSms,
    "message-status": handlers.onMessageStatus,
  }[path];
  if (!handler) throw new Error(`no Twilio handler ${path}`);
  const request = signedTwilioRequest({ appUrl: APP_URL, path: `/api/webhooks/twilio/${path}`, params, authToken: h.standIn.authToken });
  return handleTwilioWebhook(request, (task) => void deferred.push(task()), path, handler);
}

describe.each(Object.keys(TWILIO))("Twilio %s, signed, with mutated fields", (path) => {
  it("is answered 200 or 400, never 500, and texts only from the number dialled", async () => {
    const payload = fc.tuple(caller, dialledLocation).chain(([from, to]) => mutatedParams(TWILIO[path]!(h.standIn.accountSid, from, to)));
    textsSent = 0;
    const unmutated = TWILIO[path]!(h.standIn.accountSid, nextCaller(), DOWNTOWN);
    await deliver(() => postTwilio(path, unmutated), DOWNTOWN, [200]);
    if (TEXTING_ROUTES.has(path)) expect(textsSent).toBe(1);
    await fc.assert(
      fc.asyncProperty(payload, (params) => deliver(() => postTwilio(path, params), params.To ?? null, [200, 400])),
      RUNS,
    );
  });
});

/** Each JSON provider dials the demo number registered with it (a Twilio line refuses its events). */
type Json = { adapter: ProviderAdapter; line: string; base: (from: string, to: string) => object; request: (rawBody: string) => Request; allowed: number[] };
const JSON_PROVIDERS: Record<string, Json> = {
  openphone: {
    adapter: openphoneAdapter,
    line: DEMO_NUMBER_BY_PROVIDER.openphone,
    base: (from, to) => [callMissedPayload, voicemailCompletedPayload, legacyCallCompletedPayload][from.charCodeAt(11) % 3]!({ from, to }),
    request: (rawBody) => signedOpenPhoneRequest({ url: `${APP_URL}/api/webhooks/openphone`, payload: rawBody, secret: OPENPHONE_SECRET, generation: "current" }),
    allowed: [200, 400],
  },
  aircall: {
    adapter: aircallAdapter,
    line: DEMO_NUMBER_BY_PROVIDER.aircall,
    base: (from, to) => aircallCallPayload({ token: AIRCALL_TOKEN, from, to }),
    request: (rawBody) => aircallRequest({ url: `${APP_URL}/api/webhooks/aircall`, payload: rawBody }),
    // The token is inside the body, so a mutation can remove or change it.
    allowed: [200, 400, 401],
  },
  generic: {
    adapter: genericAdapter,
    line: DEMO_NUMBER_BY_PROVIDER.generic,
    base: (from, to) => genericEvent({ from, to }),
    request: (rawBody) => signedGenericRequest({ url: `${APP_URL}/api/webhooks/generic`, body: rawBody, secret: GENERIC_SECRET }),
    allowed: [200, 400],
  },
};

describe.each(Object.keys(JSON_PROVIDERS))("%s, signed, with mutated fields", (name) => {
  it("is answered 2xx or a 4xx with a message, never 500, and texts only from the number dialled", async () => {
    const { adapter, line, base, request, allowed } = JSON_PROVIDERS[name]!;
    const body = caller.chain((from) => mutatedJson(base(from, line)));
    textsSent = 0;
    const unmutated = base(nextCaller(), line);
    await deliver(() => h.postJson(request(JSON.stringify(unmutated)), name as "openphone" | "aircall" | "generic"), line, [200]);
    if (TEXTING_ROUTES.has(name)) expect(textsSent).toBe(1);
    await fc.assert(
      fc.asyncProperty(body, (value) =>
        deliver(() => h.postJson(request(JSON.stringify(value)), name as "openphone" | "aircall" | "generic"), adapter.dialledNumber(value), allowed),
      ),
      RUNS,
    );
  });
});
