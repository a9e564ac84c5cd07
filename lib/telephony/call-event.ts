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
  /**
   * Twilio's own call flow: a parent call `completed` even when only voicemail answered, so its
   * child legs are listed before it counts as answered (lib/intake/call-legs.ts). Absent: no check.
   */
  legCheck?: LegCheck;
};

/** A child leg of a Twilio call as `Calls.json?ParentCallSid=` lists it (`duration`: seconds, null while unknown). */
export type ChildLeg = { sid: string; status: string; duration: number | null };

/**
 * Where the child-leg check of a call stands: `pending` until it is listed (`failures` lookups
 * failed so far), `listed` with the legs, `unknown` after the last failed lookup, `simulated` when
 * there are no Twilio credentials to ask with.
 */
export type LegCheck =
  { status: "pending"; failures: number } | { status: "listed"; legs: ChildLeg[] } | { status: "unknown"; failures: number; error: string } | { status: "simulated" };

/** Durations are stored in Postgres `integer` columns; anything longer is not a real call. */
export const MAX_SECONDS = 2 ** 31 - 1;

/** Calls happen between these instants; a provider time outside them is junk (and breaks the schedule maths). */
export const EARLIEST_CALL = new Date("1970-01-01T00:00:00Z");
export const LATEST_CALL = new Date("3000-01-01T00:00:00Z");

/** The date when it is a valid time a call could have happened at, else null (the caller uses the arrival time). */
export function plausibleDate(date: Date): Date | null {
  const ms = date.getTime();
  return Number.isNaN(ms) || ms < EARLIEST_CALL.getTime() || ms >= LATEST_CALL.getTime() ? null : date;
}

/** When a call that lasted `seconds` until `end` started; `end` itself when that would be implausible. */
export function startBefore(end: Date, seconds: number | null): Date {
  return plausibleDate(new Date(end.getTime() - (seconds ?? 0) * 1000)) ?? end;
}

export const MISSED_DISPOSITIONS: ReadonlySet<Disposition> = new Set(["missed", "voicemail", "abandoned", "busy", "failed"]);

export function isMissed(event: Pick<CallEvent, "disposition">): boolean {
  return MISSED_DISPOSITIONS.has(event.disposition);
}
