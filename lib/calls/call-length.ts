import type { Call } from "@/db/schema";

export type CallLength = {
  /** Seconds the call itself lasted, when that is a true figure to show; null otherwise. */
  call: number | null;
  /** The call was a caller waiting on hold who hung up: its length is time spent waiting. */
  onHold: boolean;
  /** Seconds of the voicemail recording, when one was left. */
  voicemail: number | null;
};

/**
 * What can truthfully be said about how long a call took. Twilio reports the length of the `<Dial>`
 * leg (DialCallDuration), which is 0 when nobody picked up, even when the caller then left a
 * 14-second voicemail: "lasted 0:00" beside a 0:14 recording says nothing true. So a call nobody
 * answered shows its length only when it is at least as long as its voicemail (the whole call was
 * measured); otherwise the voicemail's length speaks for it.
 */
export function callLength(call: Pick<Call, "disposition" | "durationSeconds" | "voicemailSeconds">): CallLength {
  const seconds = call.durationSeconds;
  const voicemail = call.voicemailSeconds !== null && call.voicemailSeconds > 0 ? call.voicemailSeconds : null;
  const measured = seconds === null || seconds < 0 ? false : call.disposition === "answered" ? true : seconds > 0 && (voicemail === null || seconds >= voicemail);
  return { call: measured ? seconds : null, onHold: call.disposition === "abandoned", voicemail };
}
