// Shapes RoiDashboard numbers into the rows each chart draws, and the one-line finding each chart
// states in words (so nothing is told by colour alone). Pure: no I/O, no React.
import { LEAK_SOURCES, type Actuals, type LeakSourceName } from "@/lib/roi/actuals";
import type { MonthActuals } from "@/lib/roi/dashboard-data";
import { term } from "@/lib/roi/glossary";
import { RESPONSE_BUCKETS } from "@/lib/roi/response-buckets";
import { monthLabel, shortMonthLabel } from "./format";

export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/** "9 am", "12 pm", "11 pm". */
export function hourName(hour: number): string {
  const h = hour % 12 === 0 ? 12 : hour % 12;
  return `${h} ${hour < 12 ? "am" : "pm"}`;
}

/** Evenings and early mornings: before 9 am or from 6 pm. */
export const isOffHour = (hour: number) => hour < 9 || hour >= 18;
export const isWeekend = (weekday: number) => weekday === 0 || weekday === 6;

export type HeatmapSummary = {
  total: number;
  max: number;
  /** Missed calls on weekends or on weekday evenings/early mornings. */
  eveningsAndWeekends: number;
  peak: { weekday: number; hour: number; count: number } | null;
};

export function summarizeHeatmap(grid: readonly (readonly number[])[]): HeatmapSummary {
  let total = 0;
  let max = 0;
  let eveningsAndWeekends = 0;
  let peak: HeatmapSummary["peak"] = null;
  grid.forEach((hours, weekday) =>
    hours.forEach((n, hour) => {
      total += n;
      if (n > max) max = n;
      if (isWeekend(weekday) || isOffHour(hour)) eveningsAndWeekends += n;
      if (n > 0 && (!peak || n > peak.count)) peak = { weekday, hour, count: n };
    }),
  );
  return { total, max, eveningsAndWeekends, peak };
}

/** 0…4: which of five shades a cell gets (0 only for no calls at all). */
export function heatLevel(n: number, max: number): number {
  if (n <= 0 || max <= 0) return 0;
  return Math.min(4, Math.ceil((n / max) * 4));
}

export const LEAK_LABELS: Record<LeakSourceName, string> = {
  peak_overflow: "Desk busy (peak overflow)",
  after_hours: "After hours / closed",
  lunch_gap: "Lunch and turnover gaps",
  hold_abandon: "Hung up on hold",
  other: "Other",
};

/** The brief's typical shares of missed calls, in percent ("Where missed calls come from"). */
export const TYPICAL_LEAK_SHARES: Record<LeakSourceName, [number, number] | null> = {
  peak_overflow: [18, 28],
  after_hours: [30, 45],
  lunch_gap: [8, 15],
  hold_abandon: [6, 12],
  other: null,
};

export type LeakRow = {
  source: LeakSourceName;
  label: string;
  count: number;
  /** Percent of missed calls, one decimal. */
  share: number;
  typical: [number, number] | null;
  /** "above", "below" or "within" the typical range; null when there is no range or no calls. */
  versusTypical: "above" | "below" | "within" | null;
};

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

export function leakRows(leak: Actuals["leak"]): LeakRow[] {
  const total = LEAK_SOURCES.reduce((sum, s) => sum + leak[s], 0);
  return LEAK_SOURCES.map((source) => {
    const share = total > 0 ? oneDecimal((leak[source] / total) * 100) : 0;
    const typical = TYPICAL_LEAK_SHARES[source];
    const versusTypical = !typical || total === 0 ? null : share > typical[1] ? "above" : share < typical[0] ? "below" : "within";
    return { source, label: LEAK_LABELS[source], count: leak[source], share, typical, versusTypical };
  });
}

