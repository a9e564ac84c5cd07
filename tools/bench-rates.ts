// The intake rows of `npm run bench` on a schedule: a steady open-loop rate, a burst of N calls at
// the same instant, and the sustained rate (100 calls a second for 10 s from 1,000 callers), the
// first and last with the CPU each missed call cost the server and Postgres, its text included.
// What each row measures: docs/benchmarks.md.
import { performance } from "node:perf_hooks";
import { cpuDuring, perCall, type CpuSpent } from "@/tools/bench-cpu";
import { DIAL, loadAverage, missedCall, ms, nextCaller, textsArrive, toTextTimes, type IntakeContext, type Phase } from "@/tools/bench-intake";
import { burst, latencies, openLoop, TARGETS, type Row, type Sent } from "@/tools/bench-load";
import type { StandInMessage } from "@/tools/twilio-stand-in";

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** How many times each caller was texted: exactly once, more than once, never. */
export function textsPerCaller(callers: string[], messages: StandInMessage[]): { once: number; duplicates: number; never: number } {
  const perCaller = new Map<string, number>();
  for (const m of messages) perCaller.set(m.to, (perCaller.get(m.to) ?? 0) + 1);
  return {
    once: callers.filter((c) => perCaller.get(c) === 1).length,
    duplicates: callers.filter((c) => (perCaller.get(c) ?? 0) > 1).length,
    never: callers.filter((c) => !perCaller.has(c)).length,
  };
}

/** The two CPU rows of a phase: ms of CPU per accepted missed call, its text included. */
function cpuRows(id: string, label: string, cpu: CpuSpent, calls: number): { rows: Row[]; details: Record<string, number> } {
  const server = perCall(cpu.serverCpuMs, calls);
  const postgres = perCall(cpu.postgresCpuMs, calls);
  return {
    details: {
      serverCpuMsPerCall: server,
      postgresCpuMsPerCall: postgres,
      postgresBackgroundCpuMsPerCall: perCall(cpu.postgresBackgroundCpuMs, calls),
      serverCpuMs: Math.round(cpu.serverCpuMs),
      postgresCpuMs: Math.round(cpu.postgresCpuMs),
      backends: cpu.backends,
    },
    rows: [
      {
        id: `${id}_cpu_server`,
        metric: `${label}: server CPU per missed call, text included`,
        measured: `${server.toFixed(2)} ms`,
        target: `≤ ${TARGETS.serverCpuPerCallMs} ms`,
        pass: server <= TARGETS.serverCpuPerCallMs,
      },
      { id: `${id}_cpu_postgres`, metric: `${label}: Postgres CPU per missed call (its backends)`, measured: `${postgres.toFixed(2)} ms`, target: "(no target)", pass: null },
    ],
  };
}

/**
 * An open-loop schedule of missed calls from new callers, measured until every accepted call's text
 * has reached the stand-in (or `drainMs` has passed): the sends, the texts, the CPU spent.
 */
async function scheduled(context: IntakeContext, input: { rate: number; seconds: number; drainMs: number }) {
  const callers: string[] = [];
  const { result, ...cpu } = await cpuDuring(context.cpu, async () => {
    const loop = await openLoop({ rate: input.rate, seconds: input.seconds, makeRequest: (i) => missedCall(context, DIAL, (callers[i] = nextCaller())) });
    const accepted = loop.sent.filter((s) => s.status >= 200 && s.status < 300);
    const messages = await textsArrive(context.standIn, accepted.length, input.drainMs);
    return { loop, accepted, messages };
  });
  return { ...result, callers, cpu };
}

/**
 * The sustained load once, untimed, for a server set that has just started: the main server reaches
 * the sustained row warmed by every row before it; fresh servers would be measured on cold code.
 */
export async function rehearse(context: IntakeContext, input: { rate: number; seconds: number }): Promise<void> {
  console.log(`warming up at ${input.rate}/s for ${input.seconds} s (untimed)…`);
  await scheduled(context, { ...input, drainMs: 120_000 });
  await sleep(1000);
  context.standIn.reset();
}

