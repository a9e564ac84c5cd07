// The intake rows of `npm run bench` that need no schedule: the warm-up, speed to text one call at a
// time, the ingest comparison (full webhook vs the bare route) and the same comparison against a
// server that only acknowledges (INTAKE_PAUSED=1). The rows on a schedule (steady, burst,
// sustained) are in tools/bench-rates.ts. What each row measures: docs/benchmarks.md.
import os from "node:os";
import { performance } from "node:perf_hooks";
import { dialActionPayload, signedTwilioRequest } from "@/lib/telephony/twilio/samples";
import { cpuDuring, perCall } from "@/tools/bench-cpu";
import { closedLoop, latencies, send, TARGETS, type Row, type Sent } from "@/tools/bench-load";
import type { StandInMessage, TwilioStandIn } from "@/tools/twilio-stand-in";

export const SPA_NUMBER = "+13105550100"; // the demo spa's Downtown number (db/seed-demo.ts)
export const DIAL = "/api/webhooks/twilio/dial";
export const BARE = "/api/bench/bare";

/** What one build's intake rows run against: its server(s), the stand-in, and where to read CPU. */
export type IntakeContext = {
  /** Base URLs of the servers; requests alternate between them. */
  servers: string[];
  /** APP_URL of the servers: the address the webhooks are signed for. */
  publicUrl: string;
  standIn: TwilioStandIn;
  cpu: { serverPids: number[]; database: string; adminUrl: string };
  /** Notes the end of a phase (the memory watcher's resident set per phase). */
  mark: (phase: string) => void;
};

/** A phase's rows for the table and the figures behind them for latest.json. */
export type Phase = { rows: Row[]; details: Record<string, unknown> };

export const ms = (value: number) => `${value.toFixed(1)} ms`;
/** The 1, 5 and 15 minute load averages. */
export const loadAverage = () => os.loadavg().map((l) => +l.toFixed(2));

let callers = 0;
/** A caller number no other request of the run uses (valid NANP: the exchange never starts with 0 or 1). */
export function nextCaller(): string {
  const n = callers++;
  return `+1213${200 + Math.floor(n / 10_000)}${String(n % 10_000).padStart(4, "0")}`;
}

let turn = 0;
/** A signed missed call (Twilio's `<Dial action>` callback) from `from`, to the next server in turn. */
export function missedCall(context: IntakeContext, path: string, from: string): Request {
  const sendTo = context.servers[turn++ % context.servers.length]!;
  const { standIn } = context;
  return signedTwilioRequest({
    appUrl: context.publicUrl,
    sendTo,
    path,
    authToken: standIn.authToken,
    params: dialActionPayload({ accountSid: standIn.accountSid, from, to: SPA_NUMBER }),
  });
}

/** Waits until the stand-in holds `count` texts; returns what it has if they do not all come in time. */
export async function textsArrive(standIn: TwilioStandIn, count: number, timeoutMs: number): Promise<StandInMessage[]> {
  try {
    return await standIn.waitForMessages(count, timeoutMs);
  } catch {
    return standIn.messages.slice();
  }
}

/** Waits for the texts of `count` accepted missed calls, then clears the stand-in for the next phase. */
export async function drain(standIn: TwilioStandIn, count: number) {
  const started = performance.now();
  const got = await textsArrive(standIn, count, 120_000);
  const seconds = (performance.now() - started) / 1000;
  standIn.reset();
  return { expected: count, texted: got.length, drainSeconds: +seconds.toFixed(1) };
}

