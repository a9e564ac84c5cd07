// The intake's promises when the process or the database goes away between "acknowledged" and
// "processed" (issue 15), against the production build: a webhook is acknowledged once it is stored
// in inbound_events, and processed later in batches, one transaction each. Servers started with
// INTAKE_PAUSED=1 store and acknowledge but process nothing, which holds events between the two.
// Each proof checks what a spa would notice: every caller texted once, every call on record once,
// nothing half-done, the caller's final opt-out state.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, onTestFailed } from "vitest";
import { inboundSmsPayload } from "@/lib/telephony/twilio/samples";
import { startTwilioStandIn, type TwilioStandIn } from "@/tools/twilio-stand-in";
import {
  callerState,
  cutServerConnections,
  demoOrgId,
  OPT_SEQUENCE,
  OPT_SWITCHES,
  postTwilioTo,
  PUBLIC_URL,
  serverBackends,
  SMS_PATH,
  storedEvents,
  until,
} from "./intake-harness";
import {
  adminSql,
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
  TEST_APPLICATION_NAME,
  textsReceived,
  waitForTexts,
  type RunningServer,
  type SystemDatabase,
} from "./system-harness";

const AUTH_SECRET = randomBytes(32).toString("base64");
const PORT = BASE_PORT + 3;

let db: SystemDatabase;
let standIn: TwilioStandIn;
const running: RunningServer[] = [];

beforeAll(async () => {
  requireBuild();
  db = await systemDatabase("rebound_sys_intake_restart");
  standIn = await startTwilioStandIn();
});

afterAll(async () => {
  await standIn?.close();
  await db?.close();
});

beforeEach(() => standIn.reset());

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

/** A server on the proof's database; `paused`: INTAKE_PAUSED=1 (stores and acknowledges, processes nothing). */
async function server(name: string, port: number, { paused = false }: { paused?: boolean } = {}): Promise<RunningServer> {
  const s = await startServer({
    name,
    port,
    databaseUrl: db.url,
    standIn,
    appUrl: PUBLIC_URL,
    authSecret: AUTH_SECRET,
    env: paused ? { INTAKE_PAUSED: "1" } : undefined,
  });
  running.push(s);
  onTestFailed(() => console.log(`--- ${name} (${s.logFile}) ---\n${s.log().slice(-4000)}`));
  return s;
}

const dial = (app: RunningServer, phone: string) => postTwilioTo(app, DIAL_PATH, missedCall(standIn, phone), standIn.authToken);

/** Each caller has exactly one call and one finished text-back on record, and was texted once. */
async function expectEachTextedOnce(phones: string[]): Promise<void> {
  expect([...textsReceived(standIn, phones).entries()].filter(([, n]) => n !== 1)).toEqual([]);
  const record = await recordFor(db.sql, phones);
  expect(phones.filter((p) => record.calls(p) !== 1)).toEqual([]);
  expect(phones.filter((p) => record.texts(p).length !== 1 || record.texts(p)[0]?.outbox !== "done")).toEqual([]);
}

async function allProcessed(phones: string[]): Promise<boolean> {
  const rows = await storedEvents(db.sql, { callers: phones });
  return rows.length > 0 && rows.every((e) => e.processedAt !== null);
}

describe("killed (kill -9) after the acknowledgement, before processing", () => {
  it("every stored call is processed exactly once by the next server on the same database", async () => {
    const paused = await server("paused-then-killed", PORT, { paused: true });
    const people = callers(20);
    const answers = await Promise.all(people.map((p) => dial(paused, p)));
    expect(answers.map((a) => a.status)).toEqual(people.map(() => 200));

    // Acknowledged means stored: one unprocessed row per call, and nothing else written or sent.
    const stored = await storedEvents(db.sql, { callers: people });
    expect(stored.map((e) => e.callerKey).sort()).toEqual([...people].sort());
    expect(stored.filter((e) => e.provider !== "twilio" || e.kind !== "call" || e.processedAt !== null)).toEqual([]);
    await sleep(1500); // a sweeper tick: a paused server still processes nothing
    const before = await recordFor(db.sql, people);
    expect(people.filter((p) => before.calls(p) + before.contacts(p).length + before.texts(p).length > 0)).toEqual([]);
    expect(standIn.messages).toEqual([]);

    await paused.kill();
    const restartedAt = Date.now();
    await server("after-the-kill", PORT);
    const lastText = await waitForTexts(standIn, people, 60_000);
    await until("every stored event to be processed", () => allProcessed(people), 30_000);
    await sleep(2000); // two sweeper ticks: nothing more may go out
    await expectEachTextedOnce(people);
    expect(await storedEvents(db.sql, { callers: people })).toHaveLength(people.length);
    console.log(
      `[system] intake, kill -9 before processing: ${people.length} stored calls, all texted once; last text ${((lastText - restartedAt) / 1000).toFixed(1)} s after the restart`,
    );
  });
});

