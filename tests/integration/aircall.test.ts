// Aircall call events (docs/provider-formats.md#aircall shapes, lib/telephony/aircall/samples.ts) through the JSON front
// door: a missed inbound call becomes exactly one text from the number dialled, whichever of
// call.hungup / call.ended arrives first; a wrong token or a malformed body changes nothing.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { aircallCallId, aircallCallPayload, aircallRequest, type AircallPayload } from "@/lib/telephony/aircall/samples";
import { APP_URL, DEMO_WEBHOOK_SECRETS, uniqueCaller, useHarness, useProviderLines } from "./harness";
import { useProviderAccounts } from "./provider-accounts";
import { callsWithSid, rowsForCaller } from "./rows";

const TOKEN = DEMO_WEBHOOK_SECRETS.aircall;

const h = useHarness();
/** The organization's Aircall account (a stand-in) holds those numbers: their texts go through Aircall. */
const p = useProviderAccounts({ provider: "aircall", numbers: () => [LINES.downtown, LINES.westside] });
/** This file's numbers on aircall at Downtown and Westside (the demo main lines are on Twilio). */
const LINES = useProviderLines("aircall");
const post = (payload: unknown) => h.postJson(aircallRequest({ url: `${APP_URL}/api/webhooks/aircall`, payload }), "aircall");
const settle = () => h.settle();

const textsTo = (caller: string) => [...p.aircall.messages, ...h.standIn.messages].filter((m) => m.to === caller);
/** The text-back rows: those sent because of a call (a scheduled follow-up has no call). */
const textBacks = (rows: Awaited<ReturnType<typeof rowsForCaller>>) => rows.messages.filter((m) => m.callId !== null);
const missedCall = (input: Partial<Parameters<typeof aircallCallPayload>[0]> & { from: string; to: string }): AircallPayload => aircallCallPayload({ token: TOKEN, ...input });

