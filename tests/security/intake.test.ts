// Issue 12 items 1, 2 (provider rule), 3 and 13: the webhook front doors. A victim spa (the demo's
// Glow Med Spa, with its own secrets and one number per phone system) and an attacker spa made
// through the real signup action, which turns its integrations on and adds its numbers through the
// real settings actions. Every request goes through the real front door (signature check included).
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { calls, contacts, events, messages } from "@/db/schema";
import { DEMO_NUMBER_BY_PROVIDER } from "@/db/seed-demo";
import { aircallCallId, aircallCallPayload, aircallRequest } from "@/lib/telephony/aircall/samples";
import { genericEvent, signedGenericRequest } from "@/lib/telephony/generic/samples";
import { callMissedPayload, signedOpenPhoneRequest } from "@/lib/telephony/openphone/samples";
import { dialActionPayload, transcriptionPayload, voicePayload } from "@/lib/telephony/twilio/samples";
import { DEMO_WEBHOOK_SECRETS } from "../integration/demo-secrets";
import { APP_URL, uniqueCaller, useSecurityHarness, type Spa } from "./harness";

const h = useSecurityHarness();

type JsonProvider = "openphone" | "aircall" | "generic";
const url = (provider: JsonProvider) => `${APP_URL}/api/webhooks/${provider}`;

/** The owner turns an integration on in Settings → Integrations; the secret is shown once. */
async function turnOn(spa: Spa, provider: JsonProvider): Promise<string> {
  const { secretAction } = await import("@/app/(dashboard)/settings/integrations/actions");
  await h.actAs(spa.ownerId);
  const state = await h.runAction(secretAction, { provider, intent: "generate" });
  if (!state.revealed) throw new Error(`turning ${provider} on revealed no secret: ${JSON.stringify(state)}`);
  return state.revealed;
}

/** A number on the given phone system at the spa's first location, added through settings. */
async function newNumber(spa: Spa, provider: "twilio" | JsonProvider): Promise<string> {
  const e164 = uniqueCaller();
  await h.addNumber(spa, { e164, provider });
  return e164;
}

function genericPost(body: unknown, secret: string) {
  return h.postJson(signedGenericRequest({ url: url("generic"), body, secret }), "generic");
}
function aircallPost(input: Parameters<typeof aircallCallPayload>[0]) {
  return h.postJson(aircallRequest({ url: url("aircall"), payload: aircallCallPayload(input) }), "aircall");
}

const callsOf = (orgId: string, externalId: string) =>
  h.db
    .select()
    .from(calls)
    .where(and(eq(calls.orgId, orgId), eq(calls.externalId, externalId)));
const textsTo = (caller: string) => h.standIn.messages.filter((m) => m.to === caller);

