// How the ROI page writes months, ranges, money and rates.
import { describe, expect, it } from "vitest";
import { monthSpan } from "@/lib/roi/months";
import { counted, dollars, monthLabel, percent, rangeName, shortMonth, shortMonthLabel } from "./format";

describe("ROI formatting", () => {
  it("counts in the singular for exactly one, never '1 missed calls'", () => {
    expect(counted(1, "missed call")).toBe("1 missed call");
    expect(counted(0, "missed call")).toBe("0 missed calls");
    expect(counted(1420, "call")).toBe("1,420 calls");
    expect(counted(1, "reply", "replies")).toBe("1 reply");
  });

  it("writes whole dollars and rounded percentages, and a dash when there is nothing to divide", () => {
    expect(dollars(1_120_000)).toBe("$11,200");
    expect(percent(0.2312)).toBe("23%");
    expect(percent(null)).toBe("—");
  });

  it("says which days a partial month covers, and that it is partial", () => {
    const range = { from: "2026-09-14", to: "2026-11-26" };
    const today = "2026-12-07";
    expect(monthLabel(monthSpan("2026-09", range, today))).toBe("Sep 2026 (14–30, partial)");
    expect(monthLabel(monthSpan("2026-10", range, today))).toBe("Oct 2026");
    expect(monthLabel(monthSpan("2026-11", range, today))).toBe("Nov 2026 (1–26, partial)");
    expect(monthLabel(monthSpan("2024-02", { from: "2024-02-01", to: "2024-02-29" }, today))).toBe("Feb 2024");
    expect(shortMonthLabel(monthSpan("2026-11", range, today))).toBe("Nov ’26*");
    expect(shortMonthLabel(monthSpan("2026-10", range, today))).toBe("Oct ’26");
  });

  it("marks the current month partial even when the range covers all of it", () => {
    const span = monthSpan("2026-12", { from: "2026-12-01", to: "2026-12-31" }, "2026-12-07");
    expect(span).toMatchObject({ from: "2026-12-01", to: "2026-12-07", days: 7, daysInMonth: 31, partial: true, current: true });
    expect(monthLabel(span)).toBe("Dec 2026 (1–7 so far, partial)");
    // The last day of the month is not over either, until the next one starts.
    expect(monthSpan("2026-11", { from: "2026-11-01", to: "2026-11-30" }, "2026-11-30").partial).toBe(true);
    expect(monthSpan("2026-11", { from: "2026-11-01", to: "2026-11-30" }, "2026-12-01").partial).toBe(false);
  });

  it("names a range with the year once when both ends share it", () => {
    expect(rangeName({ from: "2026-09-01", to: "2026-11-26" })).toBe("1 Sep – 26 Nov 2026");
    expect(rangeName({ from: "2025-12-01", to: "2026-02-28" })).toBe("1 Dec 2025 – 28 Feb 2026");
    expect(rangeName({ from: "2026-11-26", to: "2026-11-26" })).toBe("26 Nov 2026");
    expect(shortMonth("2026-01")).toBe("Jan ’26");
  });
});
