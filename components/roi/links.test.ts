// The ROI page's links carry the range and location; the quick ranges end today.
import { describe, expect, it } from "vitest";
import { exportHref, listHref, quickRanges, withForecastQuery } from "./links";

const range = { from: "2026-09-01", to: "2026-11-26", locationId: "00000000-0000-4000-8000-000000000001" };

describe("ROI links", () => {
  it("opens the list behind a number for the same range and location", () => {
    expect(listHref("re_engaged", range)).toBe("/roi/list?metric=re_engaged&from=2026-09-01&to=2026-11-26&location=00000000-0000-4000-8000-000000000001");
    expect(listHref("missed", { ...range, locationId: null })).toBe("/roi/list?metric=missed&from=2026-09-01&to=2026-11-26");
  });

  it("exports the range on screen", () => {
    expect(exportHref("bookings.csv", { ...range, locationId: null })).toBe("/roi/export/bookings.csv?from=2026-09-01&to=2026-11-26");
  });

  it("offers this month, last month, the last three and the last twelve months", () => {
    expect(quickRanges("2026-01-15", null).map((q) => [q.label, q.range.from, q.range.to])).toEqual([
      ["This month", "2026-01-01", "2026-01-15"],
      ["Last month", "2025-12-01", "2025-12-31"],
      ["Last 3 months", "2025-11-01", "2026-01-15"],
      ["Last 12 months", "2025-02-01", "2026-01-15"],
    ]);
    expect(quickRanges("2024-03-31", "x")[1]!.range).toEqual({ from: "2024-02-01", to: "2024-02-29", locationId: "x" });
  });

  it("puts the forecast's inputs into the URL without dropping the range", () => {
    expect(withForecastQuery("from=2026-09-01&to=2026-11-26&calls=320", "calls=500&missed=23")).toBe("from=2026-09-01&to=2026-11-26&calls=500&missed=23");
  });
});
