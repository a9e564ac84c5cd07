// How the ROI page writes numbers: whole people, whole dollars, rounded percentages, and months
// named the way an owner says them (partial months of the range say which days they cover).
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

function lastDayOf(month: string): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
}

/** "Sep 2026", or "Nov 2026 (1–26)" when the range covers only part of the month. */
export function monthLabel(month: string, range: Pick<RoiRange, "from" | "to">): string {
  const first = `${month}-01`;
  const last = lastDayOf(month);
  const start = range.from > first ? range.from : first;
  const end = range.to < last ? range.to : last;
  if (start === first && end === last) return monthName(month);
  return `${monthName(month)} (${Number(start.slice(8))}–${Number(end.slice(8))})`;
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
