// Snoozing a callback: the desk chooses when it comes back. Pure: no I/O, clock passed in.
import type { Schedule } from "@/lib/schedule/hours";
import { nextOpening } from "@/lib/schedule/hours";
import { nextOpeningAfter } from "./open-time";

export const SNOOZE_OPTIONS = ["15m", "1h", "next_opening"] as const;
export type SnoozeOption = (typeof SNOOZE_OPTIONS)[number];

export const SNOOZE_LABELS: Record<SnoozeOption, string> = { "15m": "15 min", "1h": "1 hour", next_opening: "Next opening" };

const MINUTES: Record<Exclude<SnoozeOption, "next_opening">, number> = { "15m": 15, "1h": 60 };

/**
 * When a snoozed callback is due again. A snooze only ever puts a task later: it counts from
 * max(now, due), so snoozing a task that waits for tomorrow's opening does not make it due tonight.
 * 15 minutes or an hour lands in open time (a time that falls while closed moves to the next
 * opening, or stays on the wall clock when the location has no opening within 30 days); "next
 * opening" is the opening after the current shift (at 11:00 on a weekday with a lunch gap: 13:15
 * today), null when the location has no opening within 30 days.
 */
export function snoozeUntil(option: SnoozeOption, schedule: Schedule, now: Date, dueAt: Date = now): Date | null {
  const from = new Date(Math.max(now.getTime(), dueAt.getTime()));
  if (option === "next_opening") return nextOpeningAfter(schedule, from);
  const later = new Date(from.getTime() + MINUTES[option] * 60_000);
  // A location with no opening in sight (no hours yet) still gets its snooze, on the wall clock.
  return nextOpening(schedule, later) ?? later;
}
