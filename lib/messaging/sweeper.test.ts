// The loops' timing, on a fake clock: a loop stuck on slow work never holds up another loop, a
// failure is logged and the loop carries on, and stop() waits for the run in progress and then
// nothing more starts (the SIGTERM path in lib/server/start.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startLoop } from "./sweeper";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function gate() {
  let open: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe("startLoop", () => {
  it("a loop stuck on one run does not delay another loop", async () => {
    const stuck = gate();
    let slowRuns = 0;
    let fastRuns = 0;
    const slow = startLoop("CRM", 1000, async () => {
      slowRuns += 1;
      await stuck.promise;
      return false;
    });
    const fast = startLoop("text", 1000, async () => {
      fastRuns += 1;
      return false;
    });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(slowRuns).toBe(1);
    expect(fastRuns).toBe(10);
    stuck.open();
    await Promise.all([slow.stop(), fast.stop()]);
  });

  it("runs again at once while more work is waiting, otherwise after its interval", async () => {
    let runs = 0;
    const loop = startLoop("text", 1000, async () => (runs += 1) < 4);
    await vi.advanceTimersByTimeAsync(1000);
    await vi.advanceTimersByTimeAsync(10);
    expect(runs).toBe(4); // 1 on the timer at 1,000 ms + 3 back to back
    await vi.advanceTimersByTimeAsync(980); // 1,990 ms: the interval since the last run has not passed
    expect(runs).toBe(4);
    await vi.advanceTimersByTimeAsync(20);
    expect(runs).toBe(5);
    await loop.stop();
  });

  it("a failing run is logged and the loop carries on", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    let runs = 0;
    const loop = startLoop("ROI rollup", 1000, async () => {
      runs += 1;
      if (runs === 1) throw new Error("database restarting");
      return false;
    });
    await vi.advanceTimersByTimeAsync(2000);
    expect(runs).toBe(2);
    expect(logged).toHaveBeenCalled();
    await loop.stop();
    logged.mockRestore();
  });

  it("stop() waits for the run in progress, and then nothing more starts", async () => {
    const running = gate();
    let runs = 0;
    let finished = 0;
    const loop = startLoop("CRM", 1000, async () => {
      runs += 1;
      await running.promise;
      finished += 1;
      return true; // "more waiting": would run again at once if not stopped
    });
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(1);
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(5000);
    expect(stopped).toBe(false);
    running.open();
    await stopping;
    expect(finished).toBe(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(runs).toBe(1);
  });
});
