// The hours editor: what an owner types becomes the shifts the decision reads, and impossible weeks
// are refused with a message on the day that is wrong.
import { describe, expect, it } from "vitest";
import { isOpenAt } from "@/lib/schedule/hours";
import { formatClock, formatClock12, parseClock, shiftMinutes, validateWeek, weekRows } from "./hours";

describe("clock times", () => {
  it("reads 24-hour clock times and refuses anything else", () => {
    expect(parseClock("09:30")).toBe(570);
    expect(parseClock("00:00")).toBe(0);
    expect(parseClock("23:59")).toBe(1439);
    expect(parseClock("24:00")).toBeNull();
    expect(parseClock("9:30")).toBeNull();
    expect(parseClock("")).toBeNull();
  });

  it("writes minutes back, past midnight as the next day's clock", () => {
    expect(formatClock(570)).toBe("09:30");
    expect(formatClock(1560)).toBe("02:00");
    expect(formatClock12(1140)).toBe("7:00 PM");
    expect(formatClock12(0)).toBe("12:00 AM");
    expect(formatClock12(1560)).toBe("2:00 AM (next day)");
  });

  it("a closing time earlier than the opening is the next day; the same time is a full day", () => {
    expect(shiftMinutes("09:00", "19:00")).toEqual({ opensMinute: 540, closesMinute: 1140 });
    expect(shiftMinutes("18:00", "02:00")).toEqual({ opensMinute: 1080, closesMinute: 1560 });
    expect(shiftMinutes("00:00", "00:00")).toEqual({ opensMinute: 0, closesMinute: 1440 });
    expect(shiftMinutes("09:00", "")).toBeNull();
  });
});

describe("validateWeek", () => {
  it("keeps several shifts a day (a lunch gap) in order", () => {
    const result = validateWeek([
      { weekday: 1, opens: "13:15", closes: "19:00" },
      { weekday: 1, opens: "09:00", closes: "12:30" },
      { weekday: 6, opens: "09:00", closes: "15:00" },
    ]);
    expect(result).toEqual({
      ok: true,
      shifts: [
        { weekday: 1, opensMinute: 540, closesMinute: 750 },
        { weekday: 1, opensMinute: 795, closesMinute: 1140 },
        { weekday: 6, opensMinute: 540, closesMinute: 900 },
      ],
    });
  });

  it("refuses overlapping shifts on the same day, naming them", () => {
    const result = validateWeek([
      { weekday: 2, opens: "09:00", closes: "13:00" },
      { weekday: 2, opens: "12:30", closes: "19:00" },
    ]);
    expect(result).toEqual({ ok: false, errors: { 2: ["9:00 AM–1:00 PM and 12:30 PM–7:00 PM overlap."] } });
  });

  it("shifts that touch (one closes as the next opens) are fine", () => {
    expect(
      validateWeek([
        { weekday: 3, opens: "09:00", closes: "12:00" },
        { weekday: 3, opens: "12:00", closes: "18:00" },
      ]).ok,
    ).toBe(true);
  });

  it("refuses a next-morning shift that starts before last night's late shift ends, on the later day", () => {
    const result = validateWeek([
      { weekday: 6, opens: "20:00", closes: "03:00" },
      { weekday: 0, opens: "02:00", closes: "06:00" },
    ]);
    expect(result).toEqual({ ok: false, errors: { 0: ["Opens before Saturday's late shift ends (3:00 AM)."] } });
  });

  it("asks for both times of a shift", () => {
    expect(validateWeek([{ weekday: 4, opens: "09:00", closes: "" }])).toEqual({
      ok: false,
      errors: { 4: ["Enter an opening and a closing time for every shift."] },
    });
  });

  it("a week of 00:00–00:00 shifts is open around the clock", () => {
    const result = validateWeek([0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opens: "00:00", closes: "00:00" })));
    if (!result.ok) throw new Error("expected a valid week");
    const schedule = { timezone: "America/Los_Angeles", shifts: result.shifts, closures: [] };
    for (const at of ["2025-03-09T10:30:00Z", "2025-06-15T07:59:00Z", "2025-11-02T09:15:00Z", "2025-12-25T12:00:00Z"]) {
      expect(isOpenAt(schedule, new Date(at))).toBe(true);
    }
  });
});

describe("weekRows", () => {
  it("lays the stored week out Monday first, late closings as clock times", () => {
    const rows = weekRows([
      { weekday: 0, opensMinute: 600, closesMinute: 960 },
      { weekday: 5, opensMinute: 1080, closesMinute: 1560 },
      { weekday: 5, opensMinute: 540, closesMinute: 720 },
    ]);
    expect(rows.map((r) => r.weekday)).toEqual([1, 2, 3, 4, 5, 6, 0]);
    expect(rows[4]).toEqual({
      weekday: 5,
      shifts: [
        { opens: "09:00", closes: "12:00" },
        { opens: "18:00", closes: "02:00" },
      ],
    });
    expect(rows[6]?.shifts).toEqual([{ opens: "10:00", closes: "16:00" }]);
    expect(rows[0]?.shifts).toEqual([]);
  });
});
