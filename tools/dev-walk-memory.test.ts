import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { devServerRoot, listProcs, pidListeningOn, processTree, slopePer10Min, summarize, treeSample, type ProcInfo, type Sample } from "./dev-walk-memory";

const proc = (pid: number, ppid: number, rssKb: number, command: string): ProcInfo => ({ pid, ppid, rssKb, command });

// npm → next dev → next-server → a Turbopack PostCSS worker; chromium elsewhere.
const PROCS = [
  proc(10, 1, 50_000, "npm run dev"),
  proc(11, 10, 60_000, "node node_modules/next/dist/bin/next dev -p 3305"),
  proc(12, 11, 1_500_000, "next-server (v16.4.6)"),
  proc(13, 12, 80_000, "node /work/.next/dev/build/chunks/pool_entry-[turbopack-node]_transforms_postcss.js"),
  proc(20, 1, 300_000, "/usr/lib/chromium/chromium"),
];

const root = mkdtempSync(path.join(tmpdir(), "fake-proc-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the dev server's process tree", () => {
  it("climbs from the listening process to next dev, not to npm", () => {
    expect(devServerRoot(PROCS, 12)).toBe(11);
  });

  it("sums the resident set of the whole tree and nothing outside it", () => {
    expect(processTree(PROCS, 11).map((p) => p.pid)).toEqual([11, 12, 13]);
    const sample = treeSample(PROCS, 11);
    expect(sample.rssMb).toBeCloseTo((60_000 + 1_500_000 + 80_000) / 1024, 0);
    expect(sample.processes).toHaveLength(3);
  });

  it("reads /proc: status and command line, and the pid holding a listening socket", () => {
    mkdirSync(path.join(root, "net"), { recursive: true });
    const header = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";
    // 0CE9 = 3305, state 0A = LISTEN, inode 4242; a connection on the same port (01) is not it.
    writeFileSync(
      path.join(root, "net/tcp"),
      header +
        "   0: 0100007F:0CE9 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4242 1\n   1: 0100007F:0CE9 0100007F:9999 01 00000000:00000000 00:00000000 00000000     0        0 777 1\n",
    );
    writeFileSync(path.join(root, "net/tcp6"), header);
    for (const [pid, ppid, rss, cmd, socket] of [
      [12, 11, 1_500_000, "next-server (v16.4.6)", 4242],
      [20, 1, 300_000, "chromium", 777],
    ] as const) {
      mkdirSync(path.join(root, `${pid}/fd`), { recursive: true });
      writeFileSync(path.join(root, `${pid}/status`), `Name:\tx\nPPid:\t${ppid}\nVmRSS:\t  ${rss} kB\n`);
      writeFileSync(path.join(root, `${pid}/cmdline`), `${cmd}\0`);
      symlinkSync(`socket:[${socket}]`, path.join(root, `${pid}/fd/3`));
    }
    expect(pidListeningOn(3305, root)).toBe(12);
    expect(pidListeningOn(3306, root)).toBeNull();
    expect(listProcs(root).find((p) => p.pid === 12)).toEqual(proc(12, 11, 1_500_000, "next-server (v16.4.6)"));
  });
});

const sample = (t: number, rssMb: number): Sample => ({ t, at: "", rssMb, processes: [], actions: t, errors: 0 });

describe("the walk's summary", () => {
  it("gives start, peak, end, the 0/10/30/60-minute marks and the growth per 10 minutes", () => {
    // 1,000 MB rising 5 MB a minute for an hour, sampled every 15 s, with one spike at 20 min.
    const samples = Array.from({ length: 241 }, (_, i) => sample(i * 15, 1000 + (i * 15 * 5) / 60 + (i === 80 ? 500 : 0)));
    const summary = summarize(samples);
    expect(summary.startMb).toBe(1000);
    expect(summary.endMb).toBe(1300);
    expect(summary.peakMb).toBe(1600);
    expect(summary.peakAtMin).toBe(20);
    expect(summary.marks).toEqual({ "0min": 1000, "10min": 1050, "30min": 1150, "60min": 1300 });
    expect(summary.growthMbPer10MinAfterWarmup).toBe(50);
    expect(summary.minutes).toBe(60);
  });

  it("leaves out marks the walk did not reach", () => {
    expect(Object.keys(summarize([sample(0, 900), sample(600, 950)]).marks)).toEqual(["0min", "10min"]);
  });

  it("a flat series has no growth", () => {
    expect(
      slopePer10Min([
        { t: 0, y: 5 },
        { t: 60, y: 5 },
        { t: 120, y: 5 },
      ]),
    ).toBe(0);
  });
});
