// OpenPhone / Quo webhooks of both generations, through the real front door (handleJsonWebhook) on
// the run's Postgres: a missed call becomes exactly one text-back, sent through Twilio (the
// stand-in) from the number the caller dialled; forged, stale, malformed and repeated deliveries
// change nothing. Payloads come from lib/telephony/openphone/samples.ts, i.e. the fixtures of
// lib/telephony/openphone/fixtures; the current generation's `data` fields are UNVERIFIED
// (docs/provider-formats.md#quo-current-webhooks).
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  callCompletedPayload,
  callMissedPayload,
  legacyCallCompletedPayload,
  newOpenPhoneSecret,
  openphoneId,
  signedOpenPhoneRequest,
  voicemailCompletedPayload,
  type OpenPhonePayload,
} from "@/lib/telephony/openphone/samples";
import legacyFixture from "@/lib/telephony/openphone/fixtures/legacy-call-completed.json";
import { DEMO_WEBHOOK_SECRETS, uniqueCaller, useHarness, useProviderLines } from "./harness";
import { useProviderAccounts } from "./provider-accounts";
import { callsWithSid, rowsForCaller } from "./rows";

// The demo organization's own Quo secret (seeded by global-setup.ts); nothing else verifies.
const SECRET = DEMO_WEBHOOK_SECRETS.openphone;

const URL = "http://app.internal:3000/api/webhooks/openphone";
const h = useHarness();
/** The organization's Quo account (a stand-in) holds those numbers: their texts go through Quo. */
const p = useProviderAccounts({ provider: "openphone", numbers: () => [LINES.downtown, LINES.westside] });
/** This file's numbers on openphone at Downtown and Westside (the demo main lines are on Twilio). */
const LINES = useProviderLines("openphone");
const deliver = (request: Request) => h.postJson(request, "openphone");

const post = (payload: OpenPhonePayload | string, options: { at?: Date; secret?: string; generation?: "current" | "legacy" } = {}) =>
  deliver(signedOpenPhoneRequest({ url: URL, payload, secret: options.secret ?? SECRET, at: options.at, generation: options.generation }));

const settle = () => h.settle();

const textsTo = (caller: string) => p.quo.messages.filter((m) => m.to === caller);
/** Every text sent, through Quo or (never, for these numbers) Twilio. */
const textsSent = () => [...p.quo.messages, ...h.standIn.messages];

/** The text-back rows for a caller; a location may also schedule a later follow-up, which is not the text-back. */
async function textBacks(caller: string) {
  return (await rowsForCaller(caller)).messages.filter((m) => m.templateSituation !== "follow_up");
}

describe("current generation (Standard Webhooks)", () => {
  it("a signed call.missed texts the caller once, from the number they dialled", async () => {
    const caller = uniqueCaller();
    const payload = callMissedPayload({ from: caller, to: LINES.westside });
    const response = await post(payload);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, result: "recorded" });
    await settle();

    expect(p.quo.messages.map((m) => [m.to, m.from])).toEqual([[caller, LINES.westside]]);
    expect(p.quo.messages[0]?.content).toContain("Glow Med Spa");
    expect(h.standIn.messages).toHaveLength(0);
    const rows = await rowsForCaller(caller);
    expect(rows.calls).toHaveLength(1);
    expect(rows.calls[0]).toMatchObject({ provider: "openphone", disposition: "missed", toNumber: LINES.westside, fromNumber: caller });
    const [textBack, ...others] = await textBacks(caller);
    expect(others).toHaveLength(0);
    expect(textBack).toMatchObject({ automated: true, toNumber: caller, fromNumber: LINES.westside, providerSid: p.quo.messages[0]?.id });
  });

  it("the same delivery five times at once gives one call and one text", async () => {
    const caller = uniqueCaller();
    const payload = callMissedPayload({ from: caller, to: LINES.westside });
    const request = signedOpenPhoneRequest({ url: URL, payload, secret: SECRET });
    const body = await request.text();
    const copies = Array.from({ length: 5 }, () => new Request(URL, { method: "POST", headers: request.headers, body }));
    const responses = await Promise.all(copies.map(deliver));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    await settle();
    const callId = (payload.data.resource as { id: string }).id;
    expect(await callsWithSid(callId)).toHaveLength(1);
    expect(textsTo(caller)).toHaveLength(1);
    expect(await textBacks(caller)).toHaveLength(1);
  });

  it("call.missed then call.voicemail.completed: one call with the voicemail attached, still one text", async () => {
    const caller = uniqueCaller();
    const callId = openphoneId("AC");
    expect((await post(callMissedPayload({ from: caller, to: LINES.downtown, callId }))).status).toBe(200);
    await settle();
    const voicemail = voicemailCompletedPayload({ from: caller, to: LINES.downtown, callId, seconds: 14, transcript: "Hi, can I book a facial for Friday?" });
    const response = await post(voicemail);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, result: "recorded" }); // a new delivery (stored); that its call is already on record shows in the rows below
    await settle();

    const calls = await callsWithSid(callId);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      disposition: "voicemail",
      voicemailUrl: `https://m.openph.one/static/${callId.slice(2)}.mp3`,
      voicemailSeconds: 14,
      transcript: "Hi, can I book a facial for Friday?",
    });
    expect(textsTo(caller)).toHaveLength(1);
    expect(await textBacks(caller)).toHaveLength(1);
    expect((await rowsForCaller(caller)).events.map((e) => e.type)).toContain("voicemail_left");
  });

  it("call.completed after call.missed for the same call changes nothing", async () => {
    const caller = uniqueCaller();
    const callId = openphoneId("AC");
    await post(callMissedPayload({ from: caller, to: LINES.westside, callId }));
    await post(callCompletedPayload({ from: caller, to: LINES.westside, callId }));
    await settle();
    expect(await callsWithSid(callId)).toHaveLength(1);
    expect(textsTo(caller)).toHaveLength(1);
  });

  it("call.ringing is acknowledged and records nothing", async () => {
    const caller = uniqueCaller();
    const payload = { ...callMissedPayload({ from: caller, to: LINES.westside }), type: "call.ringing" };
    const response = await post(payload);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ignored: "call.ringing does not need a text-back" });
    await settle();
    expect((await rowsForCaller(caller)).contact).toBeNull();
    expect(textsSent()).toHaveLength(0);
  });
});

