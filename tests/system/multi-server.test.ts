// Two `next start` processes on one Postgres, as N stateless servers behind a load balancer run:
// they start together on an empty database, every webhook is delivered to both (a provider
// retrying on another node), and both sweepers retry failed sends. Each call must be on record
// once and each caller texted once. The figures it prints are the ones in docs/deploy.md.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from "vitest";
import { signInForCookie } from "@/tools/bench-session";
import { startTwilioStandIn, type TwilioStandIn } from "@/tools/twilio-stand-in";
import {
  BASE_PORT,
  callers,
  countingProxy,
  DIAL_PATH,
  missedCall,
  postTwilio,
  recordFor,
  requireBuild,
  seedDatabase,
  sleep,
  startServer,
  systemDatabase,
  textsReceived,
  waitForTexts,
  WESTSIDE,
  type RunningServer,
  type SystemDatabase,
} from "./system-harness";

/** The one public address both servers answer for (Twilio signs over it), and their shared secret. */
const PUBLIC_URL = "https://rebound.test";
const AUTH_SECRET = randomBytes(32).toString("base64");

let db: SystemDatabase;
let standIn: TwilioStandIn;
let proxies: Awaited<ReturnType<typeof countingProxy>>[];
let servers: RunningServer[];

beforeAll(async () => {
  requireBuild();
  db = await systemDatabase("rebound_sys_multi", { seed: false });
  standIn = await startTwilioStandIn();
  proxies = await Promise.all([countingProxy(standIn.url), countingProxy(standIn.url)]);
  // Both start at once on an empty database: one applies the migrations, the other waits for it.
  servers = await Promise.all(
    ["server-a", "server-b"].map((name, i) =>
      startServer({ name, port: BASE_PORT + 10 + i, databaseUrl: db.url, standIn, apiBase: proxies[i]!.url, appUrl: PUBLIC_URL, authSecret: AUTH_SECRET }),
    ),
  );
  await seedDatabase(db.url, { migrate: false });
});

afterAll(async () => {
  await Promise.all((servers ?? []).map((s) => s.stop()));
  await Promise.all((proxies ?? []).map((p) => p.close()));
  await standIn?.close();
  await db?.close();
});

beforeEach(() => {
  standIn.reset();
  for (const p of proxies) p.sends.length = 0;
  onTestFailed(() => {
    for (const s of servers) console.log(`--- ${s.name} (${s.logFile}) ---\n${s.log().slice(-4000)}`);
  });
});

