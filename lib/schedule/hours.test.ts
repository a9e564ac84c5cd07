// Opening hours of the demo Downtown location (docs/architecture.md#demo-data): America/Los_Angeles,
// Mon–Fri 09:00–12:30 and 13:15–19:00, Sat 09:00–15:00, closed Sun. Every instant is fixed in UTC
// and commented with its wall-clock time in Los Angeles.
import { describe, expect, it } from "vitest";
import { isBetweenShifts, isOpenAt, localTime, nextOpening, zonedInstant, type Closure, type Schedule, type Shift } from "./hours";

const LA = "America/Los_Angeles";
const hm = (h: number, m = 0) => h * 60 + m;
const weekdays = [1, 2, 3, 4, 5];

const DOWNTOWN: Schedule = {
  timezone: LA,
  shifts: [
    ...weekdays.flatMap((weekday): Shift[] => [
      { weekday, opensMinute: hm(9), closesMinute: hm(12, 30) },
      { weekday, opensMinute: hm(13, 15), closesMinute: hm(19) },
    ]),
    { weekday: 6, opensMinute: hm(9), closesMinute: hm(15) },
  ],
  closures: [],
};

const withClosures = (schedule: Schedule, closures: Closure[]): Schedule => ({ ...schedule, closures });
const at = (iso: string) => new Date(iso);

describe("localTime", () => {
  it("gives the wall-clock day, weekday and minute in the location's zone", () => {
    expect(localTime(at("2026-05-12T17:00:00Z"), LA)).toEqual({ day: "2026-05-12", weekday: 2, minute: hm(10) });
  });

  it("uses the local date, not the UTC one, late in the evening", () => {
    // Tue 2026-05-12 20:30 PDT is already Wednesday in UTC.
    expect(localTime(at("2026-05-13T03:30:00Z"), LA)).toEqual({ day: "2026-05-12", weekday: 2, minute: hm(20, 30) });
  });

  it("gives minute 0 at local midnight (never 24:00)", () => {
    expect(localTime(at("2026-05-13T07:00:00Z"), LA)).toEqual({ day: "2026-05-13", weekday: 3, minute: 0 });
  });
});

describe("isOpenAt, Downtown", () => {
  it.each([
    ["Tue 10:00", "2026-05-12T17:00:00Z", true],
    ["Tue 09:00, the opening minute", "2026-05-12T16:00:00Z", true],
    ["Tue 08:59", "2026-05-12T15:59:00Z", false],
    ["Tue 12:29", "2026-05-12T19:29:00Z", true],
    ["Tue 12:30, lunch starts", "2026-05-12T19:30:00Z", false],
    ["Tue 12:45, lunch", "2026-05-12T19:45:00Z", false],
    ["Tue 13:15, back from lunch", "2026-05-12T20:15:00Z", true],
    ["Tue 18:59", "2026-05-13T01:59:00Z", true],
    ["Tue 19:00, closing minute", "2026-05-13T02:00:00Z", false],
    ["Tue 23:00", "2026-05-13T06:00:00Z", false],
    ["Sat 14:30", "2026-05-16T21:30:00Z", true],
    ["Sat 15:30", "2026-05-16T22:30:00Z", false],
    ["Sun 11:00", "2026-05-10T18:00:00Z", false],
  ])("%s → open %s", (_label, iso, open) => {
    expect(isOpenAt(DOWNTOWN, at(iso))).toBe(open);
  });
});

describe("isBetweenShifts, Downtown", () => {
  it.each([
    ["Tue 12:45, lunch", "2026-05-12T19:45:00Z", true],
    ["Tue 12:30, lunch starts", "2026-05-12T19:30:00Z", true],
    ["Tue 10:00, open", "2026-05-12T17:00:00Z", false],
    ["Tue 08:00, before opening", "2026-05-12T15:00:00Z", false],
    ["Tue 19:30, after closing", "2026-05-13T02:30:00Z", false],
    ["Sat 12:45, Saturday has no lunch", "2026-05-16T19:45:00Z", false],
    ["Sun 12:45, closed all day", "2026-05-10T19:45:00Z", false],
  ])("%s → %s", (_label, iso, between) => {
    expect(isBetweenShifts(DOWNTOWN, at(iso))).toBe(between);
  });
});

