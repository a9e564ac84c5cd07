import { describe, expect, it } from "vitest";
import { checkedText, meaningText, pausedText, STATUS_TEXT, storedSteps } from "./card-text";

describe("the readiness card's words", () => {
  it("a paused number says since when, in the location's time zone, why, and when it resumes", () => {
    expect(pausedText({ at: new Date("2026-12-08T17:05:00Z"), reason: "Twilio 30034", timezone: "America/Los_Angeles" })).toBe(
      "Blocked: not registered. Automatic texts from this number are paused since Tue, Dec 8, 9:05 AM (Twilio 30034). Each missed caller gets a callback task instead. Texts resume by themselves once a check finds the registration verified.",
    );
  });

  it("says when it was last checked, or that it never was", () => {
    expect(checkedText({ at: null, timezone: "UTC" })).toBe("Not checked yet.");
    expect(checkedText({ at: new Date("2026-12-08T09:00:00Z"), timezone: "UTC" })).toBe("Last checked Tue, Dec 8, 9:00 AM.");
  });

  it("a number never checked says so, instead of pointing at steps it does not have yet", () => {
    expect(meaningText({ status: "unknown", checkedAt: null })).toBe("Not checked yet: Rebound checks every number daily, or now with Check again.");
    expect(meaningText({ status: "unknown", checkedAt: new Date("2026-12-08T09:00:00Z") })).toBe(STATUS_TEXT.unknown.meaning);
    expect(meaningText({ status: "verified", checkedAt: null })).toBe(STATUS_TEXT.verified.meaning);
  });

  it("reads stored steps, and none from a row in another shape", () => {
    expect(storedSteps({ steps: [{ step: "Campaign", status: "failed", errors: ["<b>x</b>"] }] })).toEqual([{ step: "Campaign", status: "failed", errors: ["<b>x</b>"] }]);
    expect(storedSteps(null)).toEqual([]);
    expect(storedSteps({ steps: [{ step: "Campaign", status: "exploded" }] })).toEqual([]);
  });
});
