import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MEMORY_LOG_ENV } from "./memory-log";

const STARTED = Symbol.for("rebound.memoryLog");
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "rebound-memory-log-"));
  delete (globalThis as Record<symbol, unknown>)[STARTED];
  vi.useFakeTimers();
});
afterEach(() => {
  vi.clearAllTimers();
  vi.useRealTimers();
  delete (globalThis as Record<symbol, unknown>)[STARTED];
  rmSync(dir, { recursive: true, force: true });
});

const lines = (file: string) =>
  readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { rss: number; heapUsed: number; external: number; arrayBuffers: number });

describe("the development memory log", () => {
  it("writes process.memoryUsage() on one timer per process, however often the module is evaluated", async () => {
    const file = path.join(dir, "memory.jsonl");
    for (let reload = 0; reload < 3; reload++) {
      vi.resetModules();
      const { startMemoryLog } = await import("./memory-log");
      startMemoryLog({ [MEMORY_LOG_ENV]: file, NODE_ENV: "development" }, 1000);
    }
    vi.advanceTimersByTime(3000);
    const written = lines(file);
    expect(written).toHaveLength(4); // one at start, one a second
    expect(written[0]!.rss).toBeGreaterThan(0);
    expect(written[0]).toHaveProperty("arrayBuffers");
  });

  it("stays off without the variable, and in production", async () => {
    const { startMemoryLog } = await import("./memory-log");
    expect(startMemoryLog({ NODE_ENV: "development" })).toBe(false);
    expect(startMemoryLog({ [MEMORY_LOG_ENV]: path.join(dir, "m.jsonl"), NODE_ENV: "production" })).toBe(false);
  });
});
