// The sweeper's loops run for the life of the server. Under `next dev`, React's development server
// renderer tracks every async operation in the process and keeps the chain that led to it: a loop
// that schedules its next run from the end of the previous one became one endless chain, and the dev
// server's heap grew for as long as it ran (docs/benchmarks.md, "Development server memory").
// Measured in a child process with React's renderer loaded exactly as `next dev` loads it.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const WARM = 500;
const MORE = 4000;

describe("a sweeper loop under React's development async tracking", () => {
  it("keeps the heap flat however many runs it makes", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--conditions=react-server", "--expose-gc", "--import", "tsx", path.resolve("tests/fixtures/loop-heap.ts"), String(WARM), String(MORE)],
      { cwd: process.cwd(), env: { ...process.env, NODE_ENV: "development" }, timeout: 60_000 },
    );
    const { first, second, runs } = JSON.parse(stdout) as { first: number; second: number; runs: number };
    expect(runs).toBeGreaterThanOrEqual(WARM + MORE);
    // Chained runs held ~3.8 KB each here (4,000 more runs: ~15 MB); unchained, the heap stays put.
    expect((second - first) / 1024 / 1024).toBeLessThan(3);
  }, 90_000);
});
