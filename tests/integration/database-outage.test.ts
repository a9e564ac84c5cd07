// Postgres ending the app's connections in the middle of webhook transactions and then refusing
// new ones for a while (a failover, a restart): each webhook answers 500 promptly so the provider
// retries, nothing is half-written, the process raises no uncaught error, and once Postgres is back
// the very next requests work on the same connection pool (postgres.js needed
// patches/postgres+3.4.9.patch for the last three, see patches/README.md).
import postgres from "postgres";
import { afterEach, describe, expect, inject, it } from "vitest";
import { dialActionPayload } from "@/lib/telephony/twilio/samples";
import { ADMIN_URL } from "../test-database";
import { DOWNTOWN, uniqueCaller, useHarness } from "./harness";
import { rowsForCaller } from "./rows";

const h = useHarness();
const uncaught: unknown[] = [];
const onUncaught = (error: unknown) => void uncaught.push(error);

afterEach(() => {
  process.off("uncaughtException", onUncaught);
});

describe("the database ends its connections during webhooks", () => {
  it("answers 500, writes nothing, and processes the provider's retries once on the same pool", async () => {
    process.on("uncaughtException", onUncaught);
    const database = new URL(inject("databaseUrl")).pathname.slice(1);
    const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
    const locker = postgres(inject("databaseUrl"), { max: 1, onnotice: () => {} });
    let release = () => {};
    try {
      const people = [uniqueCaller(), uniqueCaller(), uniqueCaller(), uniqueCaller()];
      const payloads = people.map((from) => dialActionPayload({ accountSid: h.standIn.accountSid, from, to: DOWNTOWN }));
      const held = new Promise<void>((resolve) => (release = resolve));
      await new Promise<void>((ready) => {
        locker
          .begin(async (tx) => {
            await tx`lock table inbound_events in exclusive mode`;
            ready();
            await held;
          })
          .catch(() => undefined);
      });
      const inFlight = payloads.map((p) => h.post("/api/webhooks/twilio/dial", p));
      for (let waited = 0; ; waited += 50) {
        const [row] = await admin<{ n: number }[]>`select count(*)::int as n from pg_stat_activity where datname = ${database} and wait_event_type = 'Lock'`;
        if ((row?.n ?? 0) >= people.length) break;
        if (waited > 10_000) throw new Error("the webhooks never reached their transactions");
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await admin.unsafe(`alter database "${database}" allow_connections false`);
      await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${database} and pid <> pg_backend_pid()`;
      release();
      expect((await Promise.all(inFlight)).map((r) => r.status)).toEqual([500, 500, 500, 500]);

      // While Postgres refuses connections, every new webhook is answered 500 within a few seconds.
      for (let i = 0; i < 8; i++) {
        const answer = await Promise.race([
          h.post("/api/webhooks/twilio/dial", payloads[i % payloads.length]!).then((r) => r.status),
          new Promise<string>((resolve) => setTimeout(() => resolve("no answer within 5 s"), 5000)),
        ]);
        expect(answer).toBe(500);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      await admin.unsafe(`alter database "${database}" allow_connections true`);
      for (const phone of people) expect((await rowsForCaller(phone)).contact).toBeNull();

      for (const p of payloads) {
        const [first, second] = await Promise.all([h.post("/api/webhooks/twilio/dial", p), h.post("/api/webhooks/twilio/dial", p)]);
        expect([first.status, second.status]).toEqual([200, 200]);
      }
      await h.settle();
      for (const phone of people) {
        const rows = await rowsForCaller(phone);
        expect([rows.calls.length, rows.messages.length, rows.outbox[0]?.status]).toEqual([1, 1, "done"]);
        expect(h.standIn.messages.filter((m) => m.to === phone)).toHaveLength(1);
      }
      await new Promise((resolve) => setImmediate(resolve));
      expect(uncaught).toEqual([]);
    } finally {
      release();
      await admin.unsafe(`alter database "${database}" allow_connections true`);
      await locker.end({ timeout: 1 }).catch(() => undefined);
      await admin.end({ timeout: 1 });
    }
  });
});
