// Partial months: a month is whole only when the range covers all of it and it is over.
import { describe, expect, it } from "vitest";
import { monthSpan } from "./months";

describe("monthSpan", () => {
  const range = { from: "2026-09-14", to: "2026-11-26" };

  it("cuts a month at the range's ends", () => {
    expect(monthSpan("2026-09", range, "2027-01-01")).toEqual({ month: "2026-09", from: "2026-09-14", to: "2026-09-30", days: 17, daysInMonth: 30, partial: true, current: false });
    expect(monthSpan("2026-10", range, "2027-01-01")).toMatchObject({ from: "2026-10-01", to: "2026-10-31", days: 31, partial: false });
    expect(monthSpan("2026-11", range, "2027-01-01")).toMatchObject({ from: "2026-11-01", to: "2026-11-26", days: 26, partial: true });
  });

  it("cuts the current month at today, and calls it partial even on its last day", () => {
    expect(monthSpan("2026-12", { from: "2026-10-01", to: "2026-12-31" }, "2026-12-07")).toMatchObject({ to: "2026-12-07", days: 7, partial: true, current: true });
    expect(monthSpan("2026-12", { from: "2026-10-01", to: "2026-12-31" }, "2026-12-31")).toMatchObject({ days: 31, partial: true, current: true });
  });

  it("knows leap years and short months", () => {
    expect(monthSpan("2024-02", { from: "2024-02-01", to: "2024-02-29" }, "2024-03-01")).toMatchObject({ days: 29, daysInMonth: 29, partial: false });
    expect(monthSpan("2026-02", { from: "2026-02-01", to: "2026-02-28" }, "2026-03-01")).toMatchObject({ days: 28, daysInMonth: 28, partial: false });
  });
});
