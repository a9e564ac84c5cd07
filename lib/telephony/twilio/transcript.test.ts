// Which transcription text ends up on the call: only a completed one with words in it.
import { describe, expect, it } from "vitest";
import { transcriptOf } from "./transcript";

const DANA = "Hi, this is Dana. I'd like to book Botox for Friday afternoon, please call me back.";

describe("transcriptOf", () => {
  it("keeps the text of a completed transcription", () => {
    expect(transcriptOf({ TranscriptionStatus: "completed", TranscriptionText: DANA })).toBe(DANA);
  });

  it("collapses the line breaks and double spaces Twilio leaves between sentences", () => {
    expect(transcriptOf({ TranscriptionStatus: "completed", TranscriptionText: "  Hi, this is Dana.\n\nCall me  back. " })).toBe("Hi, this is Dana. Call me back.");
  });

  it("reads the status whatever its case", () => {
    expect(transcriptOf({ TranscriptionStatus: "Completed", TranscriptionText: DANA })).toBe(DANA);
  });

  it.each(["failed", "in-progress", ""])("stores nothing for status %j, even with text", (status) => {
    expect(transcriptOf({ TranscriptionStatus: status, TranscriptionText: DANA })).toBeNull();
  });

  it.each(["", "   ", "\n\t"])("stores nothing for a completed transcription with no words (%j)", (text) => {
    expect(transcriptOf({ TranscriptionStatus: "completed", TranscriptionText: text })).toBeNull();
  });
});