describe("1. provider call ids are per organization", () => {
  it("an attacker that pre-claims the victim's Aircall call id cannot stop the victim's missed call being recorded and texted", async () => {
    const token = await turnOn(h.attacker, "aircall");
    const attackerLine = await newNumber(h.attacker, "aircall");
    const id = aircallCallId();
    // The attacker claims the id first, with a voicemail URL meant to land on the victim's call.
    expect((await aircallPost({ token, from: uniqueCaller(), to: attackerLine, id, event: "call.hungup" })).status).toBe(200);
    await h.settle();

    const caller = uniqueCaller();
    const victimLine = DEMO_NUMBER_BY_PROVIDER.aircall;
    const response = await aircallPost({
      token: DEMO_WEBHOOK_SECRETS.aircall,
      from: caller,
      to: victimLine,
      id,
      event: "call.ended",
      voicemail: "https://voicemails.aircall.example/victim.mp3",
    });
    expect(await response.json()).toEqual({ ok: true, result: "recorded" });
    await h.settle();
    const [victimCall] = await callsOf(h.victim.orgId, String(id));
    expect(victimCall).toMatchObject({ toNumber: victimLine, voicemailUrl: "https://voicemails.aircall.example/victim.mp3" });
    // The victim's Aircall line texts through the victim's Aircall account (none here: the text is recorded as simulated).
    const textBacks = await h.db
      .select()
      .from(messages)
      .where(and(eq(messages.orgId, h.victim.orgId), eq(messages.toNumber, caller)));
    expect(textBacks.filter((m) => m.templateSituation !== "follow_up").map((m) => [m.fromNumber, m.status])).toEqual([[victimLine, "simulated"]]);
    const [attackerCall] = await callsOf(h.attacker.orgId, String(id));
    expect(attackerCall?.voicemailUrl).toBeNull(); // the victim's voicemail did not land on the attacker's call
  });

  it("an attacker's voicemail and transcript for the victim's call id never touch the victim's call or contact", async () => {
    const secret = await turnOn(h.attacker, "generic");
    const attackerLine = await newNumber(h.attacker, "generic");
    const caller = uniqueCaller();
    const missed = genericEvent({ from: caller, to: DEMO_NUMBER_BY_PROVIDER.generic });
    expect(await (await genericPost(missed, DEMO_WEBHOOK_SECRETS.generic)).json()).toEqual({ ok: true, result: "recorded" });
    await h.settle();
    const followUps = () =>
      h.db
        .select()
        .from(messages)
        .where(and(eq(messages.orgId, h.victim.orgId), eq(messages.toNumber, caller)));
    const queued = await followUps();
    const before = await h.fingerprint(h.victim.orgId);

    // The attacker's own call with the victim's id first, so the voicemail is "another event of a call
    // it already has": the one path that merges into an existing call.
    expect((await genericPost(genericEvent({ from: caller, to: attackerLine, callId: missed.call_id }), secret)).status).toBe(200);
    const attack = genericEvent({
      from: caller,
      to: attackerLine,
      type: "call.voicemail",
      callId: missed.call_id,
      voicemailUrl: "https://attacker.example/phish.mp3",
      transcript: "Sorry, you have the wrong number.",
    });
    expect((await genericPost(attack, secret)).status).toBe(200);
    await h.settle();

    expect(await h.fingerprint(h.victim.orgId)).toEqual(before);
    const [victimCall] = await callsOf(h.victim.orgId, missed.call_id);
    expect(victimCall).toMatchObject({ transcript: null, voicemailUrl: null });
    const [contact] = await h.db
      .select()
      .from(contacts)
      .where(and(eq(contacts.orgId, h.victim.orgId), eq(contacts.phone, caller)));
    expect(contact?.leadStatus).not.toBe("wrong_number");
    expect((await followUps()).map((m) => m.status)).toEqual(queued.map((m) => m.status));
    // What the attacker posted is the attacker's own call, in the attacker's own organization.
    expect(await callsOf(h.attacker.orgId, missed.call_id)).toHaveLength(1);
  });

  it("a Twilio transcription whose callback names the attacker's organization never lands on the victim's call", async () => {
    const caller = uniqueCaller();
    const dial = dialActionPayload({ accountSid: h.standIn.accountSid, from: caller, to: DEMO_NUMBER_BY_PROVIDER.twilio });
    await h.post("/api/webhooks/twilio/dial", dial);
    await h.settle();
    const before = await h.fingerprint(h.victim.orgId);
    const forOtherOrg = transcriptionPayload({ accountSid: h.standIn.accountSid, callSid: dial.CallSid!, text: "Wrong number, sorry." });
    expect((await h.post(`/api/webhooks/twilio/transcription?org=${h.attacker.orgId}`, forOtherOrg)).status).toBe(200);
    expect(await h.fingerprint(h.victim.orgId)).toEqual(before);
  });

  it("two honest spas whose phone systems both number calls 1, 2, 3 each keep and text all their calls", async () => {
    const other = await h.signUpSpa("honest");
    const spas = [
      { spa: other, secret: await turnOn(other, "generic"), line: await newNumber(other, "generic") },
      { spa: h.victim, secret: DEMO_WEBHOOK_SECRETS.generic, line: DEMO_NUMBER_BY_PROVIDER.generic },
    ];
    const callers: string[] = [];
    for (const callId of ["1", "2", "3"]) {
      for (const { secret, line } of spas) {
        const caller = uniqueCaller();
        callers.push(caller);
        expect(await (await genericPost(genericEvent({ from: caller, to: line, callId }), secret)).json()).toEqual({ ok: true, result: "recorded" });
      }
    }
    await h.settle();
    for (const { spa } of spas) {
      for (const callId of ["1", "2", "3"]) expect(await callsOf(spa.orgId, callId)).toHaveLength(1);
    }
    for (const caller of callers) expect(textsTo(caller)).toHaveLength(1);
  });
});

