import { describe, expect, it } from "vitest";
import { attributionWindowStart, describeAttribution } from "./attribution";

const LA = "America/Los_Angeles";
const tuesday312pm = new Date("2026-05-12T22:12:00Z"); // Tue 3:12 PM in Los Angeles

describe("describeAttribution", () => {
  it("names the missed call, the text-back and the reply", () => {
    expect(describeAttribution({ call: { startedAt: tuesday312pm }, textBack: true, replied: true, windowDays: 14, timezone: LA })).toBe(
      "From the missed call Tue 3:12 PM → text-back → reply",
    );
  });

  it("leaves out the steps that did not happen", () => {
    expect(describeAttribution({ call: { startedAt: tuesday312pm }, textBack: false, replied: false, windowDays: 14, timezone: LA })).toBe("From the missed call Tue 3:12 PM");
    expect(describeAttribution({ call: { startedAt: tuesday312pm }, textBack: true, replied: false, windowDays: 14, timezone: LA })).toBe(
      "From the missed call Tue 3:12 PM → text-back",
    );
  });

  it("says why a booking is not attributed, with the organization's window", () => {
    expect(describeAttribution({ call: null, textBack: false, replied: false, windowDays: 14, timezone: LA })).toBe("Not attributed: no missed call in the last 14 days");
    expect(describeAttribution({ call: null, textBack: false, replied: false, windowDays: 1, timezone: LA })).toBe("Not attributed: no missed call in the last 1 day");
  });

  it("shows the call in the location's timezone", () => {
    expect(describeAttribution({ call: { startedAt: tuesday312pm }, textBack: false, replied: false, windowDays: 14, timezone: "America/New_York" })).toBe(
      "From the missed call Tue 6:12 PM",
    );
  });
});

describe("attributionWindowStart", () => {
  it("is the window's length before the booking", () => {
    expect(attributionWindowStart(new Date("2026-05-15T12:00:00Z"), 14)).toEqual(new Date("2026-05-01T12:00:00Z"));
  });
});
