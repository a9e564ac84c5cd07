// The limits Rebound keeps for the providers: Quo's 10 requests a second per key, Aircall's
// per-number segment caps and its X-AircallApi-* budget. Fixed clocks throughout.
import { describe, expect, it } from "vitest";
import { aircallBudgetWait, KeyedTokenBucket, noteAircallBudget, readAircallBudget, segmentCapWait } from "./rate-limit";

const T0 = Date.parse("2026-12-08T15:00:00Z");

describe("KeyedTokenBucket (Quo: 10 a second per API key)", () => {
  it("lets a burst of 10 through at once, then spaces the next ones 100 ms apart", () => {
    const bucket = new KeyedTokenBucket(10, 10);
    const waits = Array.from({ length: 12 }, () => bucket.reserve("key", T0, 1000));
    expect(waits.slice(0, 10)).toEqual(Array(10).fill(0));
    expect(waits.slice(10)).toEqual([100, 200]);
  });

  it("refuses (takes nothing) when the wait would pass the limit, so the text goes back to the outbox", () => {
    const bucket = new KeyedTokenBucket(10, 10);
    for (let i = 0; i < 10; i++) bucket.reserve("key", T0, 500);
    expect(bucket.reserve("key", T0, 50)).toBeNull();
    expect(bucket.reserve("key", T0, 100)).toBe(100);
  });

  it("keeps each key apart and refills with time", () => {
    const bucket = new KeyedTokenBucket(10, 10);
    for (let i = 0; i < 10; i++) bucket.reserve("a", T0, 0);
    expect(bucket.reserve("b", T0, 0)).toBe(0);
    expect(bucket.reserve("a", T0, 0)).toBeNull();
    expect(bucket.reserve("a", T0 + 1000, 0)).toBe(0);
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
