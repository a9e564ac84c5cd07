// Quiet hours on the recipient's wall clock. Every instant is fixed in UTC and commented with its
// local time; 2026-03-08 and 2026-11-01 are the US DST changes.
import { describe, expect, it } from "vitest";
import { localTime } from "./hours";
import { DEFAULT_QUIET_WINDOW, isQuietTime, nextSendableTime, quietHoursFor } from "./quiet-hours";

const NY = "America/New_York";
const LA = "America/Los_Angeles";
const hm = (h: number, m = 0) => h * 60 + m;
const at = (iso: string) => new Date(iso);
const quiet = DEFAULT_QUIET_WINDOW;

describe("isQuietTime (20:00–08:00)", () => {
  it.each([
    ["2026-05-12T23:59:00Z", false, "19:59 EDT, last minute of the day's sending"],
    ["2026-05-13T00:00:00Z", true, "20:00 EDT, quiet hours start"],
    ["2026-05-13T03:59:00Z", true, "23:59 EDT"],
    ["2026-05-13T04:00:00Z", true, "00:00 EDT, across midnight"],
    ["2026-05-13T06:30:00Z", true, "02:30 EDT"],
    ["2026-05-13T11:59:00Z", true, "07:59 EDT"],
    ["2026-05-13T12:00:00Z", false, "08:00 EDT, quiet hours end"],
    ["2026-05-13T16:00:00Z", false, "12:00 EDT"],
  ])("%s is quiet: %s (%s)", (iso, expected) => {
    expect(isQuietTime(at(iso), NY, quiet)).toBe(expected);
  });

  it("reads the recipient's own clock: 22:30 in New York is 19:30 in Los Angeles", () => {
    expect(isQuietTime(at("2026-05-13T02:30:00Z"), NY, quiet)).toBe(true);
    expect(isQuietTime(at("2026-05-13T02:30:00Z"), LA, quiet)).toBe(false);
  });

  it("handles a window that does not wrap midnight", () => {
    const lunch = { startMinute: hm(12), endMinute: hm(13) };
    expect(isQuietTime(at("2026-05-13T15:59:00Z"), NY, lunch)).toBe(false); // 11:59 EDT
    expect(isQuietTime(at("2026-05-13T16:30:00Z"), NY, lunch)).toBe(true); // 12:30 EDT
    expect(isQuietTime(at("2026-05-13T17:00:00Z"), NY, lunch)).toBe(false); // 13:00 EDT
  });

  it("treats an empty window (start = end) as no quiet hours", () => {
    expect(isQuietTime(at("2026-05-13T07:00:00Z"), NY, { startMinute: hm(8), endMinute: hm(8) })).toBe(false); // 03:00 EDT
  });
});