const problemsOf = (sent: Sent[], accepted: Sent[], missing: number) =>
  `${sent.length - accepted.length > 0 ? `, ${sent.length - accepted.length} non-2xx` : ""}${missing ? `, ${missing} never texted` : ""}`;

/** Steady rate, open loop: speed to text and the acknowledgement, and the CPU per call. */
export async function steadyRows(context: IntakeContext, input: { rate: number; seconds: number }): Promise<Phase> {
  console.log(`speed to text at ${input.rate} missed calls a second for ${input.seconds} s…`);
  const steadyLoad = loadAverage();
  const { loop, accepted, messages, callers, cpu } = await scheduled(context, { ...input, drainMs: 60_000 });
  const { times, missing } = toTextTimes(accepted, (i) => callers[i]!, messages);
  context.standIn.reset();
  const text = latencies(times);
  const ack = latencies(loop.sent.map((s) => s.ackedAt - s.sentAt));
  const label = `speed to text at ${input.rate}/s for ${input.seconds} s`;
  const complete = missing === 0 && accepted.length === loop.sent.length;
  const costs = cpuRows("steady", `at ${input.rate}/s`, cpu, accepted.length);
  context.mark("steady");
  return {
    details: {
      steady: {
        ...input,
        sent: loop.sent.length,
        accepted: accepted.length,
        missing,
        text,
        ack,
        scheduleMaxLagMs: +loop.maxLagMs.toFixed(1),
        load: steadyLoad,
        cpu: costs.details,
      },
    },
    rows: [
      {
        id: "steady_p50",
        metric: `${label}, p50`,
        measured: ms(text.p50) + problemsOf(loop.sent, accepted, missing),
        target: `≤ ${TARGETS.steadyP50} ms`,
        pass: complete && text.p50 <= TARGETS.steadyP50,
      },
      { id: "steady_p99", metric: `${label}, p99`, measured: ms(text.p99), target: `≤ ${TARGETS.steadyP99} ms`, pass: complete && text.p99 <= TARGETS.steadyP99 },
      { id: "steady_ack", metric: `webhook acknowledged at ${input.rate}/s (p50 / p99)`, measured: `${ms(ack.p50)} / ${ms(ack.p99)}`, target: "(no target)", pass: null },
      ...costs.rows,
    ],
  };
}

/** Burst: N distinct missed calls at the same instant; all acknowledged, each caller texted once. */
export async function burstRows(context: IntakeContext, calls: number): Promise<Phase> {
  console.log(`burst: ${calls} missed calls at the same instant…`);
  const { standIn } = context;
  const burstLoad = loadAverage();
  const burstCallers = Array.from({ length: calls }, () => nextCaller());
  const requests = burstCallers.map((from) => missedCall(context, DIAL, from));
  const { startedAt, sent } = await burst(requests);
  const accepted = sent.filter((s) => s.status >= 200 && s.status < 300);
  await textsArrive(standIn, calls, 30_000);
  await sleep(3000); // time for a second send, were there one (the sweeper runs every second)
  const { once, duplicates, never } = textsPerCaller(burstCallers, standIn.messages);
  const lastText = Math.max(...standIn.messages.map((m) => m.receivedAt)) - startedAt;
  const ack = latencies(sent.map((s) => s.ackedAt - s.sentAt));
  const text = toTextTimes(accepted, (i) => burstCallers[i]!, standIn.messages);
  standIn.reset();
  const statuses = Object.fromEntries([...new Set(sent.map((s) => s.status))].map((st) => [st, sent.filter((s) => s.status === st).length]));
  context.mark("burst");
  const label = `burst of ${calls}`;
  return {
    details: {
      burst: {
        calls,
        statuses,
        ack,
        text: latencies(text.times),
        textedOnce: once,
        duplicates,
        never,
        lastTextMs: +lastText.toFixed(1),
        load: burstLoad,
        errors: sent
          .filter((s) => s.error)
          .slice(0, 3)
          .map((s) => s.error),
      },
    },
    rows: [
      { id: "burst_2xx", metric: `${label}: webhooks answered 2xx`, measured: `${accepted.length} / ${calls}`, target: "all", pass: accepted.length === calls },
      { id: "burst_ack_p99", metric: `${label}: acknowledged, p99`, measured: ms(ack.p99), target: `≤ ${TARGETS.burstAckP99} ms`, pass: ack.p99 <= TARGETS.burstAckP99 },
      {
        id: "burst_once",
        metric: `${label}: callers texted exactly once`,
        measured: `${once} / ${calls}${duplicates ? `, ${duplicates} twice or more` : ""}${never ? `, ${never} never` : ""}`,
        target: "all",
        pass: once === calls,
      },
      {
        id: "burst_last_text",
        metric: `${label}: last text out, after the burst began`,
        measured: ms(lastText),
        target: `≤ ${TARGETS.burstLastTextMs} ms`,
        pass: never === 0 && lastText <= TARGETS.burstLastTextMs,
      },
    ],
  };
}

