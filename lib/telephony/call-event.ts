// What every phone system's webhook is translated into. Providers only translate; policy lives
// in lib/recovery.
import type { Call } from "@/db/schema";

export type Provider = Call["provider"];
export type Disposition = Call["disposition"];

export type CallEvent = {
  provider: Provider;
  /** The provider's id of the call (Twilio CallSid): one call per (provider, externalId). */
  externalId: string;
  disposition: Disposition;
  /** Caller in E.164, or null for anonymous / invalid caller ID. */
  from: string | null;
  /** The caller ID exactly as the provider sent it. */
  rawFrom: string;
  /** The number the caller dialled, in E.164: it finds the location and is the number we text from. */
  to: string;
  providerStatus: string;
  startedAt: Date;
  durationSeconds: number | null;
  voicemail: { url: string; seconds: number | null } | null;
  /** Voicemail transcription, when the provider sends one. */
  transcript?: string | null;
  /** The provider's reason for the miss, when it gives one (Aircall `short_abandoned`…). */
  missedReason?: string | null;
};

export const MISSED_DISPOSITIONS: ReadonlySet<Disposition> = new Set(["missed", "voicemail", "abandoned", "busy", "failed"]);

export function isMissed(event: Pick<CallEvent, "disposition">): boolean {
  return MISSED_DISPOSITIONS.has(event.disposition);
}
