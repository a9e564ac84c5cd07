// Where the ROI page links: the list behind each number (/roi/list), the CSV exports, and the
// quick ranges of the filter. All carry the current range and location. Pure.
import type { ListMetric } from "@/lib/roi/metrics";
import { defaultRange, rangeQuery, type RoiRange } from "@/lib/roi/range";

export function listHref(metric: ListMetric, range: RoiRange): string {
  return `/roi/list?metric=${metric}&${rangeQuery(range)}`;
}

export const EXPORTS = [
  { file: "calls.csv", label: "Calls" },
  { file: "conversations.csv", label: "Conversations" },
  { file: "callbacks.csv", label: "Callbacks" },
  { file: "bookings.csv", label: "Bookings" },
] as const;

export function exportHref(file: (typeof EXPORTS)[number]["file"], range: RoiRange): string {
  return `/roi/export/${file}?${rangeQuery(range)}`;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export type QuickRange = { label: string; range: RoiRange };

/** "This month", "Last month", "Last 3 months" (the default), "Last 12 months", ending today. */
export function quickRanges(today: string, locationId: string | null): QuickRange[] {
  const [year, month] = today.split("-").map(Number) as [number, number];
  const monthStart = (back: number) => day(new Date(Date.UTC(year, month - 1 - back, 1)));
  return [
    { label: "This month", range: { from: monthStart(0), to: today, locationId } },
    { label: "Last month", range: { from: monthStart(1), to: day(new Date(Date.UTC(year, month - 1, 0))), locationId } },
    { label: "Last 3 months", range: { ...defaultRange(today), locationId } },
    { label: "Last 12 months", range: { from: monthStart(11), to: today, locationId } },
  ];
}

export const sameRange = (a: RoiRange, b: RoiRange) => a.from === b.from && a.to === b.to;

/** The current URL's query with the forecast's inputs set (other parameters kept, in order). */
export function withForecastQuery(current: string, forecastParams: string): string {
  const next = new URLSearchParams(current);
  for (const [key, value] of new URLSearchParams(forecastParams)) next.set(key, value);
  return next.toString();
}