/** Webhook sent → the text to that caller reached the stand-in, per accepted webhook (first text per caller). */
export function toTextTimes(sent: Sent[], callerOf: (index: number) => string, messages: StandInMessage[]): { times: number[]; missing: number } {
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

/**
 * The first requests load route code and open database and Twilio connections. `texts: false` for
 * a server that processes nothing (INTAKE_PAUSED=1): no waiting for texts that will not come.
 */
export async function warmUp(context: IntakeContext, texts: boolean): Promise<void> {
  for (let i = 0; i < 10; i++) await send(i, missedCall(context, DIAL, nextCaller()));
  for (const path of [BARE, DIAL]) {
    const warm = await closedLoop({ concurrency: 8, seconds: 2, makeRequest: () => missedCall(context, path, nextCaller()) });
    if (warm.failed > 0) throw new Error(`warm-up: ${path} answered ${warm.failed} requests with a non-2xx (is BENCH_ROUTES reaching the server?)`);
    if (path === DIAL && texts) await drain(context.standIn, warm.ok + 10);
  }
  context.standIn.reset();
  context.mark("warm-up");
}

/** Speed to text, one call at a time: the latency with nothing else going on. */
export async function sequentialRow(context: IntakeContext, calls: number): Promise<Phase> {
  console.log(`speed to text: ${calls} sequential missed calls…`);
  const { standIn } = context;
  const toText: number[] = [];
  const acks: number[] = [];
  for (let i = 0; i < calls; i++) {
    const from = nextCaller();
    const result = await send(i, missedCall(context, DIAL, from));
    if (result.status !== 200) throw new Error(`webhook answered ${result.status}`);
    const all = await standIn.waitForMessages(i + 1, 10_000);
    const text = all.find((m) => m.to === from);
    if (!text) throw new Error(`no text for ${from}`);
    toText.push(text.receivedAt - result.sentAt);
    acks.push(result.ackedAt - result.sentAt);
  }
  standIn.reset();
  const text = latencies(toText);
  context.mark("sequential");
  return {
    rows: [
      {
        id: "sequential_text",
        metric: `speed to text, ${calls} calls one at a time (p50 / p99)`,
        measured: `${ms(text.p50)} / ${ms(text.p99)}`,
        target: "(no target)",
        pass: null,
      },
    ],
    details: { sequential: { text, ack: latencies(acks) } },
  };
}

type Tally = { ok: number; failed: number; seconds: number };

/**
 * The same closed loop against the bare route and the full webhook, two alternating rounds each.
 * `drainTexts`: wait for the webhooks' texts after each full round (their CPU is part of what a
 * webhook costs); false against a server that processes nothing.
 */
async function ingestLoop(context: IntakeContext, input: { concurrency: number; seconds: number; drainTexts: boolean }) {
  const ingest = { bare: { ok: 0, failed: 0, seconds: 0 } as Tally, full: { ok: 0, failed: 0, seconds: 0 } as Tally, rounds: [] as unknown[], load: loadAverage() };
  for (let round = 0; round < 2; round++) {
    for (const [kind, path] of [
      ["bare", BARE],
      ["full", DIAL],
    ] as const) {
      const {
        result: [result, drained],
        serverCpuMs,
        postgresCpuMs,
      } = await cpuDuring(context.cpu, async () => {
        const loop = await closedLoop({ concurrency: input.concurrency, seconds: input.seconds / 2, makeRequest: () => missedCall(context, path, nextCaller()) });
        return [loop, kind === "full" && input.drainTexts ? await drain(context.standIn, loop.ok) : undefined] as const;
      });
      ingest[kind].ok += result.ok;
      ingest[kind].failed += result.failed;
      ingest[kind].seconds += result.seconds;
      ingest.rounds.push({
        kind,
        round,
        perSecond: +result.perSecond.toFixed(1),
        ack: result.ack,
        failed: result.failed,
        ...drained,
        serverCpuMsPerRequest: perCall(serverCpuMs, Math.max(1, result.ok + result.failed)),
        postgresCpuMsPerRequest: perCall(postgresCpuMs, Math.max(1, result.ok + result.failed)),
      });
    }
  }
  const bareRate = ingest.bare.ok / ingest.bare.seconds;
  const fullRate = ingest.full.ok / ingest.full.seconds;
  return { ingest, bareRate, fullRate, ratio: fullRate / bareRate, failed: ingest.full.failed + ingest.bare.failed };
}

/** Ingest: signed missed-call webhooks per second vs the bare route, same server, same concurrency. */
export async function ingestRows(context: IntakeContext, input: { concurrency: number; seconds: number }): Promise<Phase> {
  console.log(`ingest: ${input.concurrency} in flight, bare route vs full webhook…`);
  const { ingest, bareRate, fullRate, ratio, failed } = await ingestLoop(context, { ...input, drainTexts: true });
  context.mark("ingest");
  return {
    details: { ingest: { ...ingest, barePerSecond: +bareRate.toFixed(1), fullPerSecond: +fullRate.toFixed(1), ratio: +ratio.toFixed(3) } },
    rows: [
      { id: "ingest_bare", metric: `ingest: bare route, ${input.concurrency} in flight`, measured: `${bareRate.toFixed(0)} req/s`, target: "(baseline)", pass: null },
      { id: "ingest_full", metric: `ingest: missed-call webhook, ${input.concurrency} in flight`, measured: `${fullRate.toFixed(0)} req/s`, target: "(see ratio)", pass: null },
      {
        id: "ingest_ratio",
        metric: "ingest: webhook ÷ bare route",
        measured: `${(ratio * 100).toFixed(0)}%${failed > 0 ? ` (${failed} non-2xx)` : ""}`,
        target: `≥ ${TARGETS.ingestRatio * 100}%`,
        pass: ratio >= TARGETS.ingestRatio && ingest.full.failed === 0,
      },
    ],
  };
}

/**
 * ACK only: the ingest loop against a server started with INTAKE_PAUSED=1, which stores and
 * acknowledges webhooks and processes nothing. A build without that switch processes them anyway:
 * if any text reaches the stand-in (after two seconds, the sweeper having run twice), the rows are n/a.
 */
export async function ackOnlyRows(context: IntakeContext, input: { concurrency: number; seconds: number }): Promise<Phase> {
  console.log(`ingest, ACK only (INTAKE_PAUSED=1): ${input.concurrency} in flight, bare route vs full webhook…`);
  const { ingest, bareRate, fullRate, ratio, failed } = await ingestLoop(context, { ...input, drainTexts: false });
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const texts = context.standIn.messages.length;
  context.standIn.reset();
  const na = texts > 0 ? `n/a (no INTAKE_PAUSED: ${texts} texts sent)` : null;
  const label = `ingest, ACK only (INTAKE_PAUSED=1)`;
  return {
    details: { ackOnly: { ...ingest, barePerSecond: +bareRate.toFixed(1), fullPerSecond: +fullRate.toFixed(1), ratio: +ratio.toFixed(3), textsSent: texts, paused: na === null } },
    rows: [
      {
        id: "ack_only_full",
        metric: `${label}: missed-call webhook, ${input.concurrency} in flight`,
        measured: na ?? `${fullRate.toFixed(0)} req/s (bare ${bareRate.toFixed(0)})`,
        target: "(no target)",
        pass: null,
      },
      {
        id: "ack_only_ratio",
        metric: `${label}: webhook ÷ bare route`,
        measured: na ?? `${(ratio * 100).toFixed(0)}%${failed > 0 ? ` (${failed} non-2xx)` : ""}`,
        target: "(no target)",
        pass: null,
      },
    ],
  };
}
