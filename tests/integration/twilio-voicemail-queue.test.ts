// Two more Twilio call paths: a caller who hangs up on hold (`<Enqueue action>`) gets exactly one
// text-back, and a voicemail's transcription lands on the call once. Forged requests change nothing.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { events } from "@/db/schema";
import { dialActionPayload, queueActionPayload, sid, transcriptionPayload } from "@/lib/telephony/twilio/samples";
import { APP_URL, DOWNTOWN, uniqueCaller, useHarness, WESTSIDE, callbackPathOf } from "./harness";
import { callsWithSid, rowsForCaller } from "./rows";

const h = useHarness();
const QUEUE = "/api/webhooks/twilio/queue";
const TRANSCRIPTION = "/api/webhooks/twilio/transcription";
const DANA = "Hi, this is Dana. I'd like to book Botox for Friday afternoon, please call me back.";

/** The texts sent because of the call itself (a scheduled follow-up belongs to the conversation, not the call). */
function textBacksOf(rows: Awaited<ReturnType<typeof rowsForCaller>>) {
  return rows.messages.filter((m) => m.callId !== null && m.callId === rows.calls[0]?.id);
}

async function eventsWithCallSid(type: string, callSid: string) {
  return (await getDb())
    .select()
    .from(events)
    .where(sql`${events.type} = ${type} and ${events.detail}->>'callSid' = ${callSid}`);
}

