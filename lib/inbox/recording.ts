// Voicemail recordings as a browser can play them. Pure.

const TWILIO_RECORDING = /^https:\/\/api\.twilio\.com\/2010-04-01\/Accounts\/[^/]+\/Recordings\/RE[0-9a-f]+$/i;

/**
 * Twilio's RecordingUrl has no extension and then serves WAV; with ".mp3" it serves MP3, which is
 * about ten times smaller and plays everywhere. Other providers' URLs (OpenPhone, Aircall) already
 * point at a file and are left alone; anything that is not http(s) is refused.
 */
export function playableRecordingUrl(url: string | null): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
  return TWILIO_RECORDING.test(url) ? `${url}.mp3` : url;
}

/** 75 → "1:15", 9 → "0:09". */
export function formatDuration(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return null;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}