describe("Postgres connections cut in the middle of a batch", () => {
  it("the batch is all or nothing: nothing half-processed after the cut, then everything processed once", async () => {
    const orgId = await demoOrgId(db.sql);
    const [known] = callers(1) as [string];
    const first = callers(4);
    const last = callers(4);
    const everyone = [...first, known, ...last];
    // A caller already on file (the desk added them), so their call waits on a contact row held below.
    await db.sql`insert into contacts (org_id, phone) values (${orgId}, ${known})`;

    const paused = await server("cut-store", PORT, { paused: true });
    for (const phone of everyone) expect((await dial(paused, phone)).status).toBe(200); // stored in this order
    await paused.stop();

    const admin = adminSql();
    const locker = postgres(db.url, { max: 1, onnotice: () => {}, connection: { application_name: TEST_APPLICATION_NAME } });
    let release = () => {};
    try {
      const held = new Promise<void>((resolve) => (release = resolve));
      await new Promise<void>((ready) => {
        locker
          .begin(async (tx) => {
            await tx`select id from contacts where phone = ${known} for update`;
            ready();
            await held;
          })
          .catch(() => undefined);
      });

      const app = await server("cut-process", PORT);
      await until("the batch to wait on the held contact", async () => (await serverBackends(admin, db.name)).some((b) => b.waitEventType === "Lock"), 30_000);
      const cut = await cutServerConnections(admin, db.name);
      expect(cut).toBeGreaterThan(0);

      // While the contact is still held (the server reconnects and retries meanwhile), at any moment:
      // an event is marked processed exactly when its call is on record, and only a recorded call is texted.
      const cutAt = Date.now();
      let checks = 0;
      while (Date.now() - cutAt < 3000) {
        const rows = await db.sql<{ callerKey: string; processed: boolean; recorded: boolean }[]>`
          select e.caller_key as "callerKey", e.processed_at is not null as processed,
            exists (select 1 from calls c where c.org_id = e.org_id and c.external_id = e.call_ref) as recorded
          from inbound_events e where e.caller_key = any(${everyone})`;
        expect(rows).toHaveLength(everyone.length);
        expect(rows.filter((r) => r.processed !== r.recorded)).toEqual([]);
        expect(rows.find((r) => r.callerKey === known)).toEqual({ callerKey: known, processed: false, recorded: false });
        const recorded = new Set(rows.filter((r) => r.recorded).map((r) => r.callerKey));
        expect(standIn.messages.filter((m) => everyone.includes(m.to) && !recorded.has(m.to)).map((m) => m.to)).toEqual([]);
        checks += 1;
        await sleep(200);
      }
      const heldRecord = await recordFor(db.sql, everyone);
      console.log(
        `[system] intake, connections cut mid-batch: ${cut} server connections cut; ${checks} consistent snapshots while the contact was held; ` +
          `calls on record meanwhile: ${everyone.filter((p) => heldRecord.calls(p) > 0).length} of ${everyone.length}`,
      );

      release();
      const releasedAt = Date.now();
      const lastText = await waitForTexts(standIn, everyone, 90_000);
      await until("every stored event to be processed", () => allProcessed(everyone), 30_000);
      await sleep(2000);
      await expectEachTextedOnce(everyone);
      const stored = await storedEvents(db.sql, { callers: everyone });
      console.log(
        `[system] intake, after the cut: last text ${((lastText - releasedAt) / 1000).toFixed(1)} s after the contact was released; ` +
          `attempts per event ${stored.map((e) => e.attempts).join(", ")}; errors: ${[...new Set(stored.map((e) => e.lastError).filter(Boolean))].join(" | ") || "none"}`,
      );
      // The load balancer's view: the server came through the cut without a restart.
      expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
    } finally {
      release();
      await locker.end({ timeout: 1 }).catch(() => undefined);
      await admin.end({ timeout: 1 });
    }
  }, 180_000);
});

describe("one caller's events, stored in provider order, processed by two servers at once", () => {
  it("the final opt-out state is the last text's, and the conversation shows the texts in the order they were sent", async () => {
    const [caller] = callers(1) as [string];
    const sequence = OPT_SEQUENCE;
    const [a, b] = await Promise.all([server("order-store-a", PORT, { paused: true }), server("order-store-b", PORT + 1, { paused: true })]);
    expect((await dial(a, caller)).status).toBe(200);
    // Twilio delivers them one after the other, alternately to each server (a load balancer).
    for (const [i, text] of sequence.entries()) {
      const params = inboundSmsPayload({ accountSid: standIn.accountSid, from: caller, to: DOWNTOWN, body: text.body, optOutType: text.optOutType });
      expect((await postTwilioTo(i % 2 ? a : b, SMS_PATH, params, standIn.authToken)).status).toBe(200);
    }
    expect(await storedEvents(db.sql, { callers: [caller] })).toHaveLength(1 + sequence.length);
    await Promise.all(running.splice(0).map((s) => s.stop()));

    await Promise.all([server("order-process-a", PORT), server("order-process-b", PORT + 1)]);
    await until("every stored event to be processed", () => allProcessed([caller]), 60_000);
    await sleep(2000);

    const state = await callerState(db.sql, caller);
    expect(state.inboundBodies).toEqual(sequence.map((t) => t.body));
    expect(state.optSwitches).toEqual(sequence.map((t) => OPT_SWITCHES[t.optOutType]));
    expect(state.contact?.optedOutAt).not.toBeNull(); // the last text was a STOP
    const record = await recordFor(db.sql, [caller]);
    expect(record.calls(caller)).toBe(1);
    // The text-back may or may not have gone out before the first STOP; never twice.
    expect(textsReceived(standIn, [caller]).get(caller)).toBeLessThanOrEqual(1);
  }, 180_000);
});