describe("caller hangs up on hold (<Enqueue action>)", () => {
  it("QueueResult=hangup: an abandoned call from the hold queue, texted back once from the number dialled", async () => {
    const caller = uniqueCaller();
    const before = Date.now();
    const response = await h.post(QUEUE, queueActionPayload({ accountSid: h.standIn.accountSid, from: caller, to: DOWNTOWN, queueResult: "hangup", queueSeconds: 47 }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/xml");
    expect(await response.text()).toMatch(/<Response\/>$/);
    await h.settle();

    expect(h.standIn.messages.map((m) => [m.to, m.from])).toEqual([[caller, DOWNTOWN]]);
    expect(h.standIn.messages[0]?.body).toContain("Glow Med Spa");
    const rows = await rowsForCaller(caller);
    expect(rows.calls).toHaveLength(1);
    expect(rows.calls[0]).toMatchObject({ disposition: "abandoned", leakSource: "hold_abandon", providerStatus: "hangup", durationSeconds: 47 });
    const startedAt = rows.calls[0]?.startedAt.getTime() ?? 0;
    expect(startedAt).toBeGreaterThanOrEqual(before - 47_000 - 1_000);
    expect(startedAt).toBeLessThanOrEqual(Date.now() - 47_000 + 1_000);
    expect(textBacksOf(rows)).toHaveLength(1);
    expect(rows.events.find((e) => e.type === "call_missed")?.reason).toBe("hold_abandon");
  });

  it("the same abandon delivered five times at once gives one call and one text", async () => {
    const caller = uniqueCaller();
    const params = queueActionPayload({ accountSid: h.standIn.accountSid, from: caller, to: WESTSIDE, queueResult: "hangup" });
    const responses = await Promise.all(Array.from({ length: 5 }, () => h.post(QUEUE, params)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    await h.settle();
    expect(await callsWithSid(params.CallSid!)).toHaveLength(1);
    expect(h.standIn.messages.filter((m) => m.to === caller)).toHaveLength(1);
    expect(textBacksOf(await rowsForCaller(caller))).toHaveLength(1);
  });

  it.each(["bridged", "bridging-in-process", "redirected"])("QueueResult=%s: someone took the call, nothing is recorded or texted", async (queueResult) => {
    const caller = uniqueCaller();
    const params = queueActionPayload({ accountSid: h.standIn.accountSid, from: caller, to: DOWNTOWN, queueResult });
    const response = await h.post(QUEUE, params);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/<Response\/>$/);
    await h.settle();
    expect(h.standIn.messages).toHaveLength(0);
    expect(await callsWithSid(params.CallSid!)).toHaveLength(0);
    expect((await rowsForCaller(caller)).contact).toBeNull();
  });

  it("QueueResult=queue-full: the caller is still on the line, hears the voicemail prompt and is texted", async () => {
    const caller = uniqueCaller();
    const response = await h.post(QUEUE, queueActionPayload({ accountSid: h.standIn.accountSid, from: caller, to: DOWNTOWN, queueResult: "queue-full" }));
    const twiml = await response.text();
    expect(twiml).toContain("Glow Med Spa");
    expect(twiml).toMatch(new RegExp(`transcribeCallback="${APP_URL}${TRANSCRIPTION}\\?org=[0-9a-f-]{36}"`));
    await h.settle();
    expect(h.standIn.messages.map((m) => m.to)).toEqual([caller]);
    expect((await rowsForCaller(caller)).calls[0]).toMatchObject({ disposition: "missed", durationSeconds: null });
  });

  it("an undocumented QueueResult is acknowledged and logged, and nobody is texted on a guess", async () => {
    const caller = uniqueCaller();
    const params = queueActionPayload({ accountSid: h.standIn.accountSid, from: caller, to: DOWNTOWN, queueResult: "timeout" });
    expect((await h.post(QUEUE, params)).status).toBe(200);
    await h.settle();
    expect(h.standIn.messages).toHaveLength(0);
    expect(await callsWithSid(params.CallSid!)).toHaveLength(0);
    expect((await eventsWithCallSid("queue_result_unknown", params.CallSid!))[0]?.detail).toMatchObject({ queueResult: "timeout" });
  });

  it("a forged signature is answered 403 and nothing is stored or texted", async () => {
    const caller = uniqueCaller();
    const params = queueActionPayload({ accountSid: h.standIn.accountSid, from: caller, to: DOWNTOWN });
    const response = await h.post(QUEUE, params, { signature: "dGhpcyBpcyBmb3JnZWQ=" });
    expect(response.status).toBe(403);
    await h.settle();
    expect(await callsWithSid(params.CallSid!)).toHaveLength(0);
    expect((await rowsForCaller(caller)).contact).toBeNull();
    expect(h.standIn.messages).toHaveLength(0);
  });
});

describe("voicemail transcription", () => {
  /** The call's sid and the transcription URL our TwiML gave Twilio for it (it names the organization). */
  async function missedCall(caller: string) {
    const params = dialActionPayload({ accountSid: h.standIn.accountSid, from: caller, to: DOWNTOWN });
    const twiml = await (await h.post("/api/webhooks/twilio/dial", params)).text();
    expect(twiml).toMatch(new RegExp(`<Record [^>]*transcribe="true" transcribeCallback="${APP_URL}${TRANSCRIPTION}\\?org=[0-9a-f-]{36}"`));
    await h.settle();
    transcription = callbackPathOf(twiml, "transcribeCallback");
    return params.CallSid!;
  }
  let transcription = TRANSCRIPTION;

  it("the transcript of a missed call's voicemail lands on the call once, however often Twilio posts it", async () => {
    const caller = uniqueCaller();
    const callSid = await missedCall(caller);
    const payload = transcriptionPayload({ accountSid: h.standIn.accountSid, callSid, text: DANA });
    for (let i = 0; i < 3; i++) expect((await h.post(transcription, payload)).status).toBe(200);

    const rows = await rowsForCaller(caller);
    expect(rows.calls[0]?.transcript).toBe(DANA);
    const transcribed = rows.events.filter((e) => e.type === "voicemail_transcribed");
    expect(transcribed).toHaveLength(1);
    expect(transcribed[0]).toMatchObject({ callId: rows.calls[0]?.id, conversationId: rows.conversations[0]?.id });
    expect(h.standIn.messages).toHaveLength(1);
  });

  it("a failed transcription is acknowledged and stores nothing", async () => {
    const caller = uniqueCaller();
    const callSid = await missedCall(caller);
    const response = await h.post(transcription, transcriptionPayload({ accountSid: h.standIn.accountSid, callSid, text: "", status: "failed" }));
    expect(response.status).toBe(200);
    const rows = await rowsForCaller(caller);
    expect(rows.calls[0]?.transcript).toBeNull();
    expect(rows.events.filter((e) => e.type === "voicemail_transcribed")).toHaveLength(0);
  });

  it("a forged transcription is answered 403 and the call keeps no transcript", async () => {
    const caller = uniqueCaller();
    const callSid = await missedCall(caller);
    const response = await h.post(transcription, transcriptionPayload({ accountSid: h.standIn.accountSid, callSid, text: "Call me at 900-555-0100 for a prize" }), {
      signature: "dGhpcyBpcyBmb3JnZWQ=",
    });
    expect(response.status).toBe(403);
    const rows = await rowsForCaller(caller);
    expect(rows.calls[0]?.transcript).toBeNull();
    expect(rows.events.filter((e) => e.type === "voicemail_transcribed")).toHaveLength(0);
  });

  it("a transcription for a call Rebound never saw is acknowledged and logged, nothing else", async () => {
    const callSid = sid("CA");
    const response = await h.post(TRANSCRIPTION, transcriptionPayload({ accountSid: h.standIn.accountSid, callSid, text: DANA }));
    expect(response.status).toBe(200);
    expect(await callsWithSid(callSid)).toHaveLength(0);
    expect(await eventsWithCallSid("transcription_for_unknown_call", callSid)).toHaveLength(1);
    expect(h.standIn.messages).toHaveLength(0);
  });
});
