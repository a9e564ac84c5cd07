import { describe, expect, it } from "vitest";
import { emptyCounts, withRates } from "@/lib/roi/actuals";
import { RESPONSE_BUCKETS } from "@/lib/roi/response-buckets";
import { actualsJson, secondsBounds } from "./roi-json";

describe("ROI figures as JSON", () => {
  it("time to text is the bucket it falls in: more than the previous bound, at most this one", () => {
    expect(secondsBounds(1)).toEqual({ more_than: 0, at_most: 1 });
    expect(secondsBounds(20)).toEqual({ more_than: 10, at_most: 20 });
    expect(secondsBounds(90)).toEqual({ more_than: 60, at_most: 90 });
    expect(secondsBounds(Number.POSITIVE_INFINITY)).toEqual({ more_than: 3600, at_most: null });
    expect(secondsBounds(null)).toBeNull();
  });

  it("a range with texts over an hour survives JSON (no Infinity turned silently into null)", () => {
    const counts = emptyCounts();
    counts.inboundCalls = 4;
    counts.missedCalls = 2;
    counts.textedCalls = 2;
    counts.recovered = 1;
    counts.recoveredCents = 140_000;
    counts.responseHistogram[RESPONSE_BUCKETS.length - 1] = 2;
    const json = JSON.parse(JSON.stringify(actualsJson(withRates(counts)))) as ReturnType<typeof actualsJson>;
    expect(json.median_seconds_to_text).toEqual({ more_than: 3600, at_most: null });
    expect(json).toMatchObject({ inbound_calls: 4, missed_calls: 2, recovered: 1, recovered_cents: 140_000, missed_rate: 0.5, answered_live_rate: 0 });
  });

  it("still sends the re-engaged rate under its old name for clients written before the rename", () => {
    const counts = emptyCounts();
    counts.missedCalls = 4;
    counts.reEngaged = 1;
    counts.recovered = 0;
    const json = actualsJson(withRates(counts));
    expect(json.re_engaged_rate).toBe(0.25);
    expect(json.recovery_rate).toBe(json.re_engaged_rate);
    expect(json.recovered_rate).toBe(0);
  });

  it("an empty range has counts of zero and no rates", () => {
    const json = actualsJson(withRates(emptyCounts()));
    expect(json).toMatchObject({
      inbound_calls: 0,
      recovered_cents: 0,
      missed_rate: null,
      re_engaged_rate: null,
      recovered_rate: null,
      median_seconds_to_text: null,
      p90_seconds_to_text: null,
    });
    expect(json.leak_sources).toEqual({ peak_overflow: 0, after_hours: 0, lunch_gap: 0, hold_abandon: 0, other: 0 });
  });
});
