// How late a callback is, against its SLA (issue 5, "Callback queue"). Pure: no I/O, clock passed in.
//   hot     15 minutes of open time     a caller asking for today is gone within the hour
//   normal   4 hours of open time       the same working day, even after a lunch gap
// The clock starts when the task becomes due: when it was created, at the next opening for a task
// opened after hours, or when a snooze ends. "Waiting for opening" is only ever a task that was
// opened while closed; a snooze (kept through a claim) is "snoozed", whatever the status says. It runs only while the location is open, so a hot
// reply at 18:55 with closing at 19:00 has 10 minutes left at 09:00 the next morning.
import type { Callback } from "@/db/schema";
import { hasWeeklyHours, isOpenAt, type Schedule } from "@/lib/schedule/hours";
import { addOpenTime, openMsBetween } from "./open-time";

const MINUTE_MS = 60_000;

export const SLA_MS: Record<Callback["priority"], number> = { hot: 15 * MINUTE_MS, normal: 4 * 60 * MINUTE_MS };

/** Older tasks are overdue whatever happened before: no need to walk their whole history. */
const LOOKBACK_MS = 30 * 24 * 60 * MINUTE_MS;

export type SlaCallback = Pick<Callback, "priority" | "status" | "dueAt" | "createdAt" | "openedWhileClosed" | "snoozedUntil">;

export type SlaState =
  /** Opened while closed: due at the next opening, not late. */
  | { kind: "waiting_for_opening"; dueAt: Date }
  | { kind: "snoozed"; until: Date }
  /** Due later for another reason (data written before snoozes were kept): not late, not snoozed. */
  | { kind: "scheduled"; dueAt: Date }
  /** `paused`: due, but the location is closed now, so the clock is not running. */
  | { kind: "on_time"; leftMs: number; deadline: Date | null; paused: boolean }
  /** `overdueMs` is open time past the SLA. */
  | { kind: "overdue"; overdueMs: number; deadline: Date | null };

/** Every hour of the week: a location with no hours set is "not set up", never "closed", so its clock always runs. */
const allWeek = (timezone: string): Schedule => ({ timezone, closures: [], shifts: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opensMinute: 0, closesMinute: 1440 })) });

export function slaState(callback: SlaCallback, location: Schedule, now: Date): SlaState {
  const schedule = hasWeeklyHours(location) ? location : allWeek(location.timezone);
  if (callback.snoozedUntil && callback.snoozedUntil.getTime() > now.getTime()) return { kind: "snoozed", until: callback.snoozedUntil };
  if (callback.dueAt.getTime() > now.getTime()) {
    return callback.openedWhileClosed ? { kind: "waiting_for_opening", dueAt: callback.dueAt } : { kind: "scheduled", dueAt: callback.dueAt };
  }
  const budget = SLA_MS[callback.priority];
  const start = new Date(Math.max(callback.createdAt.getTime(), callback.dueAt.getTime(), now.getTime() - LOOKBACK_MS));
  const used = openMsBetween(schedule, start, now);
  const deadline = addOpenTime(schedule, start, budget);
  if (used >= budget) return { kind: "overdue", overdueMs: used - budget, deadline };
  return { kind: "on_time", leftMs: budget - used, deadline, paused: !isOpenAt(schedule, now) };
}

/** "12 min", "1 h 5 min", "2 d 3 h": a duration as the desk reads it. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / MINUTE_MS));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}