describe("2. a number accepts events only from the phone system it is registered with", () => {
  it("generic call.missed events for the attacker's own Twilio number are refused: nobody is texted, the refusal is logged", async () => {
    const secret = await turnOn(h.attacker, "generic");
    const twilioLine = await newNumber(h.attacker, "twilio");
    const stranger = uniqueCaller();
    const before = await h.fingerprint(h.attacker.orgId);
    const response = await genericPost(genericEvent({ from: stranger, to: twilioLine }), secret);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: "provider_mismatch", message: expect.stringMatching(/registered with Twilio/) });
    await h.settle();
    expect(textsTo(stranger)).toHaveLength(0);
    expect(await h.fingerprint(h.attacker.orgId)).toEqual(before);
    expect(await h.refusals(h.attacker.orgId, "provider_mismatch")).toContainEqual({
      reason: "provider_mismatch",
      detail: { posting: "generic", registered: "twilio", to: twilioLine },
    });
  });

  it("Aircall and Quo events for a Twilio number, and Twilio call events for a generic number, are refused and logged", async () => {
    const aircallToken = await turnOn(h.attacker, "aircall");
    const quoSecret = await turnOn(h.attacker, "openphone");
    const twilioLine = await newNumber(h.attacker, "twilio");
    const genericLine = await newNumber(h.attacker, "generic");
    const stranger = uniqueCaller();
    const before = (await h.refusals(h.attacker.orgId, "provider_mismatch")).length;

    expect((await aircallPost({ token: aircallToken, from: stranger, to: twilioLine })).status).toBe(403);
    const quo = signedOpenPhoneRequest({ url: url("openphone"), payload: callMissedPayload({ from: stranger, to: twilioLine }), secret: quoSecret, generation: "current" });
    expect((await h.postJson(quo, "openphone")).status).toBe(403);
    expect((await h.post("/api/webhooks/twilio/voice", voicePayload({ accountSid: h.standIn.accountSid, from: stranger, to: genericLine }))).status).toBe(403);
    expect((await h.post("/api/webhooks/twilio/dial", dialActionPayload({ accountSid: h.standIn.accountSid, from: stranger, to: genericLine }))).status).toBe(403);
    await h.settle();

    expect(textsTo(stranger)).toHaveLength(0);
    expect(
      await h.db
        .select()
        .from(contacts)
        .where(and(eq(contacts.orgId, h.attacker.orgId), eq(contacts.phone, stranger))),
    ).toEqual([]);
    expect((await h.refusals(h.attacker.orgId, "provider_mismatch")).length).toBe(before + 4);
  });

  it("an event signed with the attacker's secret for the victim's number is 401 and writes nothing, not even a refusal, for the victim", async () => {
    const secret = await turnOn(h.attacker, "generic");
    const before = await h.fingerprint(h.victim.orgId);
    const refusalsBefore = await h.refusals(h.victim.orgId);
    for (const to of [DEMO_NUMBER_BY_PROVIDER.twilio, DEMO_NUMBER_BY_PROVIDER.generic]) {
      expect((await genericPost(genericEvent({ from: uniqueCaller(), to }), secret)).status).toBe(401);
    }
    expect(await h.fingerprint(h.victim.orgId)).toEqual(before);
    expect(await h.refusals(h.victim.orgId)).toEqual(refusalsBefore);
  });
});

