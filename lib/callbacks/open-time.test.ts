// Open time on the Downtown calendar. Instants are fixed in UTC and commented in Los Angeles time
// (May 2026 is PDT, UTC-7; Tue 2026-05-12).
import { describe, expect, it } from "vitest";
import { addOpenTime, nextOpeningAfter, openIntervals, openMsBetween } from "./open-time";
import { DOWNTOWN, hm, LA, withClosures } from "@/lib/schedule/test-schedules";

const at = (iso: string) => new Date(iso);
const MIN = 60_000;

describe("openMsBetween", () => {
  it("counts only the open part of a day with a lunch gap", () => {
    // Tue 11:00 → 14:00: 11:00–12:30 and 13:15–14:00 are open (2 h 15 min).
    expect(openMsBetween(DOWNTOWN, at("2026-05-12T18:00:00Z"), at("2026-05-12T21:00:00Z"))).toBe(135 * MIN);
  });

  it("counts nothing overnight or on a Sunday", () => {
    // Sat 15:00 → Mon 09:00.
    expect(openMsBetween(DOWNTOWN, at("2026-05-16T22:00:00Z"), at("2026-05-18T16:00:00Z"))).toBe(0);
  });

  it("skips a holiday", () => {
    const closed = withClosures(DOWNTOWN, [{ day: "2026-05-13", opensMinute: null, closesMinute: null }]);
    // Tue 18:00 → Thu 10:00: one hour on Tuesday, none on Wednesday, one on Thursday.
    expect(openMsBetween(closed, at("2026-05-13T01:00:00Z"), at("2026-05-14T17:00:00Z"))).toBe(120 * MIN);
  });

  it("counts a short DST night as it really is: 5 hours, not 6", () => {
    const night = { timezone: LA, shifts: [{ weekday: 0, opensMinute: 0, closesMinute: hm(6) }], closures: [] };
    // Sun 2026-03-08: clocks jump from 02:00 to 03:00.
    expect(openMsBetween(night, at("2026-03-08T00:00:00Z"), at("2026-03-09T00:00:00Z"))).toBe(5 * 60 * MIN);
  });
});

describe("openIntervals", () => {
  it("includes yesterday's shift that runs past midnight", () => {
    const late = { timezone: LA, shifts: [{ weekday: 5, opensMinute: hm(20), closesMinute: hm(26) }], closures: [] };
    // Sat 2026-05-16 00:30 → 12:00: Friday's shift is open until 02:00.
    expect(openIntervals(late, at("2026-05-16T07:30:00Z"), at("2026-05-16T19:00:00Z"))).toEqual([{ start: at("2026-05-16T07:30:00Z"), end: at("2026-05-16T09:00:00Z") }]);
  });
});

describe("addOpenTime", () => {
  it("carries the remainder across lunch", () => {
    // Tue 12:20 + 15 min → 10 min before lunch, 5 after: 13:20.
    expect(addOpenTime(DOWNTOWN, at("2026-05-12T19:20:00Z"), 15 * MIN)).toEqual(at("2026-05-12T20:20:00Z"));
  });

  it("carries it over the weekend", () => {
    // Sat 14:55 + 15 min → Mon 09:10.
    expect(addOpenTime(DOWNTOWN, at("2026-05-16T21:55:00Z"), 15 * MIN)).toEqual(at("2026-05-18T16:10:00Z"));
  });

  it("gives up when the location never opens", () => {
    expect(addOpenTime({ timezone: LA, shifts: [], closures: [] }, at("2026-05-12T17:00:00Z"), MIN)).toBeNull();
  });
});

describe("nextOpeningAfter", () => {
  it.each([
    ["Tue 11:00, open → after lunch 13:15", "2026-05-12T18:00:00Z", "2026-05-12T20:15:00Z"],
    ["Tue 12:45, lunch → 13:15", "2026-05-12T19:45:00Z", "2026-05-12T20:15:00Z"],
    ["Tue 08:00, before opening → 09:00", "2026-05-12T15:00:00Z", "2026-05-12T16:00:00Z"],
    ["Tue 20:00 → Wed 09:00", "2026-05-13T03:00:00Z", "2026-05-13T16:00:00Z"],
    ["Sat 14:00 → Mon 09:00", "2026-05-16T21:00:00Z", "2026-05-18T16:00:00Z"],
  ])("%s", (_label, now, expected) => {
    expect(nextOpeningAfter(DOWNTOWN, at(now))).toEqual(at(expected));
  });
});
