// Opening hours in the location's own timezone (DST included): several shifts a day, shifts past
// midnight, holidays and one-off closures or special hours. Pure: no I/O, clock passed in.

export type Shift = { weekday: number; opensMinute: number; closesMinute: number };
export type Closure = { day: string; opensMinute: number | null; closesMinute: number | null };
export type Schedule = { timezone: string; shifts: Shift[]; closures: Closure[] };

export type LocalTime = { day: string; weekday: number; minute: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      weekday: "short",
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** The wall-clock date, weekday and minute of `at` in `timezone`. */
export function localTime(at: Date, timezone: string): LocalTime {
  const parts = Object.fromEntries(
    formatterFor(timezone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ""),
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function weekdayOf(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** The shifts that start on a local calendar day: special hours or a closure replace the weekly ones. */
function shiftsOn(schedule: Schedule, day: string): { opens: number; closes: number }[] {
  const closure = schedule.closures.find((c) => c.day === day);
  if (closure) {
    return closure.opensMinute !== null && closure.closesMinute !== null ? [{ opens: closure.opensMinute, closes: closure.closesMinute }] : [];
  }
  const weekday = weekdayOf(day);
  return schedule.shifts
    .filter((s) => s.weekday === weekday)
    .map((s) => ({ opens: s.opensMinute, closes: s.closesMinute }))
    .sort((a, b) => a.opens - b.opens);
}

/**
 * Whether the owner has set weekly hours at all. Without them the location is "not set up", never
 * "closed": nothing may call a caller's time after hours, or wait for an opening that does not exist.
 */
export function hasWeeklyHours(schedule: Pick<Schedule, "shifts">): boolean {
  return schedule.shifts.length > 0;
}

export function isOpenAt(schedule: Schedule, at: Date): boolean {
  const local = localTime(at, schedule.timezone);
  if (shiftsOn(schedule, local.day).some((s) => local.minute >= s.opens && local.minute < s.closes)) return true;
  // A shift of yesterday that runs past midnight (closes > 1440).
  return shiftsOn(schedule, addDays(local.day, -1)).some((s) => s.closes > 1440 && local.minute + 1440 < s.closes);
}

/** Closed now, but open earlier today and again later today: the lunch / turnover gap. */
export function isBetweenShifts(schedule: Schedule, at: Date): boolean {
  if (isOpenAt(schedule, at)) return false;
  const local = localTime(at, schedule.timezone);
  const shifts = shiftsOn(schedule, local.day);
  return shifts.some((s) => s.closes <= local.minute) && shifts.some((s) => s.opens > local.minute);
}

/** The UTC instant of a wall-clock minute on a local day (DST-safe: corrects by the offset twice). */
export function zonedInstant(day: string, minute: number, timezone: string): Date {
  const wall = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), Math.floor(minute / 60), minute % 60);
  let guess = wall;
  for (let i = 0; i < 2; i++) {
    const local = localTime(new Date(guess), timezone);
    const localWall = Date.UTC(Number(local.day.slice(0, 4)), Number(local.day.slice(5, 7)) - 1, Number(local.day.slice(8, 10)), Math.floor(local.minute / 60), local.minute % 60);
    guess += wall - localWall;
  }
  return new Date(guess);
}

/** The next moment the location opens after `at` (or `at` itself when open), within 30 days. */
export function nextOpening(schedule: Schedule, at: Date): Date | null {
  if (isOpenAt(schedule, at)) return at;
  const today = localTime(at, schedule.timezone).day;
  for (let offset = 0; offset <= 30; offset++) {
    const day = addDays(today, offset);
    for (const shift of shiftsOn(schedule, day)) {
      const opensAt = zonedInstant(day, shift.opens, schedule.timezone);
      if (opensAt.getTime() > at.getTime()) return opensAt;
    }
  }
  return null;
}