describe("a missed Aircall call", () => {
  it("call.ended (agents_did_not_answer) texts the caller once, from the Westside number they dialled", async () => {
    const caller = uniqueCaller();
    const payload = missedCall({ from: caller, to: LINES.westside, missedReason: "agents_did_not_answer" });
    const response = await post(payload);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, result: "recorded" });
    await settle();

    expect(textsTo(caller).map((m) => m.from)).toEqual([LINES.westside]);
    expect(textsTo(caller)[0]?.body).toContain("Glow Med Spa");
    const rows = await rowsForCaller(caller);
    expect(rows.calls).toHaveLength(1);
    expect(rows.calls[0]).toMatchObject({
      provider: "aircall",
      externalId: String(payload.data.id),
      disposition: "missed",
      providerStatus: "agents_did_not_answer",
      toNumber: LINES.westside,
      durationSeconds: 50,
    });
    expect(textBacks(rows)).toHaveLength(1);
    expect(textBacks(rows)[0]).toMatchObject({ automated: true, fromNumber: LINES.westside, toNumber: caller, callId: rows.calls[0]?.id });
  });

  it("call.hungup then call.ended: one call, one text, and the voicemail from call.ended is attached", async () => {
    const caller = uniqueCaller();
    const id = aircallCallId();
    expect((await post(missedCall({ event: "call.hungup", id, from: caller, to: LINES.downtown }))).status).toBe(200);
    await settle();
    const later = await post(missedCall({ event: "call.ended", id, from: caller, to: LINES.downtown, voicemail: "https://voicemails.aircall.example/a.mp3" }));
    expect(await later.json()).toEqual({ ok: true, result: "recorded" }); // a new delivery (stored); that its call is already on record shows in the rows below
    await settle();

    expect(textsTo(caller)).toHaveLength(1);
    const calls = await callsWithSid(String(id));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ disposition: "voicemail", voicemailUrl: "https://voicemails.aircall.example/a.mp3" });
    expect((await rowsForCaller(caller)).events.map((e) => e.type)).toContain("voicemail_left");
  });

  it("call.ended then a late call.hungup: one call, one text, the voicemail kept", async () => {
    const caller = uniqueCaller();
    const id = aircallCallId();
    await post(missedCall({ event: "call.ended", id, from: caller, to: LINES.downtown, voicemail: "https://voicemails.aircall.example/b.mp3" }));
    await settle();
    expect(await (await post(missedCall({ event: "call.hungup", id, from: caller, to: LINES.downtown }))).json()).toEqual({ ok: true, result: "recorded" }); // a new delivery (stored); that its call is already on record shows in the rows below
    await settle();

    expect(textsTo(caller)).toHaveLength(1);
    const calls = await callsWithSid(String(id));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ disposition: "voicemail", voicemailUrl: "https://voicemails.aircall.example/b.mp3" });
  });

  it("call.voicemail_left after call.hungup attaches the voicemail to the same call without a second text", async () => {
    const caller = uniqueCaller();
    const id = aircallCallId();
    await post(missedCall({ event: "call.hungup", id, from: caller, to: LINES.westside }));
    await post(missedCall({ event: "call.voicemail_left", id, from: caller, to: LINES.westside, voicemail: "https://voicemails.aircall.example/c.mp3" }));
    await settle();
    expect(textsTo(caller)).toHaveLength(1);
    expect((await callsWithSid(String(id)))[0]).toMatchObject({ disposition: "voicemail", voicemailUrl: "https://voicemails.aircall.example/c.mp3" });
  });

  it("five concurrent deliveries of the same call.ended give one call and one text", async () => {
    const caller = uniqueCaller();
    const payload = missedCall({ from: caller, to: LINES.westside });
    const responses = await Promise.all(Array.from({ length: 5 }, () => post(payload)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    await settle();
    expect(await callsWithSid(String(payload.data.id))).toHaveLength(1);
    expect(textsTo(caller)).toHaveLength(1);
    expect(textBacks(await rowsForCaller(caller))).toHaveLength(1);
  });

  it("short_abandoned: the early call.hungup waits for call.ended, which records an abandoned call, not texted", async () => {
    const caller = uniqueCaller();
    const id = aircallCallId();
    const hungup = await post(missedCall({ event: "call.hungup", id, from: caller, to: LINES.downtown, durationSeconds: 6 }));
    expect((await hungup.json()).ignored).toContain("waiting for call.ended");
    const payload = missedCall({ id, from: caller, to: LINES.downtown, missedReason: "short_abandoned", durationSeconds: 6 });
    expect((await post(payload)).status).toBe(200);
    await settle();
    const rows = await rowsForCaller(caller);
    expect(rows.calls[0]).toMatchObject({ disposition: "abandoned", providerStatus: "short_abandoned", leakSource: "hold_abandon" });
    // short_abandoned policy: see decide.ts
    expect(textsTo(caller)).toHaveLength(0);
    expect(rows.events.find((e) => e.type === "text_skipped")?.reason).toBe("short_abandoned");
  });
});

describe("calls that are not missed", () => {
  it("an answered inbound call is logged and nobody is texted", async () => {
    const caller = uniqueCaller();
    expect(await (await post(missedCall({ from: caller, to: LINES.downtown, answered: true }))).json()).toEqual({ ok: true, result: "recorded" });
    await settle();
    expect(textsTo(caller)).toHaveLength(0);
    expect((await rowsForCaller(caller)).calls[0]?.disposition).toBe("answered");
  });

  it("an outbound call and a call.created are acknowledged and ignored: no rows", async () => {
    const caller = uniqueCaller();
    const outbound = await post(missedCall({ from: caller, to: LINES.downtown, direction: "outbound" }));
    expect(await outbound.json()).toEqual({ ok: true, ignored: "outbound call: only inbound calls are missed calls" });
    expect((await post(missedCall({ event: "call.created", from: caller, to: LINES.downtown }))).status).toBe(200);
    await settle();
    expect((await rowsForCaller(caller)).contact).toBeNull();
    expect(textsTo(caller)).toHaveLength(0);
  });
});

