// `npm run bench`: measured against the production build, real Postgres and the local Twilio
// stand-in. Prints one table (each row with its target and PASS / FAIL) and writes
// bench-results/latest.json. What each row measures, and the figures: docs/benchmarks.md.
//
//   ingest: signed missed-call webhooks per second through /api/webhooks/twilio/dial vs a bare route
//   (/api/bench/bare: reads the body, answers 200) on the same server, same client concurrency.
//   speed to text: webhook sent → the stand-in receives the send, sequentially and at a steady rate
//   (open loop: each webhook leaves on schedule whatever the server does).
//   burst: N distinct missed calls at the same instant: all acknowledged, each caller texted once.
//   read paths: the inbox at 100,000 conversations, and the ROI dashboard of a spa with 1,000,000
//   calls over two years (db/seed-volume.ts), signed in, full server-rendered HTML.
//   memory: the Next server process's peak resident set (VmHWM) over the whole run.
//
// Flags (defaults = the full run): --roi-calls 0 and --conversations 0 skip the slow read paths;
// --cpu-prof writes the server's CPU profile to bench-results/profiles/ (open it in Chrome DevTools);
// --server-node-args="--trace-gc …" passes Node flags to the server (its stdout goes to
// bench-results/server-stdout.log).
import { existsSync, mkdirSync, openSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openDb, rowsOf, type Db } from "@/db/client";
import { seedDemo } from "@/db/seed-demo";
import { seedConversations } from "@/db/seed-scale";
import { seedCallVolume, VOLUME_OWNER } from "@/db/seed-volume";
import { createTestDatabase } from "@/tests/test-database";
import { LOAD_TEST_SENDING_LIMITS, startAppServer, type AppServer } from "@/tools/app-server";
import { burst, closedLoop, cpuDuring, findNextServerPid, formatTable, latencies, openLoop, send, watchMemory, type Latencies, type Row, type Sent } from "@/tools/bench-load";
import { signInForCookie } from "@/tools/bench-session";
import { dialActionPayload, signedTwilioRequest } from "@/lib/telephony/twilio/samples";
import { startTwilioStandIn, type StandInMessage, type TwilioStandIn } from "@/tools/twilio-stand-in";

const SPA_NUMBER = "+13105550100"; // the demo spa's Downtown number (db/seed-demo.ts)
const DIAL = "/api/webhooks/twilio/dial";
const BARE = "/api/bench/bare";

const TARGETS = {
  ingestRatio: 0.5,
  steadyP50: 25,
  steadyP99: 100,
  burstAckP99: 1000,
  burstLastTextMs: 2000,
  inboxP95: 200,
  roiP95: 300,
  rssMiB: 400,
} as const;

