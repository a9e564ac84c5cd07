// The text worth keeping from a Twilio voicemail transcription callback. Pure: the handler stores it.
import type { TranscriptionCallback } from "./parse";

/**
 * The transcript to store on the call, or null when there is none: a failed (or any status other
 * than completed) transcription, or one that came back empty. Whitespace Twilio leaves between
 * sentences is collapsed so the inbox shows one tidy paragraph.
 */
export function transcriptOf(payload: Pick<TranscriptionCallback, "TranscriptionStatus" | "TranscriptionText">): string | null {
  if (payload.TranscriptionStatus.trim().toLowerCase() !== "completed") return null;
  const text = payload.TranscriptionText.replace(/\s+/g, " ").trim();
  return text === "" ? null : text;
}
