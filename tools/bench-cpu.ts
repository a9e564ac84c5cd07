// CPU accounting for `npm run bench`: how many milliseconds of CPU the server processes and the
// Postgres backends of the bench's database spend while a phase runs, read from /proc/<pid>/stat
// (utime + stime). The backends are found through pg_stat_activity (datname = the bench's
// database), asked from a connection to another database so the asking is not counted; they are
// sampled every 250 ms, so a backend that opens during the phase is counted from zero and one that
// closes keeps its last reading. Postgres's shared background processes (WAL writer, checkpointer,
// background writer) serve every database at once: they are read too but reported apart.
import { readFileSync } from "node:fs";
import postgres from "postgres";

/** USER_HZ on Linux: the unit of utime and stime in /proc/<pid>/stat. */
export const TICKS_PER_SECOND = 100;

/**
 * utime + stime in milliseconds from the text of /proc/<pid>/stat. The command name (field 2, in
 * parentheses) may itself hold spaces and parentheses, so the fields are counted from the last ")".
 */
export function cpuMsFromStat(stat: string): number {
  const close = stat.lastIndexOf(")");
  if (close === -1) throw new Error(`not a /proc/<pid>/stat line: ${stat.slice(0, 80)}`);
  const fields = stat.slice(close + 2).split(" ");
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isInteger(utime) || !Number.isInteger(stime)) throw new Error(`not a /proc/<pid>/stat line: ${stat.slice(0, 80)}`);
  return ((utime + stime) * 1000) / TICKS_PER_SECOND;
}

/** The CPU a process has used so far, or undefined once it has exited. */
export function cpuMsOf(pid: number): number | undefined {
  try {
    return cpuMsFromStat(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return undefined;
  }
}

/** Per process: its reading when the window opened (0 for one born inside it) and its latest reading. */
export type CpuReadings = Map<number, { first: number; last: number }>;

/** Records one reading; `bornInWindow` for a process not there when the window opened (counted from 0). */
export function noteReading(readings: CpuReadings, pid: number, ms: number, bornInWindow: boolean): void {
  const seen = readings.get(pid);
  if (seen) seen.last = Math.max(seen.last, ms);
  else readings.set(pid, { first: bornInWindow ? 0 : ms, last: ms });
}

/** CPU used inside the window, summed over the processes. */
export function cpuUsed(readings: CpuReadings): number {
  let total = 0;
  for (const { first, last } of readings.values()) total += last - first;
  return total;
}

/** "ms of CPU per call", rounded to 0.01 ms; NaN when there were no calls. */
export function perCall(cpuMs: number, calls: number): number {
  return calls > 0 ? +(cpuMs / calls).toFixed(2) : NaN;
}

export type CpuSpent = {
  /** The server processes (summed when there are several). */
  serverCpuMs: number;
  /** The Postgres backends of the bench's database. */
  postgresCpuMs: number;
  /** WAL writer, checkpointer, background writer: shared by every database on the server, not in postgresCpuMs. */
  postgresBackgroundCpuMs: number;
  /** How many backends of the database were seen during the window. */
  backends: number;
};

const BACKGROUND = ["walwriter", "checkpointer", "background writer"];

/** Starts reading; `stop()` reads a last time and returns what was spent since. */
export async function watchCpu(input: { serverPids: number[]; database: string; adminUrl: string; everyMs?: number }): Promise<{ stop: () => Promise<CpuSpent> }> {
  const admin = postgres(input.adminUrl, { max: 1, onnotice: () => {} });
  const server: CpuReadings = new Map();
  const backends: CpuReadings = new Map();
  const background: CpuReadings = new Map();
  const sample = async (opening: boolean) => {
    for (const pid of input.serverPids) {
      const ms = cpuMsOf(pid);
      if (ms !== undefined) noteReading(server, pid, ms, false);
    }
    const rows = await admin<{ pid: number; datname: string | null; backend_type: string }[]>`
      select pid, datname, backend_type from pg_stat_activity where datname = ${input.database} or backend_type in ${admin(BACKGROUND)}`;
    for (const row of rows) {
      const ms = cpuMsOf(row.pid);
      if (ms === undefined) continue;
      // A backend that has closed since the last sample is not listed any more: it keeps its last reading.
      if (row.datname === input.database) noteReading(backends, row.pid, ms, !opening);
      else noteReading(background, row.pid, ms, false);
    }
  };
  await sample(true);
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    running = sample(false).finally(() => {
      busy = false;
    });
  }, input.everyMs ?? 250);
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
      await sample(false);
      await admin.end();
      return { serverCpuMs: cpuUsed(server), postgresCpuMs: cpuUsed(backends), postgresBackgroundCpuMs: cpuUsed(background), backends: backends.size };
    },
  };
}

/** CPU spent by the servers and by Postgres for one database while `work` runs. */
export async function cpuDuring<T>(input: { serverPids: number[]; database: string; adminUrl: string }, work: () => Promise<T>): Promise<{ result: T } & CpuSpent> {
  const watch = await watchCpu(input);
  try {
    const result = await work();
    return { result, ...(await watch.stop()) };
  } catch (error) {
    await watch.stop().catch(() => undefined);
    throw error;
  }
}