describe("nextOpening, Downtown", () => {
  it("is the moment itself while open", () => {
    const now = at("2026-05-12T17:00:00Z");
    expect(nextOpening(DOWNTOWN, now)).toEqual(now);
  });

  it.each([
    ["Tue 12:45 (lunch) → Tue 13:15", "2026-05-12T19:45:00Z", "2026-05-12T20:15:00.000Z"],
    ["Tue 07:00 → Tue 09:00", "2026-05-12T14:00:00Z", "2026-05-12T16:00:00.000Z"],
    ["Tue 19:00 → Wed 09:00", "2026-05-13T02:00:00Z", "2026-05-13T16:00:00.000Z"],
    ["Tue 19:30 → Wed 09:00", "2026-05-13T02:30:00Z", "2026-05-13T16:00:00.000Z"],
    ["Wed 02:00 → Wed 09:00", "2026-05-13T09:00:00Z", "2026-05-13T16:00:00.000Z"],
    ["Fri 19:30 → Sat 09:00", "2026-05-16T02:30:00Z", "2026-05-16T16:00:00.000Z"],
    ["Sat 15:30 → Mon 09:00", "2026-05-16T22:30:00Z", "2026-05-18T16:00:00.000Z"],
    ["Sun 11:00 → Mon 09:00", "2026-05-10T18:00:00Z", "2026-05-11T16:00:00.000Z"],
  ])("%s", (_label, iso, expected) => {
    const opening = nextOpening(DOWNTOWN, at(iso));
    expect(opening?.toISOString()).toBe(expected);
    expect(isOpenAt(DOWNTOWN, opening ?? at(iso))).toBe(true);
  });

  it("is null for a location that never opens", () => {
    expect(nextOpening({ timezone: LA, shifts: [], closures: [] }, at("2026-05-12T17:00:00Z"))).toBeNull();
  });
});

describe("daylight saving time in Los Angeles", () => {
  it("Sat 2026-03-07 15:30 PST → Mon 2026-03-09 09:00 PDT, which is 16:00Z", () => {
    const opening = nextOpening(DOWNTOWN, at("2026-03-07T23:30:00Z"));
    expect(opening?.toISOString()).toBe("2026-03-09T16:00:00.000Z");
    expect(localTime(opening ?? new Date(0), LA)).toEqual({ day: "2026-03-09", weekday: 1, minute: hm(9) });
  });

  it("Sat 2026-10-31 15:30 PDT → Mon 2026-11-02 09:00 PST, which is 17:00Z", () => {
    const opening = nextOpening(DOWNTOWN, at("2026-10-31T22:30:00Z"));
    expect(opening?.toISOString()).toBe("2026-11-02T17:00:00.000Z");
    expect(localTime(opening ?? new Date(0), LA)).toEqual({ day: "2026-11-02", weekday: 1, minute: hm(9) });
  });

  it("opens at 09:00 local on the change day itself (special Sunday hours)", () => {
    const spring = withClosures(DOWNTOWN, [{ day: "2026-03-08", opensMinute: hm(9), closesMinute: hm(14) }]);
    // Sat 2026-03-07 20:00 PST, before the clocks go forward.
    expect(nextOpening(spring, at("2026-03-08T04:00:00Z"))?.toISOString()).toBe("2026-03-08T16:00:00.000Z");
    const fall = withClosures(DOWNTOWN, [{ day: "2026-11-01", opensMinute: hm(9), closesMinute: hm(14) }]);
    // Sat 2026-10-31 20:00 PDT, before the clocks go back.
    expect(nextOpening(fall, at("2026-11-01T03:00:00Z"))?.toISOString()).toBe("2026-11-01T17:00:00.000Z");
  });

  it("the same UTC time is before opening in winter and open in summer", () => {
    expect(isOpenAt(DOWNTOWN, at("2026-03-06T16:30:00Z"))).toBe(false); // Fri 08:30 PST
    expect(isOpenAt(DOWNTOWN, at("2026-03-09T16:30:00Z"))).toBe(true); // Mon 09:30 PDT
    expect(isOpenAt(DOWNTOWN, at("2026-11-02T16:30:00Z"))).toBe(false); // Mon 08:30 PST
  });
});

describe("a shift past midnight (Fri 18:00–26:00)", () => {
  const LATE: Schedule = { timezone: LA, shifts: [{ weekday: 5, opensMinute: hm(18), closesMinute: hm(26) }], closures: [] };

  it.each([
    ["Fri 17:59", "2026-05-16T00:59:00Z", false],
    ["Fri 18:00", "2026-05-16T01:00:00Z", true],
    ["Fri 23:30", "2026-05-16T06:30:00Z", true],
    ["Sat 00:00", "2026-05-16T07:00:00Z", true],
    ["Sat 01:00", "2026-05-16T08:00:00Z", true],
    ["Sat 01:59", "2026-05-16T08:59:00Z", true],
    ["Sat 02:00, closing minute", "2026-05-16T09:00:00Z", false],
    ["Sat 02:30", "2026-05-16T09:30:00Z", false],
    ["Sun 01:00, only Friday runs late", "2026-05-17T08:00:00Z", false],
  ])("%s → open %s", (_label, iso, open) => {
    expect(isOpenAt(LATE, at(iso))).toBe(open);
  });

  it("Sat 02:30 → next Friday 18:00", () => {
    expect(nextOpening(LATE, at("2026-05-16T09:30:00Z"))?.toISOString()).toBe("2026-05-23T01:00:00.000Z");
  });

  it("a closure on the Friday also cancels its hours after midnight", () => {
    const closed = withClosures(LATE, [{ day: "2026-05-15", opensMinute: null, closesMinute: null }]);
    expect(isOpenAt(closed, at("2026-05-16T06:30:00Z"))).toBe(false);
    expect(isOpenAt(closed, at("2026-05-16T08:00:00Z"))).toBe(false);
  });
});