/**
 * Sustained: `rate` missed calls a second for `seconds` (open loop, every caller new), through one
 * server or several (requests alternate): speed to text, every webhook 2xx, each caller texted exactly
 * once (counted 3 s after the last text, the sweeper having run three times), CPU per call.
 */
export async function sustainedRows(context: IntakeContext, input: { rate: number; seconds: number }): Promise<Phase> {
  const servers = context.servers.length;
  const id = servers > 1 ? `sustained_${servers}_servers` : "sustained";
  const through = servers > 1 ? ` through ${servers} servers` : "";
  const label = `sustained ${input.rate}/s for ${input.seconds} s${through}`;
  console.log(`${label} (${(input.rate * input.seconds).toLocaleString("en-US")} callers)…`);
  const sustainedLoad = loadAverage();
  const { loop, accepted, messages, callers, cpu } = await scheduled(context, { ...input, drainMs: 120_000 });
  const drainedAt = performance.now();
  await sleep(3000);
  const { once, duplicates, never } = textsPerCaller(callers, context.standIn.messages);
  const { times, missing } = toTextTimes(accepted, (i) => callers[i]!, messages);
  const lastText = messages.length ? Math.max(...messages.map((m) => m.receivedAt)) - (loop.sent[0]?.sentAt ?? 0) : NaN;
  context.standIn.reset();
  const text = latencies(times);
  const ack = latencies(loop.sent.map((s) => s.ackedAt - s.sentAt));
  const costs = cpuRows(id, label, cpu, accepted.length);
  context.mark(id);
  const sent = loop.sent.length;
  return {
    details: {
      [id]: {
        ...input,
        servers,
        sent,
        accepted: accepted.length,
        missing,
        textedOnce: once,
        duplicates,
        never,
        text,
        ack,
        lastTextMs: +lastText.toFixed(1),
        drainedAfterMs: +(drainedAt - (loop.sent[0]?.sentAt ?? drainedAt)).toFixed(1),
        scheduleMaxLagMs: +loop.maxLagMs.toFixed(1),
        load: sustainedLoad,
        cpu: costs.details,
      },
    },
    rows: [
      { id: `${id}_2xx`, metric: `${label}: webhooks answered 2xx`, measured: `${accepted.length} / ${sent}`, target: "all", pass: accepted.length === sent },
      {
        id: `${id}_once`,
        metric: `${label}: callers texted exactly once`,
        measured: `${once} / ${sent}${duplicates ? `, ${duplicates} twice or more` : ""}${never ? `, ${never} never` : ""}`,
        target: "all",
        pass: once === sent,
      },
      { id: `${id}_p50`, metric: `${label}: speed to text, p50`, measured: ms(text.p50), target: "(no target)", pass: null },
      {
        id: `${id}_p99`,
        metric: `${label}: speed to text, p99`,
        measured: ms(text.p99),
        target: `≤ ${TARGETS.sustainedP99} ms`,
        pass: missing === 0 && text.p99 <= TARGETS.sustainedP99,
      },
      ...costs.rows,
    ],
  };
}
