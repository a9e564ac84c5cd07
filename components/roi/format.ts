// How the ROI page writes numbers: whole people, whole dollars, rounded percentages, and months
// named the way an owner says them (partial months say which days they cover, and that they are partial).
import type { MonthSpan } from "@/lib/roi/months";
import type { RoiRange } from "@/lib/roi/range";

export const count = (n: number) => n.toLocaleString("en-US");

/** A count with its noun, singular for exactly one: "1 missed call", "1,420 missed calls". */
export const counted = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

export const dollars = (cents: number) => (cents / 100).toLocaleString("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });

/** 0.2312 → "23%"; null (nothing to divide by) → "—". */
export const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)}%`);

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-09" → "Sep 2026". */
export function monthName(month: string): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return `${MONTHS[m - 1] ?? month} ${year}`;
}

/** "2026-09" → "Sep ’26" (chart axes). */
export function shortMonth(month: string): string {
  const m = Number(month.slice(5, 7));
  return `${MONTHS[m - 1] ?? month} ’${month.slice(2, 4)}`;
}

/** "1–26", "7" (one day), "1–7 so far" (the current month). */
export function spanDays(span: MonthSpan): string {
  const first = Number(span.from.slice(8));
  const last = Number(span.to.slice(8));
  return `${first === last ? first : `${first}–${last}`}${span.current ? " so far" : ""}`;
}

/** "Sep 2026"; a partial month says which days: "Nov 2026 (1–26, partial)", "Dec 2026 (1–7 so far, partial)". */
export function monthLabel(span: MonthSpan): string {
  return span.partial ? `${monthName(span.month)} (${spanDays(span)}, partial)` : monthName(span.month);
}

/** Chart axes: "Sep ’26", a partial month starred ("Nov ’26*") and explained under the chart. */
export function shortMonthLabel(span: MonthSpan): string {
  return `${shortMonth(span.month)}${span.partial ? "*" : ""}`;
}

/** "1 Sep 2026" for a day "2026-09-01". */
export function dayName(day: string): string {
  return `${Number(day.slice(8))} ${MONTHS[Number(day.slice(5, 7)) - 1] ?? ""} ${day.slice(0, 4)}`;
}

/** "1 Sep – 26 Nov 2026" (the year once when both ends share it). */
export function rangeName(range: Pick<RoiRange, "from" | "to">): string {
  const from = dayName(range.from);
  const to = dayName(range.to);
  if (range.from === range.to) return to;
  return range.from.slice(0, 4) === range.to.slice(0, 4) ? `${from.slice(0, -5)} – ${to}` : `${from} – ${to}`;
}
