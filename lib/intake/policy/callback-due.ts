// When a callback task a rule opens is due, on the location's own hours. Pure.
//   open now (or no weekly hours set: nothing to wait for)   due now
//   closed                                                   due at the next opening ("waiting for opening")
// One rule for every "call them instead" task that waits for the desk: a hot or routed reply, and a
// number that cannot be texted (a landline or toll-free number), whether its line type was known
// when the call was recorded or learned from Twilio Lookup just before the text went out.
import { hasWeeklyHours, isOpenAt, localTime, nextOpening, type Schedule } from "@/lib/schedule/hours";
import type { CallbackWhen } from "./reasons";

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** "Saturday 09:00" in the location's own timezone. */
export function formatOpening(at: Date, timezone: string): string {
  const local = localTime(at, timezone);
  const hh = String(Math.floor(local.minute / 60)).padStart(2, "0");
  const mm = String(local.minute % 60).padStart(2, "0");
  return `${WEEKDAYS[local.weekday] ?? local.day} ${hh}:${mm}`;
}

/** `openedWhileClosed`: the location was closed, so the task waits for the opening (not late). */
export type CallbackDue = { dueAt: Date; openedWhileClosed: boolean; when: string };

/** Due now while the desk is staffed; otherwise when it next opens (e.g. "Saturday 09:00"). */
export function callbackDue(schedule: Schedule, now: Date): CallbackDue {
  if (!hasWeeklyHours(schedule)) return { dueAt: now, openedWhileClosed: false, when: "due now (this location's hours are not set up)" };
  if (isOpenAt(schedule, now)) return { dueAt: now, openedWhileClosed: false, when: "due now (open)" };
  const opening = nextOpening(schedule, now);
  if (!opening) return { dueAt: now, openedWhileClosed: false, when: "due now (no opening in the next 30 days)" };
  return { dueAt: opening, openedWhileClosed: true, when: `due at the next opening, ${formatOpening(opening, schedule.timezone)}` };
}

/** When a reason's callback (reasons.ts) is due. */
export function callbackDueFor(when: CallbackWhen, schedule: Schedule, now: Date): CallbackDue {
  return when === "now" ? { dueAt: now, openedWhileClosed: false, when: "due now" } : callbackDue(schedule, now);
}
