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

  it("next opening skips a holiday", () => {
    const holiday = withClosures(DOWNTOWN, [{ day: "2026-05-13", opensMinute: null, closesMinute: null }]);
    expect(snoozeUntil("next_opening", holiday, at("2026-05-13T03:00:00Z"))).toEqual(at("2026-05-14T16:00:00Z"));
  });

  it("next opening is null when the location never opens", () => {
    expect(snoozeUntil("next_opening", { timezone: "America/Los_Angeles", shifts: [], closures: [] }, tue11)).toBeNull();
  });
});