/** Bucket labels: "≤1 s", "1–2 s", … "10–20 min", "> 1 h". */
export function bucketLabel(index: number): string {
  const upper = RESPONSE_BUCKETS[index] ?? Number.POSITIVE_INFINITY;
  const lower = index === 0 ? 0 : (RESPONSE_BUCKETS[index - 1] ?? 0);
  const unit = (s: number) => (s >= 3600 ? `${s / 3600} h` : s >= 120 ? `${s / 60} min` : `${s} s`);
  if (!Number.isFinite(upper)) return `> ${unit(lower)}`;
  if (index === 0) return `≤${unit(upper)}`;
  const sameUnit = lower >= 120 === upper >= 120 && lower >= 3600 === upper >= 3600;
  return sameUnit ? `${unit(lower).split(" ")[0]}–${unit(upper)}` : `${unit(lower)}–${unit(upper)}`;
}

export type ResponseRow = { bucket: string; count: number; share: number; withinTarget: boolean };

/** One row per response bucket; `withinTarget` for texts sent at most 60 s after the call. */
export function responseRows(histogram: readonly number[]): ResponseRow[] {
  const total = histogram.reduce((sum, n) => sum + n, 0);
  return RESPONSE_BUCKETS.map((upper, i) => {
    const n = histogram[i] ?? 0;
    return { bucket: bucketLabel(i), count: n, share: total > 0 ? oneDecimal((n / total) * 100) : 0, withinTarget: upper <= 60 };
  });
}

export type FunnelStep = {
  stage: string;
  count: number;
  /** The stage before ("" for the first). */
  previousStage: string;
  /** Percent of the stage before, whole; null for the first stage or when the one before is empty. */
  ofPrevious: number | null;
};

/** Missed → texted back → re-engaged → recovered, with each step's conversion (the glossary's words). */
export function funnelSteps(actuals: Pick<Actuals, "missedCalls" | "textedCalls" | "reEngaged" | "recovered">): FunnelStep[] {
  const stages: [string, number][] = [
    [term("missed"), actuals.missedCalls],
    [term("textedBack"), actuals.textedCalls],
    [term("reEngaged"), actuals.reEngaged],
    [term("recovered"), actuals.recovered],
  ];
  return stages.map(([stage, n], i) => {
    const [previousStage, previous] = i === 0 ? ["", null] : stages[i - 1]!;
    return { stage, count: n, previousStage, ofPrevious: previous === null || previous === 0 ? null : Math.round((n / previous) * 100) };
  });
}

export type TrendRow = {
  month: string;
  /** The axis label: partial months starred. */
  label: string;
  /** Partial months are drawn hollow / hatched and named under the chart with their days. */
  partial: boolean;
  /** "Nov 2026 (1–26, partial)" for tooltips and the note. */
  name: string;
  missed: number;
  reEngaged: number;
  recovered: number;
  recoveredDollars: number;
  recoveredRate: number | null;
};

/**
 * One point per month of the range, from the first month with any call (months before the spa's
 * records are no data, not zero).
 */
export function trendRows(months: readonly MonthActuals[]): TrendRow[] {
  const first = months.findIndex(({ actuals }) => actuals.inboundCalls > 0);
  return (first === -1 ? [] : months.slice(first)).map(({ month, actuals, span }) => ({
    month,
    label: shortMonthLabel(span),
    partial: span.partial,
    name: monthLabel(span),
    missed: actuals.missedCalls,
    reEngaged: actuals.reEngaged,
    recovered: actuals.recovered,
    recoveredDollars: Math.round(actuals.recoveredCents / 100),
    recoveredRate: actuals.recoveredRate,
  }));
}

/** The sentence under the trend charts naming each partial month's days, or null when every month is whole. */
export function partialMonthsNote(rows: readonly TrendRow[]): string | null {
  const partial = rows.filter((r) => r.partial);
  if (partial.length === 0) return null;
  return `* Partial ${partial.length === 1 ? "month" : "months"}, not a whole month's figures: ${partial.map((r) => r.name.replace(", partial", "")).join("; ")}.`;
}
