// Snoozing a callback: the desk chooses when it comes back. Pure: no I/O, clock passed in.
import type { Schedule } from "@/lib/schedule/hours";
import { nextOpeningAfter } from "./open-time";

export const SNOOZE_OPTIONS = ["15m", "1h", "next_opening"] as const;
export type SnoozeOption = (typeof SNOOZE_OPTIONS)[number];

export const SNOOZE_LABELS: Record<SnoozeOption, string> = { "15m": "15 min", "1h": "1 hour", next_opening: "Next opening" };

/**
 * When a snoozed callback is due again: 15 minutes or an hour of wall-clock time, or the location's
 * next opening after the current shift (at 11:00 on a weekday with a lunch gap: 13:15 today).
 * Null when the location has no opening within 30 days.
 */
export function snoozeUntil(option: SnoozeOption, schedule: Schedule, now: Date): Date | null {
  switch (option) {
    case "15m":
      return new Date(now.getTime() + 15 * 60_000);
    case "1h":
      return new Date(now.getTime() + 60 * 60_000);
    case "next_opening":
      return nextOpeningAfter(schedule, now);
  }
}
