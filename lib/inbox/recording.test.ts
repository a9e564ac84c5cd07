import { describe, expect, it } from "vitest";
import { formatDuration, playableRecordingUrl } from "./recording";

describe("playableRecordingUrl", () => {
  it("asks Twilio for the MP3 of a recording (its bare URL serves WAV)", () => {
    const url = "https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Recordings/RE0123456789abcdef0123456789abcdef";
    expect(playableRecordingUrl(url)).toBe(`${url}.mp3`);
  });

  it("leaves another provider's file URL alone", () => {
    const url = "https://m.openph.one/static/15ad4740be6048e4a80efb268d347482.mp3";
    expect(playableRecordingUrl(url)).toBe(url);
  });

  it("refuses what is not a web address, so a stored value can never run script", () => {
    expect(playableRecordingUrl("javascript:alert(1)")).toBeNull();
    expect(playableRecordingUrl("not a url")).toBeNull();
    expect(playableRecordingUrl(null)).toBeNull();
  });
});

describe("formatDuration", () => {
  it("reads as minutes and seconds", () => {
    expect(formatDuration(75)).toBe("1:15");
    expect(formatDuration(9)).toBe("0:09");
    expect(formatDuration(0)).toBe("0:00");
  });

  it("says nothing when the duration is unknown", () => {
    expect(formatDuration(null)).toBeNull();
    expect(formatDuration(-1)).toBeNull();
  });
});
