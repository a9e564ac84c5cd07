// Which days of a calendar month a range covers, and whether its figures are a whole month: a
// month only partly inside the range, or one that is not over yet, is partial and says so
// wherever it is shown (docs/roi.md "Partial month"). Pure: no I/O.
import type { RoiRange } from "./range";

export type MonthSpan = {
  /** "2026-11" */
  month: string;
  /** First and last local day of the month the figures cover ("2026-11-01", "2026-11-26"). */
  from: string;
  to: string;
  /** Days covered, and days in the month. */
  days: number;
  daysInMonth: number;
  /** Fewer days than the whole month, or the month is not over yet. */
  partial: boolean;
  /** The month holds today: the days covered run "so far". */
  current: boolean;
};

const dayOf = (day: string) => Number(day.slice(8, 10));

export function lastDayOfMonth(month: string): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
}

/** The part of `month` inside the range, cut at today (days after today have no records yet). */
export function monthSpan(month: string, range: Pick<RoiRange, "from" | "to">, today: string): MonthSpan {
  const first = `${month}-01`;
  const last = lastDayOfMonth(month);
  const from = range.from > first ? range.from : first;
  const endOfRange = range.to < last ? range.to : last;
  const to = today < endOfRange && today >= from ? today : endOfRange;
  const current = today.slice(0, 7) === month;
  const days = dayOf(to) - dayOf(from) + 1;
  const daysInMonth = dayOf(last);
  return { month, from, to, days, daysInMonth, partial: days < daysInMonth || today <= last, current };
}