describe("nextSendableTime", () => {
  it("returns the same instant outside quiet hours", () => {
    const noon = at("2026-05-13T16:00:00Z"); // 12:00 EDT
    expect(nextSendableTime(noon, NY, quiet)).toEqual(noon);
  });

  it.each([
    [NY, "2026-05-13T03:00:00Z", "2026-05-13T12:00:00Z", "23:00 EDT → 08:00 EDT next day"],
    [NY, "2026-05-13T00:00:00Z", "2026-05-13T12:00:00Z", "20:00 EDT → 08:00 EDT next day"],
    [NY, "2026-05-13T10:00:00Z", "2026-05-13T12:00:00Z", "06:00 EDT → 08:00 EDT the same day"],
    [LA, "2026-05-13T06:00:00Z", "2026-05-13T15:00:00Z", "23:00 PDT → 08:00 PDT next day"],
    [LA, "2026-05-13T14:59:00Z", "2026-05-13T15:00:00Z", "07:59 PDT → 08:00 PDT"],
    // Spring forward on 2026-03-08: the night is an hour shorter, 08:00 is EDT / PDT.
    [NY, "2026-03-08T04:00:00Z", "2026-03-08T12:00:00Z", "23:00 EST → 08:00 EDT"],
    [LA, "2026-03-08T07:00:00Z", "2026-03-08T15:00:00Z", "23:00 PST → 08:00 PDT"],
    [NY, "2026-03-08T08:00:00Z", "2026-03-08T12:00:00Z", "04:00 EDT, after the jump → 08:00 EDT"],
    // Fall back on 2026-11-01: the night is an hour longer, 08:00 is EST / PST.
    [NY, "2026-11-01T03:00:00Z", "2026-11-01T13:00:00Z", "23:00 EDT → 08:00 EST"],
    [LA, "2026-11-01T06:00:00Z", "2026-11-01T16:00:00Z", "23:00 PDT → 08:00 PST"],
    [NY, "2026-11-01T06:30:00Z", "2026-11-01T13:00:00Z", "01:30 EST, the repeated hour → 08:00 EST"],
    // Arizona keeps MST all year.
    ["America/Phoenix", "2026-03-08T06:00:00Z", "2026-03-08T15:00:00Z", "23:00 MST → 08:00 MST"],
  ])("%s %s → %s (%s)", (tz, from, expected) => {
    const next = nextSendableTime(at(from), tz, quiet);
    expect(next).toEqual(at(expected));
    expect(localTime(next, tz).minute).toBe(hm(8));
  });

  it("ends at the first wall-clock minute after a window end the clocks skipped", () => {
    // Quiet 22:00–02:30; on 2026-03-08 New York jumps from 02:00 EST to 03:00 EDT.
    const window = { startMinute: hm(22), endMinute: hm(2, 30) };
    const next = nextSendableTime(at("2026-03-08T06:00:00Z"), NY, window); // 01:00 EST
    expect(next).toEqual(at("2026-03-08T07:30:00Z")); // 03:30 EDT
    expect(isQuietTime(next, NY, window)).toBe(false);
  });

  it("ends at the second 01:30 when the recipient is already in the repeated hour", () => {
    // Quiet 22:00–01:30; on 2026-11-01 New York reads 01:00–02:00 twice.
    const window = { startMinute: hm(22), endMinute: hm(1, 30) };
    expect(nextSendableTime(at("2026-11-01T05:15:00Z"), NY, window)).toEqual(at("2026-11-01T05:30:00Z")); // 01:15 EDT → 01:30 EDT
    expect(nextSendableTime(at("2026-11-01T06:15:00Z"), NY, window)).toEqual(at("2026-11-01T06:30:00Z")); // 01:15 EST → 01:30 EST
  });
});

describe("quietHoursFor", () => {
  it("uses the caller's zone from their area code over the location's", () => {
    expect(quietHoursFor({ callerPhone: "+13055550123", locationTimezone: LA })).toBe(NY);
    expect(quietHoursFor({ callerPhone: "+18505550123", locationTimezone: NY })).toBe("America/Chicago");
  });

  it.each<[string | null, string]>([
    ["+442079460123", "a foreign caller"],
    ["+18885550123", "a toll-free caller"],
    [null, "no caller number"],
  ])("falls back to the location's zone for %s (%s)", (callerPhone) => {
    expect(quietHoursFor({ callerPhone, locationTimezone: LA })).toBe(LA);
  });

  it("lets a Los Angeles spa text a Miami caller at 06:00 its time, but makes a local caller wait", () => {
    const sixAmLA = at("2026-05-13T13:00:00Z"); // 06:00 PDT = 09:00 EDT
    const miami = quietHoursFor({ callerPhone: "+13055550123", locationTimezone: LA });
    const local = quietHoursFor({ callerPhone: "+13105550123", locationTimezone: LA });
    expect(nextSendableTime(sixAmLA, miami, quiet)).toEqual(sixAmLA);
    expect(nextSendableTime(sixAmLA, local, quiet)).toEqual(at("2026-05-13T15:00:00Z")); // 08:00 PDT
  });
});
