// The intake's promises with two `next start` servers on one database (issue 15): a webhook is
// acknowledged once stored in inbound_events (unique per organization, provider and event id), then
// processed in batches. The same event delivered to both servers at once is one call and one text;
// a voicemail that overtakes its missed call still lands on that call; one caller's texts, delivered
// to the two servers alternately, are applied in the order the caller sent them.
// (intake-restart.test.ts: the process killed, or its database connections cut, before processing.)
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from "vitest";
import { callMissedPayload, openphoneId, voicemailCompletedPayload } from "@/lib/telephony/openphone/samples";
import { dialActionPayload, inboundSmsPayload, recordingPayload, sid } from "@/lib/telephony/twilio/samples";
import { startQuoStandIn, type QuoStandIn } from "@/tools/quo-stand-in";
import { startTwilioStandIn, type TwilioStandIn } from "@/tools/twilio-stand-in";
import {
  callerState,
  callsWithRef,
  demoOrgId,
  OPT_SEQUENCE,
  OPT_SWITCHES,
  postOpenPhone,
  postTwilioTo,
  PUBLIC_URL,
  QUO_LINE,
  SMS_PATH,
  storedEvents,
  until,
  VOICEMAIL_PATH,
} from "./intake-harness";
import {
  BASE_PORT,
  callers,
  DIAL_PATH,
  DOWNTOWN,
  missedCall,
  recordFor,
  requireBuild,
  sleep,
  startServer,
  systemDatabase,
  textsReceived,
  waitForTexts,
  WESTSIDE,
  type RunningServer,
  type SystemDatabase,
} from "./system-harness";

const AUTH_SECRET = randomBytes(32).toString("base64");

let db: SystemDatabase;
let standIn: TwilioStandIn;
/** The demo spa's Quo account: texts from its Quo line leave through Quo (lib/messaging/senders/). */
let quo: QuoStandIn;
let servers: [RunningServer, RunningServer];

beforeAll(async () => {
  requireBuild();
  db = await systemDatabase("rebound_sys_intake");
  standIn = await startTwilioStandIn();
  quo = await startQuoStandIn();
  await db.sql`update organizations set openphone_api_key = ${quo.apiKey} where slug = 'glow'`;
  const env = { OPENPHONE_API_BASE: quo.url };
  const started = await Promise.all(
    ["intake-a", "intake-b"].map((name, i) => startServer({ name, port: BASE_PORT + 5 + i, databaseUrl: db.url, standIn, appUrl: PUBLIC_URL, authSecret: AUTH_SECRET, env })),
  );
  servers = [started[0]!, started[1]!];
});

afterAll(async () => {
  await Promise.all((servers ?? []).map((s) => s.stop()));
  await standIn?.close();
  await quo?.close();
  await db?.close();
});

beforeEach(() => {
  standIn.reset();
  quo.reset();
  onTestFailed(() => {
    for (const s of servers) console.log(`--- ${s.name} (${s.logFile}) ---\n${s.log().slice(-4000)}`);
  });
});

async function allProcessed(query: Parameters<typeof storedEvents>[1]): Promise<boolean> {
  const rows = await storedEvents(db.sql, query);
  return rows.length > 0 && rows.every((e) => e.processedAt !== null);
}

/** Each caller texted once, with one call and one finished text-back on record. */
async function expectEachTextedOnce(phones: string[], provider: { messages: { to: string; receivedAtEpochMs: number }[] } = standIn): Promise<void> {
  expect([...textsReceived(provider, phones).entries()].filter(([, n]) => n !== 1)).toEqual([]);
  const record = await recordFor(db.sql, phones);
  expect(phones.filter((p) => record.calls(p) !== 1)).toEqual([]);
  expect(phones.filter((p) => record.texts(p).length !== 1 || record.texts(p)[0]?.outbox !== "done")).toEqual([]);
}

describe("the same event delivered to two servers at once", () => {
  it("one stored event, one call and one text per caller", async () => {
    const people = callers(20);
    const answers = await Promise.all(
      people.flatMap((phone, i) => {
        const params = missedCall(standIn, phone, i % 2 ? WESTSIDE : DOWNTOWN);
        return servers.map((s) => postTwilioTo(s, DIAL_PATH, params, standIn.authToken));
      }),
    );
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    await waitForTexts(standIn, people, 30_000);
    await until("every stored event to be processed", () => allProcessed({ callers: people }), 30_000);
    await sleep(2000); // two sweeper ticks on each server: nothing more may go out
    await expectEachTextedOnce(people);
    const stored = await storedEvents(db.sql, { callers: people });
    expect(stored.map((e) => e.callerKey).sort()).toEqual([...people].sort());
  });
});

