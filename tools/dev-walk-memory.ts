// The memory side of `npm run dev:walk`: which processes make up the dev server, how much they hold
// (resident set, from /proc), and what a time series of samples says (start, peak, end, growth
// per 10 minutes). Reading /proc is separate from the arithmetic, so the arithmetic is tested
// without a running server.
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

export type ProcInfo = { pid: number; ppid: number; rssKb: number; command: string };

export type Sample = {
  /** Seconds since the walk started. */
  t: number;
  at: string;
  /** Resident set summed over the dev server's process tree. */
  rssMb: number;
  processes: { pid: number; command: string; rssMb: number }[];
  /** The server's own view (process.memoryUsage(), from REBOUND_DEV_MEMORY_LOG), when it is written. */
  heap?: { rssMb: number; heapUsedMb: number; heapTotalMb: number; externalMb: number; arrayBuffersMb: number };
  actions: number;
  errors: number;
};

export type Summary = {
  minutes: number;
  samples: number;
  startMb: number;
  peakMb: number;
  peakAtMin: number;
  endMb: number;
  /** RSS at 0, 10, 30 and 60 minutes (the sample nearest each mark, when the walk got that far). */
  marks: Record<string, number>;
  /** Least-squares slope over the second half of the walk (after warm-up), in MB per 10 minutes. */
  growthMbPer10MinAfterWarmup: number;
  /** Slope over the whole walk, MB per 10 minutes. */
  growthMbPer10Min: number;
  actions: number;
  errors: number;
};

const mb = (kb: number) => Math.round(kb / 102.4) / 10;

/** The pid, parent pid, resident set and command line of one /proc/<pid>, or null if it is gone. */
export function readProc(pid: number, root = "/proc"): ProcInfo | null {
  try {
    const status = readFileSync(`${root}/${pid}/status`, "utf8");
    const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    const rssKb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0);
    const command = readFileSync(`${root}/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
    return { pid, ppid, rssKb, command };
  } catch {
    return null;
  }
}

export function listProcs(root = "/proc"): ProcInfo[] {
  return readdirSync(root)
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProc(Number(name), root))
    .filter((p): p is ProcInfo => p !== null);
}

/** `rootPid` and everything it spawned, however deep (next dev → next-server → Turbopack workers). */
export function processTree(procs: readonly ProcInfo[], rootPid: number): ProcInfo[] {
  const children = new Map<number, ProcInfo[]>();
  for (const p of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const root = procs.find((p) => p.pid === rootPid);
  if (!root) return [];
  const tree: ProcInfo[] = [];
  const queue = [root];
  while (queue.length) {
    const next = queue.shift()!;
    tree.push(next);
    queue.push(...(children.get(next.pid) ?? []));
  }
  return tree;
}

/**
 * The top of the dev server's tree, from the process that holds the listening socket: climb while
 * the parent is still Next (`next dev` forks the server that listens; npm above it is not ours).
 */
export function devServerRoot(procs: readonly ProcInfo[], listenerPid: number): number {
  const byPid = new Map(procs.map((p) => [p.pid, p]));
  let pid = listenerPid;
  for (;;) {
    const parent = byPid.get(byPid.get(pid)?.ppid ?? 0);
    if (!parent || !/next/.test(parent.command) || /\bnpm\b/.test(parent.command)) return pid;
    pid = parent.pid;
  }
}

/** The pid listening on `port` (IPv4 or IPv6), found through the socket's inode in /proc. */
export function pidListeningOn(port: number, root = "/proc"): number | null {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const table of ["tcp", "tcp6"]) {
    let text = "";
    try {
      text = readFileSync(`${root}/net/${table}`, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local_address is "ADDR:PORT"; state 0A is LISTEN; inode is the tenth column.
      if (cols[1]?.endsWith(`:${hexPort}`) && cols[3] === "0A") inodes.add(cols[9]!);
    }
  }
  if (inodes.size === 0) return null;
  for (const name of readdirSync(root).filter((n) => /^\d+$/.test(n))) {
    try {
      for (const fd of readdirSync(`${root}/${name}/fd`)) {
        const link = /^socket:\[(\d+)\]$/.exec(readlinkSafe(`${root}/${name}/fd/${fd}`));
        if (link && inodes.has(link[1]!)) return Number(name);
      }
    } catch {
      // another user's process, or gone
    }
  }
  return null;
}

function readlinkSafe(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return "";
  }
}

export function treeSample(procs: readonly ProcInfo[], rootPid: number): Pick<Sample, "rssMb" | "processes"> {
  const tree = processTree(procs, rootPid);
  return {
    rssMb: mb(tree.reduce((sum, p) => sum + p.rssKb, 0)),
    processes: tree.map((p) => ({ pid: p.pid, command: p.command.slice(0, 120), rssMb: mb(p.rssKb) })),
  };
}

/** Slope of y over t (seconds) by least squares, in y-units per 10 minutes; 0 with fewer than 2 points. */
export function slopePer10Min(points: readonly { t: number; y: number }[]): number {
  if (points.length < 2) return 0;
  const n = points.length;
  const meanT = points.reduce((s, p) => s + p.t, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.t - meanT) * (p.y - meanY);
    den += (p.t - meanT) ** 2;
  }
  return den === 0 ? 0 : Math.round((num / den) * 600 * 10) / 10;
}

export function summarize(samples: readonly Sample[]): Summary {
  if (samples.length === 0) throw new Error("no samples");
  const first = samples[0]!;
  const last = samples[samples.length - 1]!;
  const peak = samples.reduce((a, b) => (b.rssMb > a.rssMb ? b : a));
  const marks: Record<string, number> = {};
  for (const minute of [0, 10, 30, 60]) {
    if (last.t < minute * 60 - 30) continue;
    const nearest = samples.reduce((a, b) => (Math.abs(b.t - minute * 60) < Math.abs(a.t - minute * 60) ? b : a));
    marks[`${minute}min`] = nearest.rssMb;
  }
  const points = samples.map((s) => ({ t: s.t, y: s.rssMb }));
  return {
    minutes: Math.round((last.t / 60) * 10) / 10,
    samples: samples.length,
    startMb: first.rssMb,
    peakMb: peak.rssMb,
    peakAtMin: Math.round((peak.t / 60) * 10) / 10,
    endMb: last.rssMb,
    marks,
    growthMbPer10MinAfterWarmup: slopePer10Min(points.filter((p) => p.t >= last.t / 2)),
    growthMbPer10Min: slopePer10Min(points),
    actions: last.actions,
    errors: last.errors,
  };
}
