// Quiet hours: automatic texts never reach a caller in the middle of their night. The window is
// read on the recipient's wall clock (DST included) and may wrap midnight. Pure: no I/O.
//
// The default 20:00–08:00 follows the strictest US state telemarketing rules, which allow messages
// only from 8 a.m. to 8 p.m. in the recipient's local time (Florida's Telephone Solicitation Act and
// Oklahoma's Telephone Solicitation Act since their 2021–2022 amendments, Maryland's since 2023),
// tighter than the federal TCPA's 8 a.m.–9 p.m. Texas starts later (9 a.m., noon on Sundays); a spa
// that texts many Texans can narrow its window in settings. The recipient's zone comes from the
// caller's area code, because the law looks at where the recipient is, not where the spa is.
import { callerTimezone } from "./caller-timezone";
import { localTime, zonedInstant } from "./hours";

export type QuietWindow = { startMinute: number; endMinute: number };

export const DEFAULT_QUIET_WINDOW: QuietWindow = { startMinute: 20 * 60, endMinute: 8 * 60 };

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

function isInWindow(minute: number, { startMinute, endMinute }: QuietWindow): boolean {
  if (startMinute === endMinute) return false; // an empty window: no quiet hours at all
  return startMinute < endMinute ? minute >= startMinute && minute < endMinute : minute >= startMinute || minute < endMinute; // wraps midnight, e.g. 20:00–08:00
}

/** Whether `at` falls inside the quiet window on the wall clock of `timezone` (end excluded). */
export function isQuietTime(at: Date, timezone: string, window: QuietWindow): boolean {
  return isInWindow(localTime(at, timezone).minute, window);
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * `at` itself when it is outside quiet hours, else the moment they end: the next time the local
 * clock reads `endMinute` (today before it, tomorrow after the evening start).
 */
export function nextSendableTime(at: Date, timezone: string, window: QuietWindow): Date {
  if (!isQuietTime(at, timezone, window)) return at;
  const local = localTime(at, timezone);
  const day = local.minute < window.endMinute ? local.day : nextDay(local.day);
  let end = zonedInstant(day, window.endMinute, timezone);
  // That wall time was skipped (spring forward): move on by the gap, as Temporal's "compatible" does.
  const landed = localTime(end, timezone).minute;
  if (landed !== window.endMinute) {
    end = new Date(end.getTime() + ((((window.endMinute - landed) % 1440) + 1440) % 1440) * MINUTE_MS);
  }
  // That wall time happened twice (fall back) and `at` is already in the repeat: take the second one.
  if (end.getTime() <= at.getTime()) end = new Date(end.getTime() + HOUR_MS);
  return end;
}

/** The timezone whose quiet hours apply: the caller's, from their area code, else the location's. */
export function quietHoursFor(input: { callerPhone: string | null; locationTimezone: string }): string {
  return (input.callerPhone && callerTimezone(input.callerPhone)) || input.locationTimezone;
}