describe("a voicemail that arrives before its missed call", () => {
  it("Twilio: the recording callback, then the <Dial action> of that call: one call with the voicemail on it, one text", async () => {
    const orgId = await demoOrgId(db.sql);
    const people = callers(3);
    const calls = people.map((phone) => ({
      phone,
      recording: recordingPayload({ accountSid: standIn.accountSid, callSid: sid("CA"), seconds: 14 }),
    }));
    await Promise.all(
      calls.map(async ({ phone, recording }, i) => {
        // The recording callback URL is the one our voicemail TwiML hands Twilio: it names the organization.
        const voicemail = await postTwilioTo(servers[i % 2]!, `${VOICEMAIL_PATH}?org=${orgId}`, recording, standIn.authToken);
        expect(voicemail.status).toBe(200);
        const dial = dialActionPayload({ accountSid: standIn.accountSid, callSid: recording.CallSid, from: phone, to: DOWNTOWN });
        expect((await postTwilioTo(servers[(i + 1) % 2]!, DIAL_PATH, dial, standIn.authToken)).status).toBe(200);
      }),
    );
    await waitForTexts(standIn, people, 30_000);
    await until("every stored event to be processed", () => allProcessed({ callers: people, callRefs: calls.map((c) => c.recording.CallSid!) }), 30_000);
    await sleep(2000);
    for (const { phone, recording } of calls) {
      expect(await callsWithRef(db.sql, recording.CallSid!)).toEqual([
        { provider: "twilio", fromNumber: phone, disposition: "voicemail", voicemailUrl: recording.RecordingUrl, voicemailSeconds: 14 },
      ]);
    }
    await expectEachTextedOnce(people);
  });

  it("OpenPhone / Quo: call.voicemail.completed, then call.missed for the same call: one call with the voicemail on it, one text", async () => {
    const people = callers(3);
    const calls = people.map((phone) => ({ phone, callId: openphoneId("AC") }));
    await Promise.all(
      calls.map(async ({ phone, callId }, i) => {
        const voicemail = voicemailCompletedPayload({ from: phone, to: QUO_LINE, callId, seconds: 14 });
        expect((await postOpenPhone(servers[i % 2]!, voicemail)).status).toBe(200);
        expect((await postOpenPhone(servers[(i + 1) % 2]!, callMissedPayload({ from: phone, to: QUO_LINE, callId }))).status).toBe(200);
      }),
    );
    await waitForTexts(quo, people, 30_000);
    await until("every stored event to be processed", () => allProcessed({ callers: people, callRefs: calls.map((c) => c.callId) }), 30_000);
    await sleep(2000);
    for (const { phone, callId } of calls) {
      expect(await callsWithRef(db.sql, callId)).toEqual([
        {
          provider: "openphone",
          fromNumber: phone,
          disposition: "voicemail",
          voicemailUrl: `https://m.openph.one/static/${callId.slice(2).toLowerCase()}.mp3`,
          voicemailSeconds: 14,
        },
      ]);
    }
    expect(quo.messages.filter((m) => people.includes(m.to)).map((m) => m.from)).toEqual(people.map(() => QUO_LINE));
    expect(textsReceived(standIn, people)).toEqual(new Map(people.map((p) => [p, 0])));
    await expectEachTextedOnce(people, quo);
  });
});

describe("one caller's events delivered to the two servers alternately", () => {
  it("processed in the order sent: the final opt-out state is the last text's, the conversation shows the texts in order", async () => {
    const [caller] = callers(1) as [string];
    expect((await postTwilioTo(servers[0], DIAL_PATH, missedCall(standIn, caller), standIn.authToken)).status).toBe(200);
    // Each delivered as soon as the previous one is acknowledged, none waiting for processing.
    for (const [i, text] of OPT_SEQUENCE.entries()) {
      const params = inboundSmsPayload({ accountSid: standIn.accountSid, from: caller, to: DOWNTOWN, body: text.body, optOutType: text.optOutType });
      expect((await postTwilioTo(servers[(i + 1) % 2]!, SMS_PATH, params, standIn.authToken)).status).toBe(200);
    }
    await until("every stored event to be processed", () => allProcessed({ callers: [caller] }), 30_000);
    await sleep(2000);

    const state = await callerState(db.sql, caller);
    expect(state.inboundBodies).toEqual(OPT_SEQUENCE.map((t) => t.body));
    expect(state.optSwitches).toEqual(OPT_SEQUENCE.map((t) => OPT_SWITCHES[t.optOutType]));
    expect(state.contact?.optedOutAt).not.toBeNull(); // the last text was an opt-out
    expect((await recordFor(db.sql, [caller])).calls(caller)).toBe(1);
    // The text-back may or may not have gone out before the first STOP; never twice.
    expect(textsReceived(standIn, [caller]).get(caller)).toBeLessThanOrEqual(1);
  });
});
