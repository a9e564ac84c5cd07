import { describe, expect, it } from "vitest";
import { forecast, forecastInputSchema, WORKED_EXAMPLE, wholePeople } from "./forecast";

describe("forecast", () => {
  it("reproduces the brief's worked example exactly: 74 missed, 22 re-engaged, 8 booked, $11,200", () => {
    expect(forecast(WORKED_EXAMPLE)).toEqual({ missed: 74, reEngaged: 22, booked: 8, recoveredCents: 1_120_000 });
  });

  it.each([
    // Hand-computed: each stage rounds to a whole person before the next one.
    [
      { monthlyCalls: 100, missedRatePct: 22, recoveryRatePct: 25, bookRatePct: 30, clientValue: 900 },
      { missed: 22, reEngaged: 6, booked: 2, recoveredCents: 180_000 },
    ], // 22 → 5.5→6 → 1.8→2
    [
      { monthlyCalls: 500, missedRatePct: 20, recoveryRatePct: 35, bookRatePct: 40, clientValue: 1250.5 },
      { missed: 100, reEngaged: 35, booked: 14, recoveredCents: 1_750_700 },
    ],
    [
      { monthlyCalls: 10, missedRatePct: 5, recoveryRatePct: 30, bookRatePct: 35, clientValue: 1400 },
      { missed: 1, reEngaged: 0, booked: 0, recoveredCents: 0 },
    ], // 0.5 → 1, 0.3 → 0
    [
      { monthlyCalls: 0, missedRatePct: 23, recoveryRatePct: 30, bookRatePct: 35, clientValue: 1400 },
      { missed: 0, reEngaged: 0, booked: 0, recoveredCents: 0 },
    ],
    [
      { monthlyCalls: 1000, missedRatePct: 100, recoveryRatePct: 100, bookRatePct: 100, clientValue: 1 },
      { missed: 1000, reEngaged: 1000, booked: 1000, recoveredCents: 100_000 },
    ],
  ])("%o → %o", (input, expected) => {
    expect(forecast(input)).toEqual(expected);
  });

  it("rounds halves up and ignores floating-point noise", () => {
    expect(wholePeople(73.6)).toBe(74);
    expect(wholePeople(22.2)).toBe(22);
    expect(wholePeople(7.7)).toBe(8);
    expect(wholePeople(5.5)).toBe(6);
    expect(wholePeople(0.49999999999)).toBe(1); // 0.5 once the noise is removed
    expect(wholePeople(2.4)).toBe(2);
  });

  it("rejects rates outside 0–100 and fractional call counts with a sentence", () => {
    const result = forecastInputSchema.safeParse({ ...WORKED_EXAMPLE, missedRatePct: 120, monthlyCalls: 3.5 });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => i.message) ?? [];
    expect(messages).toContain("Use a percentage from 0 to 100.");
    expect(messages).toContain("Use a whole number of calls.");
  });
});
