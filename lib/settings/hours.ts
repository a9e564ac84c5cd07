// The weekly hours editor's rules, pure: clock strings ⇄ minutes, a closing time earlier than (or
// equal to) the opening time means the next day (stored as minutes past 1440), and no two shifts
// may overlap, including a late shift that runs into the next morning.
import type { Shift } from "@/lib/schedule/hours";

export const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
/** The order a spa reads its week in: Monday first. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;
export const MAX_SHIFTS_PER_DAY = 6;
const DAY = 1440;

/** "09:30" → 570; anything that is not a 24-hour clock time → null. */
export function parseClock(value: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** 570 → "09:30"; minutes past midnight of the next day read as that day's clock (1560 → "02:00"). */
export function formatClock(minute: number): string {
  const m = ((minute % DAY) + DAY) % DAY;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/** "9:30 AM", "2:00 AM (next day)": how a shift reads in the UI. */
export function formatClock12(minute: number): string {
  const m = ((minute % DAY) + DAY) % DAY;
  const hour = Math.floor(m / 60);
  const text = `${hour % 12 === 0 ? 12 : hour % 12}:${String(m % 60).padStart(2, "0")} ${hour < 12 ? "AM" : "PM"}`;
  return minute >= DAY ? `${text} (next day)` : text;
}

/** Opening and closing clock times → minutes; a closing time not after the opening is the next day. */
export function shiftMinutes(opens: string, closes: string): { opensMinute: number; closesMinute: number } | null {
  const opensMinute = parseClock(opens);
  const closing = parseClock(closes);
  if (opensMinute === null || closing === null) return null;
  return { opensMinute, closesMinute: closing <= opensMinute ? closing + DAY : closing };
}

export type ShiftInput = { weekday: number; opens: string; closes: string };
export type WeekErrors = Partial<Record<number, string[]>>;

function describe(shift: { opensMinute: number; closesMinute: number }): string {
  return `${formatClock12(shift.opensMinute)}–${formatClock12(shift.closesMinute)}`;
}

/**
 * The week as stored shifts, or the problems of each weekday (keyed 0 = Sunday … 6 = Saturday) so
 * the editor can show them next to that day.
 */
export function validateWeek(input: ShiftInput[]): { ok: true; shifts: Shift[] } | { ok: false; errors: WeekErrors } {
  const errors: WeekErrors = {};
  const add = (weekday: number, message: string) => (errors[weekday] ??= []).push(message);
  const byDay = new Map<number, { opensMinute: number; closesMinute: number }[]>();

  for (const row of input) {
    const minutes = shiftMinutes(row.opens, row.closes);
    if (!minutes) {
      add(row.weekday, "Enter an opening and a closing time for every shift.");
      continue;
    }
    byDay.set(row.weekday, [...(byDay.get(row.weekday) ?? []), minutes]);
  }

  for (const [weekday, shifts] of byDay) {
    if (shifts.length > MAX_SHIFTS_PER_DAY) add(weekday, `A day can have at most ${MAX_SHIFTS_PER_DAY} shifts.`);
    shifts.sort((a, b) => a.opensMinute - b.opensMinute);
    for (let i = 1; i < shifts.length; i++) {
      const previous = shifts[i - 1]!;
      const current = shifts[i]!;
      if (current.opensMinute < previous.closesMinute) add(weekday, `${describe(previous)} and ${describe(current)} overlap.`);
    }
    // A shift past midnight must be over before the next day's first shift opens.
    const next = (weekday + 1) % 7;
    const lateClose = Math.max(...shifts.map((s) => s.closesMinute)) - DAY;
    const nextFirst = byDay.get(next)?.reduce((min, s) => Math.min(min, s.opensMinute), DAY);
    if (lateClose > 0 && nextFirst !== undefined && nextFirst < lateClose) {
      add(next, `Opens before ${WEEKDAY_NAMES[weekday]}'s late shift ends (${formatClock12(lateClose)}).`);
    }
  }

  if (Object.keys(errors).length) return { ok: false, errors };
  const shifts = [...byDay].flatMap(([weekday, list]) => list.map((s) => ({ weekday, ...s })));
  return { ok: true, shifts: shifts.sort((a, b) => a.weekday - b.weekday || a.opensMinute - b.opensMinute) };
}

/** Stored shifts → the editor's rows, Monday first. */
export function weekRows(shifts: Shift[]): { weekday: number; shifts: { opens: string; closes: string }[] }[] {
  return WEEK_ORDER.map((weekday) => ({
    weekday,
    shifts: shifts
      .filter((s) => s.weekday === weekday)
      .sort((a, b) => a.opensMinute - b.opensMinute)
      .map((s) => ({ opens: formatClock(s.opensMinute), closes: formatClock(s.closesMinute) })),
  }));
}
