// The shaping behind the ROI charts: what each chart draws and the sentence it states.
import { describe, expect, it } from "vitest";
import { emptyCounts, withRates } from "@/lib/roi/actuals";
import { RESPONSE_BUCKETS } from "@/lib/roi/response-buckets";
import { fixtureDashboard } from "@/tests/fixtures/roi-dashboard";
import { monthSpan } from "@/lib/roi/months";
import { bucketLabel, funnelSteps, heatLevel, hourName, leakRows, partialMonthsNote, responseRows, summarizeHeatmap, trendRows } from "./chart-data";

describe("heatmap", () => {
  it("names hours the way owners say them", () => {
    expect([0, 9, 12, 18, 23].map(hourName)).toEqual(["12 am", "9 am", "12 pm", "6 pm", "11 pm"]);
  });

  it("counts weekend and evening calls and finds the worst hour", () => {
    const grid = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
    grid[1]![10] = 4; // Monday 10 am: open hours
    grid[1]![19] = 3; // Monday 7 pm: evening
    grid[6]![11] = 5; // Saturday 11 am: weekend
    grid[3]![8] = 1; // Wednesday 8 am: early
    expect(summarizeHeatmap(grid)).toEqual({ total: 13, max: 5, eveningsAndWeekends: 9, peak: { weekday: 6, hour: 11, count: 5 } });
  });

  it("has no peak when nothing was missed", () => {
    expect(summarizeHeatmap([[0, 0]]).peak).toBeNull();
  });

  it("shades zero apart from any call, and the busiest hour darkest", () => {
    expect([0, 1, 5, 10, 15, 20].map((n) => heatLevel(n, 20))).toEqual([0, 1, 1, 2, 3, 4]);
    expect(heatLevel(3, 0)).toBe(0);
  });
});

describe("leak sources", () => {
  it("gives each source its share of missed calls against the brief's typical range", () => {
    const rows = leakRows({ peak_overflow: 20, after_hours: 50, lunch_gap: 10, hold_abandon: 5, other: 15 });
    expect(rows.map((r) => [r.source, r.share, r.typical, r.versusTypical])).toEqual([
      ["peak_overflow", 20, [18, 28], "within"],
      ["after_hours", 50, [30, 45], "above"],
      ["lunch_gap", 10, [8, 15], "within"],
      ["hold_abandon", 5, [6, 12], "below"],
      ["other", 15, null, null],
    ]);
  });

  it("shows zero shares, not NaN, when nothing was missed", () => {
    const rows = leakRows(emptyCounts().leak);
    expect(rows.every((r) => r.share === 0 && r.versusTypical === null)).toBe(true);
  });
});

describe("response time", () => {
  it("labels every bucket with its bounds", () => {
    expect(RESPONSE_BUCKETS.map((_, i) => bucketLabel(i))).toEqual([
      "≤1 s",
      "1–2 s",
      "2–5 s",
      "5–10 s",
      "10–20 s",
      "20–30 s",
      "30–45 s",
      "45–60 s",
      "60–90 s",
      "90 s–2 min",
      "2–5 min",
      "5–10 min",
      "10–30 min",
      "30 min–1 h",
      "> 1 h",
    ]);
  });

  it("marks the buckets within the 60 s target and gives exact shares", () => {
    const histogram = RESPONSE_BUCKETS.map(() => 0);
    histogram[1] = 6;
    histogram[7] = 2;
    histogram[8] = 2;
    const rows = responseRows(histogram);
    expect(
      rows
        .filter((r) => r.withinTarget)
        .map((r) => r.bucket)
        .at(-1),
    ).toBe("45–60 s");
    expect(rows[1]).toEqual({ bucket: "1–2 s", count: 6, share: 60, withinTarget: true });
    expect(rows[8]).toEqual({ bucket: "60–90 s", count: 2, share: 20, withinTarget: false });
  });
});

describe("funnel", () => {
  it("follows missed → texted → re-engaged → booked with each step's conversion", () => {
    const steps = funnelSteps({ missedCalls: 74, textedCalls: 70, reEngaged: 22, recovered: 8 });
    expect(steps.map((s) => [s.stage, s.count, s.ofPrevious])).toEqual([
      ["Missed calls", 74, null],
      ["Texted back", 70, 95],
      ["Re-engaged", 22, 31],
      ["Recovered", 8, 36],
    ]);
    expect(steps[2]!.previousStage).toBe("Texted back");
  });

  it("has no conversion after an empty stage", () => {
    expect(funnelSteps({ missedCalls: 0, textedCalls: 0, reEngaged: 0, recovered: 0 }).map((s) => s.ofPrevious)).toEqual([null, null, null, null]);
  });
});

describe("trend", () => {
  const whole = (month: string) => monthSpan(month, { from: "2026-01-01", to: "2026-12-31" }, "2027-01-15");

  it("gives one point per month with recovered revenue and the recovered rate", () => {
    const actuals = withRates({ ...emptyCounts(), inboundCalls: 320, missedCalls: 74, reEngaged: 22, recovered: 8, recoveredCents: 1_120_000 });
    expect(trendRows([{ month: "2026-09", actuals, span: whole("2026-09") }])).toEqual([
      { month: "2026-09", label: "Sep ’26", partial: false, name: "Sep 2026", missed: 74, reEngaged: 22, recovered: 8, recoveredDollars: 11_200, recoveredRate: 8 / 74 },
    ]);
  });

  it("starts at the first month with calls, keeping quiet months after it", () => {
    const empty = withRates(emptyCounts());
    const busy = withRates({ ...emptyCounts(), inboundCalls: 10 });
    const months = ["2026-06", "2026-07", "2026-08", "2026-09"].map((month, i) => ({ month, actuals: i === 1 || i === 3 ? busy : empty, span: whole(month) }));
    expect(trendRows(months).map((r) => r.month)).toEqual(["2026-07", "2026-08", "2026-09"]);
    expect(trendRows(months.slice(0, 1))).toEqual([]);
  });

  it("covers exactly the range's months, the partial ones starred and named with their days", () => {
    const data = fixtureDashboard({ from: "2026-09-14", to: "2026-11-26", locationId: null }, 14, "2026-11-26");
    const rows = trendRows(data.byMonth);
    expect(rows.map((r) => r.label)).toEqual(["Sep ’26*", "Oct ’26", "Nov ’26*"]);
    expect(rows.map((r) => r.partial)).toEqual([true, false, true]);
    expect(rows.at(-1)!.missed).toBe(data.byMonth.at(-1)!.actuals.missedCalls);
    expect(partialMonthsNote(rows)).toBe("* Partial months, not a whole month's figures: Sep 2026 (14–30); Nov 2026 (1–26 so far).");
    const months = trendRows(fixtureDashboard({ from: "2026-03-01", to: "2026-04-30", locationId: null }).byMonth);
    expect(months.map((r) => r.label)).toEqual(["Mar ’26", "Apr ’26"]);
    expect(partialMonthsNote(months)).toBeNull();
  });
});
