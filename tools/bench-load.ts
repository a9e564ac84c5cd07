// Load shapes and measuring tools for `npm run bench`: a closed loop (N requests in flight), an
// open-loop schedule (send on time whatever the server does), a burst, percentiles, the server's
// memory from /proc, the targets, and the one results table (or two builds side by side).
import { readdirSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

/** The bench's targets (issue 15 for the intake rows); docs/benchmarks.md says why each. */
export const TARGETS = {
  ingestRatio: 0.5,
  steadyP50: 15,
  steadyP99: 50,
  burstAckP99: 500,
  burstLastTextMs: 1500,
  sustainedP99: 1000,
  serverCpuPerCallMs: 7,
  inboxP95: 200,
  roiP95: 300,
  rssMiB: 400,
} as const;

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export type Latencies = { n: number; p50: number; p95: number; p99: number; max: number };

export function latencies(values: number[]): Latencies {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => +percentile(sorted, p).toFixed(1);
  return { n: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: at(100) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

export type Sent = { index: number; sentAt: number; ackedAt: number; status: number; error?: string };

/** Sends one request and reads the whole answer; a network error is status 0, never a throw. */
export async function send(index: number, request: Request): Promise<Sent> {
  const sentAt = performance.now();
  try {
    const response = await fetch(request);
    await response.arrayBuffer();
    return { index, sentAt, ackedAt: performance.now(), status: response.status };
  } catch (error) {
    return { index, sentAt, ackedAt: performance.now(), status: 0, error: String(error) };
  }
}

/** Closed loop: `concurrency` requests always in flight for `seconds`; each request is new (makeRequest(i)). */
export async function closedLoop(input: {
  concurrency: number;
  seconds: number;
  makeRequest: (i: number) => Request;
}): Promise<{ ok: number; failed: number; seconds: number; perSecond: number; ack: Latencies }> {
  let next = 0;
  let ok = 0;
  let failed = 0;
  const acks: number[] = [];
  const started = performance.now();
  const end = started + input.seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const result = await send(next, input.makeRequest(next++));
      if (result.status >= 200 && result.status < 300) ok++;
      else failed++;
      acks.push(result.ackedAt - result.sentAt);
    }
  };
  await Promise.all(Array.from({ length: input.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { ok, failed, seconds, perSecond: ok / seconds, ack: latencies(acks) };
}

/** Open loop: request i leaves at start + i / rate seconds, whether or not earlier ones were answered. */
export async function openLoop(input: { rate: number; seconds: number; makeRequest: (i: number) => Request }): Promise<{ sent: Sent[]; maxLagMs: number }> {
  const count = Math.round(input.rate * input.seconds);
  const requests = Array.from({ length: count }, (_, i) => input.makeRequest(i)); // signed before the clock starts
  const start = performance.now() + 50;
  const pending: Promise<Sent>[] = [];
  let maxLagMs = 0;
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / input.rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    maxLagMs = Math.max(maxLagMs, performance.now() - due);
    pending.push(send(i, requests[i]!));
  }
  return { sent: await Promise.all(pending), maxLagMs };
}

/** Burst: every request leaves in the same tick. Returns when all are answered. */
export async function burst(requests: Request[]): Promise<{ startedAt: number; sent: Sent[] }> {
  const startedAt = performance.now();
  const sent = await Promise.all(requests.map((request, i) => send(i, request)));
  return { startedAt, sent };
}

/** Descendants of a process (children, grandchildren…), from /proc/<pid>/stat. */
function descendantsOf(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parentOf.set(Number(entry), ppid);
    } catch {
      // exited meanwhile
    }
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    for (const [child, parent] of parentOf) {
      if (parent !== pid) continue;
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/**
 * The pid of the Next server: the process titled `next-server` among the spawned process and its
 * descendants (Next 16 serves from the process `next start` runs in; older ones forked a child).
 */
export function findNextServerPid(spawned: number): number {
  for (const pid of [spawned, ...descendantsOf(spawned)]) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (cmdline.startsWith("next-server")) return pid;
    } catch {
      // exited meanwhile
    }
  }
  return spawned;
}

function statusKiB(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Samples VmRSS every `everyMs` and reads the kernel's high-water mark (VmHWM), which misses no peak
 * between samples; `mark(name)` notes the resident set at the end of each phase.
 */
export function watchMemory(pid: number, everyMs = 100) {
  let sampled = statusKiB(pid, "VmRSS");
  let hwm = statusKiB(pid, "VmHWM");
  const phases: Record<string, number> = {};
  const mib = (kib: number) => +(kib / 1024).toFixed(1);
  const timer = setInterval(() => {
    sampled = Math.max(sampled, statusKiB(pid, "VmRSS"));
    hwm = Math.max(hwm, statusKiB(pid, "VmHWM"));
  }, everyMs);
  timer.unref();
  return {
    mark: (phase: string) => {
      phases[phase] = mib(statusKiB(pid, "VmRSS"));
    },
    peakMiB: () => {
      hwm = Math.max(hwm, statusKiB(pid, "VmHWM"));
      return { sampledMiB: mib(sampled), hwmMiB: mib(hwm), rssAtEndOfPhaseMiB: phases };
    },
    stop: () => clearInterval(timer),
  };
}

export type Row = { id: string; metric: string; measured: string; target: string; pass: boolean | null };

function renderTable(header: string[], cells: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((row) => row[c]!.length)));
  const line = (row: string[]) => "| " + row.map((cell, c) => cell.padEnd(widths[c]!)).join(" | ") + " |";
  return [line(header), "|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|", ...cells.map(line)].join("\n");
}

const verdict = (pass: boolean | null) => (pass === null ? "—" : pass ? "PASS" : "FAIL");

/** The one table: metric, what was measured, the target and PASS / FAIL ("—" for a figure without a target). */
export function formatTable(rows: Row[]): string {
  return renderTable(
    ["metric", "measured", "target", "result"],
    rows.map((r) => [r.metric, r.measured, r.target, verdict(r.pass)]),
  );
}

/**
 * Two builds measured in the same run, side by side: metric | before | after | target | result. Rows
 * are matched by id (in the after build's order, then any only the before build has); the result
 * column is the after build's verdict, the before build's follows its figure in brackets; a row one
 * build did not run shows "—".
 */
export function formatComparison(before: Row[], after: Row[]): string {
  const beforeById = new Map(before.map((r) => [r.id, r]));
  const afterIds = new Set(after.map((r) => r.id));
  const rows = [
    ...after.map((r) => ({ metric: r.metric, target: r.target, before: beforeById.get(r.id), after: r as Row | undefined })),
    ...before.filter((r) => !afterIds.has(r.id)).map((r) => ({ metric: r.metric, target: r.target, before: r as Row | undefined, after: undefined })),
  ];
  const shown = (row: Row | undefined, withVerdict: boolean) =>
    row === undefined ? "—" : withVerdict && row.pass !== null ? `${row.measured} (${verdict(row.pass)})` : row.measured;
  return renderTable(
    ["metric", "before", "after", "target", "result"],
    rows.map((r) => [r.metric, shown(r.before, true), shown(r.after, false), r.target, r.after ? verdict(r.after.pass) : "—"]),
  );
}
