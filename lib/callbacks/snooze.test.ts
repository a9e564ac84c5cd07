import { describe, expect, it } from "vitest";
import { snoozeUntil } from "./snooze";
import { DOWNTOWN, withClosures } from "@/lib/schedule/test-schedules";

const at = (iso: string) => new Date(iso);

describe("snoozeUntil", () => {
  const tue11 = at("2026-05-12T18:00:00Z"); // Tue 11:00 in Los Angeles

  it("puts the task back 15 minutes or an hour later", () => {
    expect(snoozeUntil("15m", DOWNTOWN, tue11)).toEqual(at("2026-05-12T18:15:00Z"));
    expect(snoozeUntil("1h", DOWNTOWN, tue11)).toEqual(at("2026-05-12T19:00:00Z"));
  });

  it("next opening: after lunch when open in the morning, tomorrow morning in the evening", () => {
    expect(snoozeUntil("next_opening", DOWNTOWN, tue11)).toEqual(at("2026-05-12T20:15:00Z"));
    expect(snoozeUntil("next_opening", DOWNTOWN, at("2026-05-13T03:00:00Z"))).toEqual(at("2026-05-13T16:00:00Z"));
  });

  it("counts from the due time when that is later than now: a snooze never makes a task due earlier", () => {
    const dueWed9 = at("2026-05-13T16:00:00Z"); // waiting for Wednesday's opening, snoozed on Tuesday evening
    expect(snoozeUntil("1h", DOWNTOWN, at("2026-05-13T03:00:00Z"), dueWed9)).toEqual(at("2026-05-13T17:00:00Z"));
    expect(snoozeUntil("15m", DOWNTOWN, tue11, at("2026-05-12T17:00:00Z"))).toEqual(at("2026-05-12T18:15:00Z")); // already due: from now
  });

  it("lands in open time: an hour that ends while closed moves to the next opening", () => {
    // Tue 18:30 + 1 h = 19:30, after closing (19:00) → Wed 09:00.
    expect(snoozeUntil("1h", DOWNTOWN, at("2026-05-13T01:30:00Z"))).toEqual(at("2026-05-13T16:00:00Z"));
    // Tue 12:20 + 15 min = 12:35, the lunch gap (12:30–13:15) → 13:15.
    expect(snoozeUntil("15m", DOWNTOWN, at("2026-05-12T19:20:00Z"))).toEqual(at("2026-05-12T20:15:00Z"));
  });

  it("next opening skips a holiday", () => {
    const holiday = withClosures(DOWNTOWN, [{ day: "2026-05-13", opensMinute: null, closesMinute: null }]);
    expect(snoozeUntil("next_opening", holiday, at("2026-05-13T03:00:00Z"))).toEqual(at("2026-05-14T16:00:00Z"));
  });

  it("next opening is null when the location never opens", () => {
    expect(snoozeUntil("next_opening", { timezone: "America/Los_Angeles", shifts: [], closures: [] }, tue11)).toBeNull();
  });
});
