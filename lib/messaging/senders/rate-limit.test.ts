// The limits Rebound keeps for the providers: Quo's 10 requests a second per key, Aircall's
// per-number segment caps and its X-AircallApi-* budget. Fixed clocks throughout.
import { describe, expect, it } from "vitest";
import { aircallBudgetWait, KeyedSlidingWindow, noteAircallBudget, readAircallBudget, segmentCapWait } from "./rate-limit";

const T0 = Date.parse("2026-12-08T15:00:00Z");

describe("KeyedSlidingWindow (Quo: 10 a second per API key)", () => {
  const wait = (window: KeyedSlidingWindow, key: string, now: number, max: number) => window.reserve(key, now, max)?.waitMs ?? null;

  it("lets 10 through at once, then the 11th waits until the first has left the window", () => {
    const window = new KeyedSlidingWindow(10, 1000);
    const waits = Array.from({ length: 12 }, () => wait(window, "key", T0, 2000));
    expect(waits.slice(0, 10)).toEqual(Array(10).fill(0));
    expect(waits.slice(10)).toEqual([1000, 1000]);
  });

  it("never lets more than the limit into any window, however the requests are spread", () => {
    const window = new KeyedSlidingWindow(10, 1000);
    // One request every 30 ms for 3 s, each going when the window says.
    const went = Array.from({ length: 100 }, (_, i) => T0 + i * 30).map((now) => now + wait(window, "key", now, Number.POSITIVE_INFINITY)!);
    for (const start of went) expect(went.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(10);
  });

  it("holds a slot until the request's answer came back: a slow answer pushes the next request later", () => {
    const window = new KeyedSlidingWindow(2, 1000);
    window.reserve("key", T0, 0)!.done(T0 + 300); // Quo may have counted it as late as its answer
    window.reserve("key", T0, 0)!.done(T0 + 20);
    expect(wait(window, "key", T0 + 100, 2000)).toBe(920);
    expect(wait(window, "key", T0 + 100, 2000)).toBe(1200);
  });

  it("refuses (takes nothing) when the wait would pass the limit, so the text goes back to the outbox", () => {
    const window = new KeyedSlidingWindow(10, 1000);
    for (let i = 0; i < 10; i++) window.reserve("key", T0, 500);
    expect(wait(window, "key", T0 + 400, 500)).toBeNull();
    expect(wait(window, "key", T0 + 600, 500)).toBe(400);
  });

  it("keeps each key apart, and a slot frees once a second has passed", () => {
    const window = new KeyedSlidingWindow(10, 1000);
    for (let i = 0; i < 10; i++) window.reserve("a", T0, 0);
    expect(wait(window, "b", T0, 0)).toBe(0);
    expect(wait(window, "a", T0, 0)).toBeNull();
    expect(wait(window, "a", T0 + 1000, 0)).toBe(0);
  });
});

describe("segmentCapWait (Aircall: 1,000 segments an hour, 10,000 a day per number)", () => {
  const now = new Date(T0);
  const at = (minutesAgo: number) => new Date(T0 - minutesAgo * 60_000);

  it("nothing to wait for under the caps", () => {
    expect(segmentCapWait([{ at: at(5), segments: 998 }], 2, now)).toBeNull();
  });

  it("over the hourly cap: waits until enough of the oldest segments leave the hour", () => {
    const sent = [
      { at: at(50), segments: 400 },
      { at: at(30), segments: 400 },
      { at: at(10), segments: 199 },
    ];
    const wait = segmentCapWait(sent, 3, now);
    expect(wait).toEqual({ reason: "aircall_hourly_segment_cap", at: new Date(at(50).getTime() + 3_600_000 + 1000) });
  });

  it("a text sent more than an hour ago counts for the day only", () => {
    expect(segmentCapWait([{ at: at(61), segments: 1000 }], 1, now)).toBeNull();
    const day = Array.from({ length: 10 }, (_, i) => ({ at: at(120 + i * 60), segments: 1000 }));
    expect(segmentCapWait(day, 1, now)).toMatchObject({ reason: "aircall_daily_segment_cap", at: new Date(at(120 + 9 * 60).getTime() + 86_400_000 + 1000) });
  });
});

describe("Aircall's request budget (X-AircallApi-Remaining / -Reset)", () => {
  it("reads the headers, and waits for the reset only once nothing remains", () => {
    const reset = Math.floor(T0 / 1000) + 30;
    const spent = readAircallBudget(new Headers({ "X-AircallApi-Limit": "60", "X-AircallApi-Remaining": "0", "X-AircallApi-Reset": String(reset) }));
    expect(spent).toEqual({ remaining: 0, resetAt: new Date(reset * 1000) });
    noteAircallBudget("company", spent);
    expect(aircallBudgetWait("company", new Date(T0))).toEqual(new Date(reset * 1000));
    expect(aircallBudgetWait("company", new Date(reset * 1000 + 1))).toBeNull();
    noteAircallBudget("company", readAircallBudget(new Headers({ "X-AircallApi-Remaining": "12", "X-AircallApi-Reset": String(reset) })));
    expect(aircallBudgetWait("company", new Date(T0))).toBeNull();
    expect(readAircallBudget(new Headers())).toBeNull();
  });
});