describe("3. webhook secrets are per organization only", () => {
  it("the server-wide GENERIC_WEBHOOK_SECRET authenticates nothing: the demo spa's Twilio number cannot be made to text anyone", async () => {
    const serverWide = "the-old-server-wide-generic-secret";
    process.env.GENERIC_WEBHOOK_SECRET = serverWide;
    try {
      const stranger = uniqueCaller();
      const before = await h.fingerprint(h.victim.orgId);
      for (const to of [DEMO_NUMBER_BY_PROVIDER.twilio, DEMO_NUMBER_BY_PROVIDER.generic]) {
        expect((await genericPost(genericEvent({ from: stranger, to }), serverWide)).status).toBe(401);
      }
      await h.settle();
      expect(textsTo(stranger)).toHaveLength(0);
      expect(await h.fingerprint(h.victim.orgId)).toEqual(before);
    } finally {
      delete process.env.GENERIC_WEBHOOK_SECRET;
    }
  });

  it("an organization whose integration is off refuses that provider's webhooks with 403 and stores nothing", async () => {
    const spa = await h.signUpSpa("quiet");
    const line = await newNumber(spa, "aircall");
    const before = await h.fingerprint(spa.orgId);
    for (const token of ["", DEMO_WEBHOOK_SECRETS.aircall]) {
      const response = await aircallPost({ token, from: uniqueCaller(), to: line });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: "integration_off" });
    }
    expect(await h.fingerprint(spa.orgId)).toEqual(before);
    expect(await h.refusals(spa.orgId)).toEqual([]); // unauthenticated: nothing is written for it
  });

  it("an event for a number nobody holds is acknowledged as ignored and stores nothing at all", async () => {
    // Not a number any other security file adds: the files share one database, in an order vitest may change.
    const nobody = "+14155550986";
    const response = await genericPost(genericEvent({ from: uniqueCaller(), to: nobody }), "any-secret-at-all-0000");
    expect(await response.json()).toEqual({ ok: true, ignored: "unknown number" });
    const logged = await h.db.select().from(events).where(eq(events.type, "unknown_number"));
    expect(logged.filter((e) => JSON.stringify(e.detail).includes(nobody))).toEqual([]);
  });

  it("after a rotation the old secret works for its grace period only; turned off, no secret works", async () => {
    const first = await turnOn(h.attacker, "generic");
    const line = await newNumber(h.attacker, "generic");
    const second = await turnOn(h.attacker, "generic"); // rotate
    const post = async (secret: string) => (await genericPost(genericEvent({ from: uniqueCaller(), to: line }), secret)).status;
    expect(await post(second)).toBe(200);
    expect(await post(first)).toBe(200);
    const { secretAction } = await import("@/app/(dashboard)/settings/integrations/actions");
    await h.actAs(h.attacker.ownerId);
    expect(await h.runAction(secretAction, { provider: "generic", intent: "off" })).toMatchObject({ ok: true });
    expect(await post(second)).toBe(403);
    expect(await post(first)).toBe(403);
  });
});

describe("13. deeply nested JSON", () => {
  it("is a 400 before any signature check, for every JSON webhook, and stores nothing", async () => {
    const deep = `${"[".repeat(50_000)}${"]".repeat(50_000)}`;
    for (const provider of ["openphone", "aircall", "generic"] as const) {
      const response = await h.postJson(new Request(url(provider), { method: "POST", headers: { "content-type": "application/json" }, body: deep }), provider);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: "bad_request", message: expect.stringMatching(/nests deeper than 64 levels/) });
    }
  });
});