let callers = 0;
/** A caller number no other request of the run uses (valid NANP: the exchange never starts with 0 or 1). */
function nextCaller(): string {
  const n = callers++;
  return `+1213${200 + Math.floor(n / 10_000)}${String(n % 10_000).padStart(4, "0")}`;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const load = () => os.loadavg().map((l) => +l.toFixed(2));

/** Times GET `path` (full HTML) signed in with `cookie`; the first five requests warm the route and are not counted. */
async function renderTimes(input: { appUrl: string; cookie: string; path: string; samples: number; marker: string }): Promise<Latencies> {
  const times: number[] = [];
  for (let i = 0; i < input.samples + 5; i++) {
    const started = performance.now();
    const response = await fetch(`${input.appUrl}${input.path}`, { headers: { Cookie: input.cookie } });
    const html = await response.text();
    if (response.status !== 200 || !html.includes(input.marker)) throw new Error(`${input.path} answered ${response.status} without ${input.marker}`);
    if (i >= 5) times.push(performance.now() - started);
  }
  return latencies(times);
}

/**
 * After a bulk seed: VACUUM ANALYZE and a checkpoint, so the timed phases do not share the machine
 * with autovacuum and checkpoint writes catching up on a million fresh rows. Returns the seconds taken.
 */
async function settleDatabase(db: Db): Promise<number> {
  const started = performance.now();
  await db.execute(sql`vacuum (analyze)`);
  await db.execute(sql`checkpoint`).catch(() => undefined); // needs superuser (or pg_checkpoint); fine without
  return +((performance.now() - started) / 1000).toFixed(1);
}

/** Waits until the stand-in holds `count` texts; returns what it has if they do not all come in time. */
async function textsArrive(standIn: TwilioStandIn, count: number, timeoutMs: number): Promise<StandInMessage[]> {
  try {
    return await standIn.waitForMessages(count, timeoutMs);
  } catch {
    return standIn.messages.slice();
  }
}

/** Webhook sent → the text to that caller reached the stand-in, per accepted webhook (first text per caller). */
function toTextTimes(sent: Sent[], callerOf: (index: number) => string, messages: StandInMessage[]): { times: number[]; missing: number } {
  const firstText = new Map<string, number>();
  for (const m of messages) if (!firstText.has(m.to)) firstText.set(m.to, m.receivedAt);
  const times: number[] = [];
  let missing = 0;
  for (const s of sent) {
    const at = firstText.get(callerOf(s.index));
    if (at === undefined) missing++;
    else times.push(at - s.sentAt);
  }
  return { times, missing };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "3300" },
      calls: { type: "string", default: "200" },
      concurrency: { type: "string", default: "16" },
      "ingest-seconds": { type: "string", default: "4" },
      rate: { type: "string", default: "20" },
      "rate-seconds": { type: "string", default: "10" },
      burst: { type: "string", default: "200" },
      conversations: { type: "string", default: "100000" },
      "roi-calls": { type: "string", default: "1000000" },
      "cpu-prof": { type: "boolean", default: false },
      "server-node-args": { type: "string", default: "" },
    },
  });
  const options = {
    calls: Number(values.calls),
    concurrency: Number(values.concurrency),
    ingestSeconds: Number(values["ingest-seconds"]),
    rate: Number(values.rate),
    rateSeconds: Number(values["rate-seconds"]),
    burst: Number(values.burst),
    conversations: Number(values.conversations),
    roiCalls: Number(values["roi-calls"]),
  };
  for (const [name, value] of Object.entries(options)) if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number ≥ 0`);
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first.");

  const loadAtStart = load();
  const database = await createTestDatabase("rebound_bench");
  const standIn = await startTwilioStandIn();
  let server: AppServer | undefined;
  let memory: ReturnType<typeof watchMemory> | undefined;
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};
  try {
    const handle = await openDb({ kind: "postgres", url: database.url });
    await seedDemo(handle.db);
    if (options.roiCalls > 0) {
      const volume = await seedCallVolume(handle.db, { calls: options.roiCalls });
      console.log(`Seeded ${options.roiCalls.toLocaleString("en-US")} calls for the ROI dashboard in ${volume.seconds.toFixed(0)} s`);
      details.seed = { roiCallsSeconds: +volume.seconds.toFixed(1), vacuumSeconds: await settleDatabase(handle.db) };
    }
    const [version] = rowsOf<{ server_version: string }>(await handle.db.execute(sql`show server_version`));
    await handle.close();
    mkdirSync("bench-results", { recursive: true });
    server = await startAppServer({
      port: Number(values.port),
      databaseUrl: database.url,
      twilio: { accountSid: standIn.accountSid, authToken: standIn.authToken, apiBase: standIn.url },
      // The caps are set past the bench's load (thousands of texts a minute from one number).
      env: { BENCH_ROUTES: "1", ...LOAD_TEST_SENDING_LIMITS },
      nodeArgs: [
        ...(values["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve("bench-results/profiles")}`] : []),
        ...values["server-node-args"].split(" ").filter(Boolean),
      ],
      stdio: ["ignore", openSync("bench-results/server-stdout.log", "w"), "inherit"], // stdout (e.g. --trace-gc) to a file, errors to the console
    });
    const appUrl = server.url;
    const serverPid = findNextServerPid(server.pid ?? 0);
    memory = watchMemory(serverPid);
    memory.mark("started");

    const missedCall = (path: string, from: string) =>
      signedTwilioRequest({ appUrl, path, authToken: standIn.authToken, params: dialActionPayload({ accountSid: standIn.accountSid, from, to: SPA_NUMBER }) });
    /** Waits for the texts of `count` accepted missed calls, then clears the stand-in for the next phase. */
    const drain = async (count: number) => {
      const started = performance.now();
      const got = await textsArrive(standIn, count, 120_000);
      const seconds = (performance.now() - started) / 1000;
      standIn.reset();
      return { expected: count, texted: got.length, drainSeconds: +seconds.toFixed(1) };
    };

    // Warm up: the first requests load route code and open database and Twilio connections.
    console.log("warming up…");
    for (let i = 0; i < 10; i++) await send(i, missedCall(DIAL, nextCaller()));
    for (const path of [BARE, DIAL]) {
      const warm = await closedLoop({ concurrency: 8, seconds: 2, makeRequest: () => missedCall(path, nextCaller()) });
      if (warm.failed > 0) throw new Error(`warm-up: ${path} answered ${warm.failed} requests with a non-2xx (is BENCH_ROUTES reaching the server?)`);
      if (path === DIAL) await drain(warm.ok + 10);
    }
    standIn.reset();
    memory.mark("warm-up");

    // Speed to text, one call at a time: the latency with nothing else going on.
    if (options.calls > 0) {
      console.log(`speed to text: ${options.calls} sequential missed calls…`);
      const toText: number[] = [];
      const acks: number[] = [];
      for (let i = 0; i < options.calls; i++) {
        const from = nextCaller();
        const result = await send(i, missedCall(DIAL, from));
        if (result.status !== 200) throw new Error(`webhook answered ${result.status}`);
        const all = await standIn.waitForMessages(i + 1, 10_000);
        const text = all.find((m) => m.to === from);
        if (!text) throw new Error(`no text for ${from}`);
        toText.push(text.receivedAt - result.sentAt);
        acks.push(result.ackedAt - result.sentAt);
      }
      standIn.reset();
      const text = latencies(toText);
      details.sequential = { text, ack: latencies(acks) };
      memory.mark("sequential");
      rows.push({
        id: "sequential_text",
        metric: `speed to text, ${options.calls} calls one at a time (p50 / p99)`,
        measured: `${ms(text.p50)} / ${ms(text.p99)}`,
        target: "(no target)",
        pass: null,
      });
    }

    // Ingest: the same closed loop against the bare route and the full webhook, alternating rounds.
    console.log(`ingest: ${options.concurrency} in flight, bare route vs full webhook…`);
    const ingest = { bare: { ok: 0, failed: 0, seconds: 0 }, full: { ok: 0, failed: 0, seconds: 0 }, rounds: [] as unknown[], load: load() };
    for (let round = 0; round < 2; round++) {
      for (const [kind, path] of [
        ["bare", BARE],
        ["full", DIAL],
      ] as const) {
        // CPU includes sending the texts afterwards: that is part of what a webhook costs.
        const {
          result: [result, drained],
          serverCpuMs,
          postgresCpuMs,
        } = await cpuDuring({ serverPid, database: database.name }, async () => {
          const loop = await closedLoop({ concurrency: options.concurrency, seconds: options.ingestSeconds / 2, makeRequest: () => missedCall(path, nextCaller()) });
          return [loop, kind === "full" ? await drain(loop.ok) : undefined] as const;
        });
        ingest[kind].ok += result.ok;
        ingest[kind].failed += result.failed;
        ingest[kind].seconds += result.seconds;
        const perRequest = (cpuMs: number) => +(cpuMs / Math.max(1, result.ok + result.failed)).toFixed(2);
        ingest.rounds.push({
          kind,
          round,
          perSecond: +result.perSecond.toFixed(1),
          ack: result.ack,
          failed: result.failed,
          ...drained,
          serverCpuMsPerRequest: perRequest(serverCpuMs),
          postgresCpuMsPerRequest: perRequest(postgresCpuMs),
        });
      }
    }
    memory.mark("ingest");
    const bareRate = ingest.bare.ok / ingest.bare.seconds;
    const fullRate = ingest.full.ok / ingest.full.seconds;
    const ratio = fullRate / bareRate;
    details.ingest = { ...ingest, barePerSecond: +bareRate.toFixed(1), fullPerSecond: +fullRate.toFixed(1), ratio: +ratio.toFixed(3) };
    rows.push({ id: "ingest_bare", metric: `ingest: bare route, ${options.concurrency} in flight`, measured: `${bareRate.toFixed(0)} req/s`, target: "(baseline)", pass: null });
    rows.push({
      id: "ingest_full",
      metric: `ingest: missed-call webhook, ${options.concurrency} in flight`,
      measured: `${fullRate.toFixed(0)} req/s`,
      target: "(see ratio)",
      pass: null,
    });
    rows.push({
      id: "ingest_ratio",
      metric: "ingest: webhook ÷ bare route",
      measured: `${(ratio * 100).toFixed(0)}%${ingest.full.failed + ingest.bare.failed > 0 ? ` (${ingest.full.failed + ingest.bare.failed} non-2xx)` : ""}`,
      target: `≥ ${TARGETS.ingestRatio * 100}%`,
      pass: ratio >= TARGETS.ingestRatio && ingest.full.failed === 0,
    });

    // Steady rate, open loop.
    if (options.rate > 0 && options.rateSeconds > 0) {
      console.log(`speed to text at ${options.rate} missed calls a second for ${options.rateSeconds} s…`);
      const steadyLoad = load();
      const steadyCallers: string[] = [];
      const steady = await openLoop({
        rate: options.rate,
        seconds: options.rateSeconds,
        makeRequest: (i) => missedCall(DIAL, (steadyCallers[i] = nextCaller())),
      });
      const accepted = steady.sent.filter((s) => s.status === 200);
      const messages = await textsArrive(standIn, accepted.length, 60_000);
      const { times, missing } = toTextTimes(accepted, (i) => steadyCallers[i]!, messages);
      standIn.reset();
      const text = latencies(times);
      const ack = latencies(steady.sent.map((s) => s.ackedAt - s.sentAt));
      const problems = `${steady.sent.length - accepted.length > 0 ? `, ${steady.sent.length - accepted.length} non-2xx` : ""}${missing ? `, ${missing} never texted` : ""}`;
      details.steady = {
        rate: options.rate,
        seconds: options.rateSeconds,
        sent: steady.sent.length,
        accepted: accepted.length,
        missing,
        text,
        ack,
        scheduleMaxLagMs: +steady.maxLagMs.toFixed(1),
        load: steadyLoad,
      };
      memory.mark("steady");
      const label = `speed to text at ${options.rate}/s for ${options.rateSeconds} s`;
      const complete = missing === 0 && accepted.length === steady.sent.length;
      rows.push({
        id: "steady_p50",
        metric: `${label}, p50`,
        measured: ms(text.p50) + problems,
        target: `≤ ${TARGETS.steadyP50} ms`,
        pass: complete && text.p50 <= TARGETS.steadyP50,
      });
      rows.push({ id: "steady_p99", metric: `${label}, p99`, measured: ms(text.p99), target: `≤ ${TARGETS.steadyP99} ms`, pass: complete && text.p99 <= TARGETS.steadyP99 });
      rows.push({
        id: "steady_ack",
        metric: `webhook acknowledged at ${options.rate}/s (p50 / p99)`,
        measured: `${ms(ack.p50)} / ${ms(ack.p99)}`,
        target: "(no target)",
        pass: null,
      });
    }

    // Burst: N distinct missed calls at once.
    if (options.burst > 0) {
      console.log(`burst: ${options.burst} missed calls at the same instant…`);
      const burstLoad = load();
      const burstCallers = Array.from({ length: options.burst }, () => nextCaller());
      const requests = burstCallers.map((from) => missedCall(DIAL, from));
      const { startedAt, sent } = await burst(requests);
      const accepted = sent.filter((s) => s.status >= 200 && s.status < 300);
      await textsArrive(standIn, options.burst, 30_000);
      await new Promise((resolve) => setTimeout(resolve, 3000)); // time for a second send, were there one (the sweeper runs every second)
      const perCaller = new Map<string, number>();
      for (const m of standIn.messages) perCaller.set(m.to, (perCaller.get(m.to) ?? 0) + 1);
      const textedOnce = burstCallers.filter((c) => perCaller.get(c) === 1).length;
      const duplicates = burstCallers.filter((c) => (perCaller.get(c) ?? 0) > 1).length;
      const never = burstCallers.filter((c) => !perCaller.has(c)).length;
      const lastText = Math.max(...standIn.messages.map((m) => m.receivedAt)) - startedAt;
      const ack = latencies(sent.map((s) => s.ackedAt - s.sentAt));
      const text = toTextTimes(accepted, (i) => burstCallers[i]!, standIn.messages);
      standIn.reset();
      const statuses = Object.fromEntries([...new Set(sent.map((s) => s.status))].map((st) => [st, sent.filter((s) => s.status === st).length]));
      details.burst = {
        calls: options.burst,
        statuses,
        ack,
        text: latencies(text.times),
        textedOnce,
        duplicates,
        never,
        lastTextMs: +lastText.toFixed(1),
        load: burstLoad,
        errors: sent
          .filter((s) => s.error)
          .slice(0, 3)
          .map((s) => s.error),
      };
      memory.mark("burst");
      rows.push({
        id: "burst_2xx",
        metric: `burst of ${options.burst}: webhooks answered 2xx`,
        measured: `${accepted.length} / ${options.burst}`,
        target: "all",
        pass: accepted.length === options.burst,
      });
      rows.push({
        id: "burst_ack_p99",
        metric: `burst of ${options.burst}: acknowledged, p99`,
        measured: ms(ack.p99),
        target: `≤ ${TARGETS.burstAckP99} ms`,
        pass: ack.p99 <= TARGETS.burstAckP99,
      });
      rows.push({
        id: "burst_once",
        metric: `burst of ${options.burst}: callers texted exactly once`,
        measured: `${textedOnce} / ${options.burst}${duplicates ? `, ${duplicates} twice or more` : ""}${never ? `, ${never} never` : ""}`,
        target: "all",
        pass: textedOnce === options.burst,
      });
      rows.push({
        id: "burst_last_text",
        metric: `burst of ${options.burst}: last text out, after the burst began`,
        measured: ms(lastText),
        target: `≤ ${TARGETS.burstLastTextMs} ms`,
        pass: never === 0 && lastText <= TARGETS.burstLastTextMs,
      });
    }

    // Read paths.
    if (options.conversations > 0) {
      console.log(`inbox at ${options.conversations.toLocaleString("en-US")} conversations…`);
      const seedHandle = await openDb({ kind: "postgres", url: database.url });
      await seedConversations(seedHandle.db, { count: options.conversations });
      details.inboxVacuumSeconds = await settleDatabase(seedHandle.db);
      await seedHandle.close();
      const cookie = await signInForCookie(appUrl, "desk@glow.test", "rebound-demo");
      const inbox = await renderTimes({ appUrl, cookie, path: "/inbox", samples: 50, marker: "conversation-row" });
      memory.mark("inbox");
      details.inbox = { conversations: options.conversations, ...inbox };
      rows.push({
        id: "inbox_p95",
        metric: `inbox first page, ${options.conversations.toLocaleString("en-US")} conversations, p95`,
        measured: ms(inbox.p95),
        target: `≤ ${TARGETS.inboxP95} ms`,
        pass: inbox.p95 <= TARGETS.inboxP95,
      });
    }
    if (options.roiCalls > 0) {
      console.log(`ROI dashboard at ${options.roiCalls.toLocaleString("en-US")} calls…`);
      const cookie = await signInForCookie(appUrl, VOLUME_OWNER, "rebound-demo");
      const marker = 'data-testid="roi-dashboard"';
      const label = `${options.roiCalls.toLocaleString("en-US")} calls`;
      const quarter = await renderTimes({ appUrl, cookie, path: "/roi", samples: 50, marker });
      const to = new Date().toISOString().slice(0, 10);
      const from = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
      const year = await renderTimes({ appUrl, cookie, path: `/roi?from=${from}&to=${to}`, samples: 30, marker });
      memory.mark("roi");
      details.roi = { calls: options.roiCalls, lastThreeMonths: quarter, lastTwelveMonths: year };
      rows.push({
        id: "roi_3m_p95",
        metric: `ROI dashboard, last 3 months, ${label}, p95`,
        measured: ms(quarter.p95),
        target: `≤ ${TARGETS.roiP95} ms`,
        pass: quarter.p95 <= TARGETS.roiP95,
      });
      rows.push({
        id: "roi_12m_p95",
        metric: `ROI dashboard, last 12 months, ${label}, p95`,
        measured: ms(year.p95),
        target: `≤ ${TARGETS.roiP95} ms`,
        pass: year.p95 <= TARGETS.roiP95,
      });
    }

    const peak = memory.peakMiB();
    details.memory = { pid: serverPid, ...peak };
    rows.push({
      id: "peak_rss",
      metric: "peak RSS of the next-server process (VmHWM)",
      measured: `${peak.hwmMiB.toFixed(0)} MB`,
      target: `≤ ${TARGETS.rssMiB} MB`,
      pass: peak.hwmMiB <= TARGETS.rssMiB,
    });

    console.log("\n" + formatTable(rows));
    const judged = rows.filter((r) => r.pass !== null);
    console.log(`\n${judged.filter((r) => r.pass).length} of ${judged.length} targets met. Load average ${loadAtStart.join(" ")} at the start, ${load().join(" ")} at the end.`);
    const machine = {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model ?? "unknown",
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      postgres: version?.server_version ?? "unknown",
      loadAverage: { start: loadAtStart, end: load() },
    };
    mkdirSync("bench-results", { recursive: true });
    writeFileSync("bench-results/latest.json", JSON.stringify({ at: new Date().toISOString(), machine, options, rows, details }, null, 2) + "\n");
    console.log("Wrote bench-results/latest.json");
  } finally {
    memory?.stop();
    await server?.stop();
    await standIn.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
