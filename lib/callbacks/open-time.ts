// Time the location is open, measured on its own calendar (shifts, lunch gaps, shifts past
// midnight, holidays and special hours; DST through lib/schedule/hours.ts). The callback SLA
// clock runs only on this time. Pure: no I/O, clock passed in.
import { localTime, zonedInstant, type Schedule } from "@/lib/schedule/hours";

export type Interval = { start: Date; end: Date };

const DAY_MS = 24 * 3600 * 1000;
/** Never walk further than this: an SLA or a snooze is about hours, not seasons. */
const MAX_DAYS = 62;

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The shifts that start on a local day; a closure (holiday or special hours) replaces the weekly ones. */
function shiftsOn(schedule: Schedule, day: string): { opens: number; closes: number }[] {
  const closure = schedule.closures.find((c) => c.day === day);
  if (closure) {
    return closure.opensMinute !== null && closure.closesMinute !== null ? [{ opens: closure.opensMinute, closes: closure.closesMinute }] : [];
  }
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return schedule.shifts.filter((s) => s.weekday === weekday).map((s) => ({ opens: s.opensMinute, closes: s.closesMinute }));
}

/** The open intervals overlapping [from, to], clipped to it, in order, touching ones merged. */
export function openIntervals(schedule: Schedule, from: Date, to: Date): Interval[] {
  if (to.getTime() <= from.getTime()) return [];
  const lastDay = localTime(new Date(Math.min(to.getTime(), from.getTime() + MAX_DAYS * DAY_MS)), schedule.timezone).day;
  const raw: Interval[] = [];
  // Start a day early: yesterday's shift may run past midnight into `from`.
  for (let day = addDays(localTime(from, schedule.timezone).day, -1), n = 0; day <= lastDay && n <= MAX_DAYS + 2; day = addDays(day, 1), n++) {
    for (const shift of shiftsOn(schedule, day)) {
      const start = zonedInstant(day, shift.opens, schedule.timezone);
      const end = zonedInstant(day, shift.closes, schedule.timezone);
      const clippedStart = Math.max(start.getTime(), from.getTime());
      const clippedEnd = Math.min(end.getTime(), to.getTime());
      if (clippedEnd > clippedStart) raw.push({ start: new Date(clippedStart), end: new Date(clippedEnd) });
    }
  }
  raw.sort((a, b) => a.start.getTime() - b.start.getTime());
  const merged: Interval[] = [];
  for (const interval of raw) {
    const last = merged.at(-1);
    if (last && interval.start.getTime() <= last.end.getTime()) {
      if (interval.end.getTime() > last.end.getTime()) last.end = interval.end;
    } else {
      merged.push({ ...interval });
    }
  }
  return merged;
}

/** Milliseconds the location was open between two instants. */
export function openMsBetween(schedule: Schedule, from: Date, to: Date): number {
  return openIntervals(schedule, from, to).reduce((sum, i) => sum + (i.end.getTime() - i.start.getTime()), 0);
}

/** The instant when `ms` of open time has passed since `start`; null when that is not within two months. */
export function addOpenTime(schedule: Schedule, start: Date, ms: number): Date | null {
  let remaining = ms;
  for (const interval of openIntervals(schedule, start, new Date(start.getTime() + MAX_DAYS * DAY_MS))) {
    const length = interval.end.getTime() - interval.start.getTime();
    if (length >= remaining) return new Date(interval.start.getTime() + remaining);
    remaining -= length;
  }
  return null;
}

/**
 * The next time the location opens after `now`, skipping the shift it is in: at 11:00 on a weekday
 * with a lunch gap that is 13:15 today; at 21:00 it is tomorrow's first shift. Null within 30 days.
 */
export function nextOpeningAfter(schedule: Schedule, now: Date): Date | null {
  const next = openIntervals(schedule, now, new Date(now.getTime() + 31 * DAY_MS)).find((i) => i.start.getTime() > now.getTime());
  return next?.start ?? null;
}