/** Every event to both servers at the same instant; returns every answer and when the burst began. */
async function deliverToBoth(phones: string[]) {
  const startedAt = Date.now();
  const answers = await Promise.all(
    phones.flatMap((phone, i) => {
      const params = missedCall(standIn, phone, i % 2 ? WESTSIDE : undefined);
      return servers.map((s) => postTwilio({ server: s.url, appUrl: PUBLIC_URL, path: DIAL_PATH, params, authToken: standIn.authToken }));
    }),
  );
  return { startedAt, answers };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

describe("two servers, one database", () => {
  it("both came up together on an empty database", async () => {
    for (const s of servers) expect((await fetch(`${s.url}/api/health`)).status).toBe(200);
    const [row] = await db.sql<{ n: number }[]>`select count(*)::int as n from drizzle.__drizzle_migrations`;
    const applied = row?.n ?? 0;
    expect(applied).toBeGreaterThan(0);
    // Each migration applied once, not once per server.
    const [distinct] = await db.sql<{ n: number }[]>`select count(distinct hash)::int as n from drizzle.__drizzle_migrations`;
    expect(distinct?.n).toBe(applied);
  });

  it("a desk signed in through one server is signed in on the other, until the session is revoked", async () => {
    const [a, b] = servers as [RunningServer, RunningServer];
    const cookie = await signInForCookie(a.url, "desk@glow.test", "rebound-demo");
    const inbox = (s: RunningServer) => fetch(`${s.url}/inbox`, { headers: { Cookie: cookie }, redirect: "manual" });
    const onB = await inbox(b);
    expect(onB.status).toBe(200);
    expect(await onB.text()).toContain("Inbox");
    // Signing out revokes the session row (lib/auth/session.ts); every server reads that row.
    await db.sql`update sessions set revoked_at = now() where revoked_at is null`;
    for (const s of [a, b]) {
      const after = await inbox(s);
      expect(after.status).toBe(307);
      expect(after.headers.get("location")).toMatch(/\/login/);
    }
  });

  it("100 missed calls, each webhook delivered to both servers: every call recorded once, every caller texted once", async () => {
    const people = callers(100);
    const { startedAt, answers } = await deliverToBoth(people);
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    const lastText = await waitForTexts(standIn, people, 30_000);
    await sleep(2000); // two sweeper ticks on each server: nothing more may go out
    const counts = textsReceived(standIn, people);
    expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
    const record = await recordFor(db.sql, people);
    expect(people.filter((p) => record.calls(p) !== 1)).toEqual([]);
    expect(people.filter((p) => record.texts(p).length !== 1 || record.texts(p)[0]?.outbox !== "done")).toEqual([]);
    const [a, b] = proxies.map((p) => p.sends.length);
    console.log(
      `[system] 2 servers: ${people.length} calls, each delivered to both (${people.length} duplicates, ${answers.length} webhooks, all 2xx; ` +
        `ack p50 ${percentile(
          answers.map((x) => x.ms),
          50,
        ).toFixed(0)} ms, p99 ${percentile(
          answers.map((x) => x.ms),
          99,
        ).toFixed(0)} ms); ` +
        `${people.length} calls on record, ${standIn.messages.length} texts sent (server A ${a}, server B ${b}); last text ${((lastText - startedAt) / 1000).toFixed(1)} s after the burst began`,
    );
  });

  it("every first send fails (500 or 429): the sweepers on both servers retry them, and nobody is texted twice", async () => {
    const people = callers(60);
    // Each caller's own first send fails: a retry that overtakes a slow first send to someone else
    // must not take that caller's scripted failure.
    people.forEach((phone, i) => standIn.failNextSendsTo(phone, [i % 2 ? { status: 429, code: 20429 } : { status: 500 }]));
    const { startedAt, answers } = await deliverToBoth(people);
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    const lastText = await waitForTexts(standIn, people, 30_000);
    await sleep(2500);
    expect([...textsReceived(standIn, people).values()].filter((n) => n !== 1)).toEqual([]);

    // Exactly two attempts per caller: the failed one and one retry, made by whichever sweeper claimed it.
    const sends = proxies.map((p, server) => p.sends.map((s) => ({ ...s, server })));
    const retriedBy = [0, 0];
    for (const phone of people) {
      const attempts = sends
        .flat()
        .filter((s) => s.to === phone)
        .sort((x, y) => x.at - y.at);
      expect(attempts).toHaveLength(2);
      retriedBy[attempts[1]!.server]! += 1;
      // After a 500 Twilio may have taken it: its message list was checked before the retry.
      const first = standIn.attempts.find((x) => x.kind === "send" && x.to === phone);
      const looked = standIn.attempts.some((x) => x.kind === "list" && x.to === phone);
      expect(looked).toBe(first?.outcome === 500);
    }
    const record = await recordFor(db.sql, people);
    expect(people.filter((p) => record.calls(p) !== 1)).toEqual([]);
    expect(people.filter((p) => record.texts(p)[0]?.outbox !== "done" || record.texts(p)[0]?.attempts !== 2)).toEqual([]);
    // Both sweepers took part (SKIP LOCKED split the work between them).
    expect(retriedBy.every((n) => n > 0)).toBe(true);
    console.log(
      `[system] 2 servers, every first send failing: ${people.length} calls, ${answers.length} webhooks (each delivered to both), ` +
        `${people.length} failed first sends, retries by server A ${retriedBy[0]} / B ${retriedBy[1]}, ${standIn.messages.length} texts sent, none twice; ` +
        `last text ${((lastText - startedAt) / 1000).toFixed(1)} s after the burst began`,
    );
  });
});