describe("bad input", () => {
  it("a wrong token is answered 401 and nothing is stored", async () => {
    const caller = uniqueCaller();
    const payload = aircallCallPayload({ token: TOKEN.replace(/.$/, "0"), from: caller, to: LINES.downtown });
    const response = await post(payload);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: "unauthorized" });
    const { token: _t, ...untokened } = payload;
    expect((await post(untokened)).status).toBe(401);
    await settle();
    expect(await callsWithSid(String(payload.data.id))).toHaveLength(0);
    expect((await rowsForCaller(caller)).contact).toBeNull();
    expect(textsTo(caller)).toHaveLength(0);
  });

  it("a rotated token: the new one, and the old one for 24 hours, are accepted; turned off, nothing is", async () => {
    const { getDb } = await import("@/db/client");
    const { phoneNumbers, locations } = await import("@/db/schema");
    const { signUpOrganization } = await import("@/lib/onboarding/signup");
    const { generateProviderSecret, turnOffProviderSecret } = await import("@/lib/integrations/provider-secrets");
    // Its own spa: the demo spa's token is shared by the files running alongside this one.
    const spa = await signUpOrganization(
      { spaName: "Rotating Spa", name: "Ro Owner", email: `ro-${uniqueCaller().slice(2)}@spa.test`, password: "a-long-enough-password", timezone: "America/Los_Angeles" },
      { ip: "198.51.100.201" },
    );
    if (!spa.ok) throw new Error(spa.message);
    const db = await getDb();
    const [location] = await db.select().from(locations).where(eq(locations.orgId, spa.orgId));
    const line = uniqueCaller();
    await db.insert(phoneNumbers).values({ orgId: spa.orgId, locationId: location!.id, e164: line, provider: "aircall" });
    const call = (token: string) => post(aircallCallPayload({ token, from: uniqueCaller(), to: line }));

    expect((await call(TOKEN)).status).toBe(403); // off: not even the demo spa's token
    const first = await generateProviderSecret({ orgId: spa.orgId, provider: "aircall" });
    expect((await call(first.secret)).status).toBe(200);
    const now = new Date();
    const second = await generateProviderSecret({ orgId: spa.orgId, provider: "aircall", now });
    expect(second.previousUntil).toEqual(new Date(now.getTime() + 24 * 3600_000));
    expect((await call(second.secret)).status).toBe(200);
    expect((await call(first.secret)).status).toBe(200); // still in its grace period
    expect((await call(TOKEN)).status).toBe(401);
    // A rotation whose grace period is over: only the newest token works.
    const third = await generateProviderSecret({ orgId: spa.orgId, provider: "aircall", now: new Date(now.getTime() - 25 * 3600_000) });
    expect((await call(second.secret)).status).toBe(401);
    expect((await call(third.secret)).status).toBe(200);

    await turnOffProviderSecret({ orgId: spa.orgId, provider: "aircall" });
    const caller = uniqueCaller();
    const refused = await post(aircallCallPayload({ token: third.secret, from: caller, to: line }));
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: "integration_off" });
    await settle();
    expect((await rowsForCaller(caller)).contact).toBeNull();
  });

  it("a malformed call event is answered 400 naming the field, and nothing is stored", async () => {
    const caller = uniqueCaller();
    const payload = missedCall({ from: caller, to: LINES.downtown });
    const { id: _id, ...withoutId } = payload.data;
    const response = await post({ ...payload, data: withoutId });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toContain("data.id");
    expect((await post("{not json")).status).toBe(400);
    await settle();
    expect((await rowsForCaller(caller)).contact).toBeNull();
  });

  it("a call to a number no location has is acknowledged (no secret could verify it): nobody is texted, nothing stored", async () => {
    const caller = uniqueCaller();
    const payload = missedCall({ from: caller, to: "+14155550123" });
    const response = await post(payload);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, ignored: "unknown number" });
    await settle();
    expect(textsTo(caller)).toHaveLength(0);
    expect(await callsWithSid(String(payload.data.id))).toHaveLength(0);
  });
});