describe("closures and special hours", () => {
  const HOLIDAYS = withClosures(DOWNTOWN, [
    { day: "2026-12-25", opensMinute: null, closesMinute: null }, // Christmas, a Friday: closed
    { day: "2026-12-24", opensMinute: hm(9), closesMinute: hm(14) }, // Christmas Eve, a Thursday: 09:00–14:00
    { day: "2026-12-20", opensMinute: hm(10), closesMinute: hm(16) }, // a Sunday opening
  ]);

  it("a holiday closes a normal weekday", () => {
    expect(isOpenAt(DOWNTOWN, at("2026-12-25T18:00:00Z"))).toBe(true); // Fri 10:00 PST, no closure
    expect(isOpenAt(HOLIDAYS, at("2026-12-25T18:00:00Z"))).toBe(false);
    expect(isOpenAt(HOLIDAYS, at("2026-12-25T22:00:00Z"))).toBe(false); // 14:00
    expect(isBetweenShifts(HOLIDAYS, at("2026-12-25T20:45:00Z"))).toBe(false); // 12:45: not a lunch gap
  });

  it("after a holiday, the next opening is the following day at 09:00", () => {
    expect(nextOpening(HOLIDAYS, at("2026-12-25T18:00:00Z"))?.toISOString()).toBe("2026-12-26T17:00:00.000Z");
  });

  it("special hours replace the weekly shifts of that day", () => {
    expect(isOpenAt(HOLIDAYS, at("2026-12-24T20:45:00Z"))).toBe(true); // Thu 12:45: no lunch break today
    expect(isBetweenShifts(HOLIDAYS, at("2026-12-24T20:45:00Z"))).toBe(false);
    expect(isOpenAt(HOLIDAYS, at("2026-12-24T22:00:00Z"))).toBe(false); // 14:00: closing early
    expect(isOpenAt(HOLIDAYS, at("2026-12-25T00:00:00Z"))).toBe(false); // 16:00
    expect(nextOpening(HOLIDAYS, at("2026-12-24T23:00:00Z"))?.toISOString()).toBe("2026-12-26T17:00:00.000Z");
  });

  it("special hours open a day that is normally closed", () => {
    expect(isOpenAt(HOLIDAYS, at("2026-12-20T19:00:00Z"))).toBe(true); // Sun 11:00 PST
    expect(nextOpening(HOLIDAYS, at("2026-12-20T08:00:00Z"))?.toISOString()).toBe("2026-12-20T18:00:00.000Z"); // Sun 00:00 → 10:00
  });

  it("leaves the other days alone", () => {
    expect(isBetweenShifts(HOLIDAYS, at("2026-12-23T20:45:00Z"))).toBe(true); // Wed 12:45, lunch as usual
  });
});

describe("zonedInstant", () => {
  it.each([
    ["2026-05-12", hm(9), LA, "2026-05-12T16:00:00.000Z"],
    ["2026-01-15", hm(9), LA, "2026-01-15T17:00:00.000Z"],
    ["2026-03-08", hm(9), LA, "2026-03-08T16:00:00.000Z"],
    ["2026-11-01", hm(9), LA, "2026-11-01T17:00:00.000Z"],
    ["2026-05-12", 0, LA, "2026-05-12T07:00:00.000Z"],
    ["2026-05-12", hm(23, 59), LA, "2026-05-13T06:59:00.000Z"],
    ["2026-07-01", hm(9), "Europe/London", "2026-07-01T08:00:00.000Z"],
    ["2026-07-01", hm(9), "Asia/Kolkata", "2026-07-01T03:30:00.000Z"],
    ["2026-07-01", hm(9), "Asia/Kathmandu", "2026-07-01T03:15:00.000Z"],
    ["2026-01-15", hm(9), "Australia/Sydney", "2026-01-14T22:00:00.000Z"],
  ])("%s %i min in %s → %s", (day, minute, timezone, iso) => {
    expect(zonedInstant(day, minute, timezone).toISOString()).toBe(iso);
  });

  it("round-trips through localTime every half hour across both 2026 DST weekends", () => {
    for (const day of ["2026-03-07", "2026-03-08", "2026-03-09", "2026-10-31", "2026-11-01", "2026-11-02"]) {
      for (let minute = 0; minute < 1440; minute += 30) {
        if (day === "2026-03-08" && minute >= hm(2) && minute < hm(3)) continue; // 02:xx does not exist that night
        const instant = zonedInstant(day, minute, LA);
        const local = localTime(instant, LA);
        expect({ day: local.day, minute: local.minute }).toEqual({ day, minute });
      }
    }
  });

  it("round-trips from an instant back to the same instant", () => {
    for (const iso of ["2026-05-12T17:00:00Z", "2026-03-08T09:59:00Z", "2026-03-08T10:00:00Z", "2026-11-01T10:00:00Z", "2026-12-31T23:30:00Z"]) {
      const local = localTime(at(iso), LA);
      expect(zonedInstant(local.day, local.minute, LA).toISOString()).toBe(at(iso).toISOString());
    }
  });

  it("takes the earlier of the two 01:30s when the clocks go back", () => {
    expect(zonedInstant("2026-11-01", hm(1, 30), LA).toISOString()).toBe("2026-11-01T08:30:00.000Z");
  });
});