describe("legacy generation (openphone-signature)", () => {
  it("call.completed with answeredAt null texts the caller once", async () => {
    const caller = uniqueCaller();
    const payload = legacyCallCompletedPayload({ from: caller, to: LINES.downtown });
    const response = await post(payload);
    expect(response.status).toBe(200);
    await post(payload); // OpenPhone retries: still one call, one text
    await settle();
    expect(textsTo(caller).map((m) => m.from)).toEqual([LINES.downtown]);
    const rows = await rowsForCaller(caller);
    expect(rows.calls).toHaveLength(1);
    expect(rows.calls[0]?.disposition).toBe("missed");
  });

  it("an answered call is logged as answered and nobody is texted", async () => {
    const caller = uniqueCaller();
    const response = await post(legacyCallCompletedPayload({ from: caller, to: LINES.downtown, answered: true }));
    expect(response.status).toBe(200);
    await settle();
    expect(textsSent()).toHaveLength(0);
    const rows = await rowsForCaller(caller);
    expect(rows.calls.map((c) => c.disposition)).toEqual(["answered"]);
    expect(rows.messages).toHaveLength(0);
    expect(rows.events.map((e) => e.type)).not.toContain("text_queued");
  });

  it("the real capture is acknowledged; its number belongs to no location, so nothing is texted or stored", async () => {
    const response = await post(legacyFixture as OpenPhonePayload);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, ignored: "unknown number" });
    await settle();
    expect(textsSent()).toHaveLength(0);
  });
});

describe("bad input", () => {
  it.each(["current", "legacy"] as const)("a forged %s signature is 401 and nothing is stored", async (generation) => {
    const caller = uniqueCaller();
    const payload = generation === "current" ? callMissedPayload({ from: caller, to: LINES.westside }) : legacyCallCompletedPayload({ from: caller, to: LINES.westside });
    const response = await post(payload, { secret: newOpenPhoneSecret() });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: "unauthorized" });
    await settle();
    expect((await rowsForCaller(caller)).contact).toBeNull();
    expect(textsSent()).toHaveLength(0);
  });

  it("a request with no signature headers is 401", async () => {
    const caller = uniqueCaller();
    const response = await deliver(
      new Request(URL, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(callMissedPayload({ from: caller, to: LINES.westside })) }),
    );
    expect(response.status).toBe(401);
    expect((await rowsForCaller(caller)).contact).toBeNull();
  });

  it.each(["current", "legacy"] as const)("a %s delivery signed 6 minutes ago is 401 and nothing is stored", async (generation) => {
    const caller = uniqueCaller();
    const payload = generation === "current" ? callMissedPayload({ from: caller, to: LINES.westside }) : legacyCallCompletedPayload({ from: caller, to: LINES.westside });
    const response = await post(payload, { at: new Date(Date.now() - 6 * 60_000) });
    expect(response.status).toBe(401);
    expect((await response.json()).message).toContain("more than 5 minutes old");
    await settle();
    expect((await rowsForCaller(caller)).contact).toBeNull();
    expect(textsSent()).toHaveLength(0);
  });

  it("a body that is not JSON is 400 with a clear message", async () => {
    const response = await post('{"type":"call.missed",', { generation: "current" });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "bad_request", message: "The body is not valid JSON." });
  });

  it("a signed event without a dialled number is 400 naming the field", async () => {
    const caller = uniqueCaller();
    const payload = callMissedPayload({ from: caller, to: LINES.westside });
    delete (payload.data.resource as Record<string, unknown>).to;
    const response = await post(payload);
    expect(response.status).toBe(400);
    expect((await response.json()).message).toContain("data.resource.to");
    expect((await rowsForCaller(caller)).contact).toBeNull();
  });

  it("a missed call to a number no location has is acknowledged, nobody is texted and nothing is stored (no secret could verify it)", async () => {
    const caller = uniqueCaller();
    const payload = callMissedPayload({ from: caller, to: "+14155550123" });
    const response = await post(payload);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, ignored: "unknown number" });
    await settle();
    expect(textsSent()).toHaveLength(0);
    const callId = (payload.data.resource as { id: string }).id;
    expect(await callsWithSid(callId)).toHaveLength(0);
    const { getDb } = await import("@/db/client");
    const { events } = await import("@/db/schema");
    const logged = await (
      await getDb()
    )
      .select()
      .from(events)
      .where(and(eq(events.type, "unknown_number"), sql`${events.detail}->>'externalId' = ${callId}`));
    expect(logged).toHaveLength(0);
  });
});
