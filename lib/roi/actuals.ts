// The measured side of the ROI dashboard (issue 6): sums of the rollup rows (stats_days) for a
// range, per month and per location, with the rates an owner reads. Pure: no I/O.
import type { StatsDay } from "@/db/schema";
import { WORKED_EXAMPLE, type ForecastInput } from "./forecast";
import { addHistograms, emptyHistogram, histogramQuantile } from "./response-buckets";

export const LEAK_SOURCES = ["peak_overflow", "after_hours", "lunch_gap", "hold_abandon", "other"] as const;
export type LeakSourceName = (typeof LEAK_SOURCES)[number];

/** The counters of one or more rollup rows, summed. */
export type Counts = {
  inboundCalls: number;
  answeredCalls: number;
  spamCalls: number;
  /** Missed inbound calls, spam excluded. */
  missedCalls: number;
  afterHoursMissed: number;
  /** After-hours missed calls that got a text-back or a completed callback. */
  afterHoursCaptured: number;
  textedCalls: number;
  textedWithin60s: number;
  /** Texted calls whose caller replied or tapped the link before the next text-back (within the window). */
  reEngaged: number;
  /** Missed calls followed by a booking that passes the attribution rule (one per call). */
  recovered: number;
  recoveredCents: number;
  /** Every booking made in the range (any source), counted on the day it was made. */
  bookings: number;
  bookedValueCents: number;
  leak: Record<LeakSourceName, number>;
  /** Missed calls by local hour 0–23. */
  missedByHour: number[];
  responseHistogram: number[];
};

export type Actuals = Counts & {
  /** Share of calls answered by a person while open: answered ÷ (calls − spam − missed while closed). */
  answeredLiveRate: number | null;
  missedRate: number | null;
  textedWithin60sRate: number | null;
  /** Upper bound in seconds of the median / p90 bucket (lib/roi/response-buckets.ts). */
  medianSecondsToText: number | null;
  p90SecondsToText: number | null;
  /** re-engaged ÷ missed (lib/roi/glossary.ts "Re-engaged rate"; the forecast's second rate). */
  reEngagedRate: number | null;
  /** recovered ÷ missed ("Recovered rate"). */
  recoveredRate: number | null;
  /** recovered ÷ re-engaged: the forecast's "reply-to-book rate". */
  bookRate: number | null;
  afterHoursCapturedRate: number | null;
};

export type RollupRow = Pick<
  StatsDay,
  | "locationId"
  | "day"
  | "inboundCalls"
  | "answeredCalls"
  | "spamCalls"
  | "missedCalls"
  | "afterHoursMissed"
  | "afterHoursCaptured"
  | "textedCalls"
  | "textedWithin60s"
  | "reEngaged"
  | "recovered"
  | "recoveredCents"
  | "bookings"
  | "bookedValueCents"
  | "leakPeakOverflow"
  | "leakAfterHours"
  | "leakLunchGap"
  | "leakHoldAbandon"
  | "leakOther"
  | "missedByHour"
  | "responseHistogram"
>;

export function emptyCounts(): Counts {
  return {
    inboundCalls: 0,
    answeredCalls: 0,
    spamCalls: 0,
    missedCalls: 0,
    afterHoursMissed: 0,
    afterHoursCaptured: 0,
    textedCalls: 0,
    textedWithin60s: 0,
    reEngaged: 0,
    recovered: 0,
    recoveredCents: 0,
    bookings: 0,
    bookedValueCents: 0,
    leak: { peak_overflow: 0, after_hours: 0, lunch_gap: 0, hold_abandon: 0, other: 0 },
    missedByHour: Array.from({ length: 24 }, () => 0),
    responseHistogram: emptyHistogram(),
  };
}

export function addRow(into: Counts, row: RollupRow): Counts {
  into.inboundCalls += row.inboundCalls;
  into.answeredCalls += row.answeredCalls;
  into.spamCalls += row.spamCalls;
  into.missedCalls += row.missedCalls;
  into.afterHoursMissed += row.afterHoursMissed;
  into.afterHoursCaptured += row.afterHoursCaptured;
  into.textedCalls += row.textedCalls;
  into.textedWithin60s += row.textedWithin60s;
  into.reEngaged += row.reEngaged;
  into.recovered += row.recovered;
  into.recoveredCents += row.recoveredCents;
  into.bookings += row.bookings;
  into.bookedValueCents += row.bookedValueCents;
  into.leak.peak_overflow += row.leakPeakOverflow;
  into.leak.after_hours += row.leakAfterHours;
  into.leak.lunch_gap += row.leakLunchGap;
  into.leak.hold_abandon += row.leakHoldAbandon;
  into.leak.other += row.leakOther;
  addHistograms(into.missedByHour, row.missedByHour);
  addHistograms(into.responseHistogram, row.responseHistogram);
  return into;
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export function withRates(counts: Counts): Actuals {
  const openHoursCalls = counts.inboundCalls - counts.spamCalls - counts.afterHoursMissed;
  return {
    ...counts,
    answeredLiveRate: ratio(counts.answeredCalls, openHoursCalls),
    missedRate: ratio(counts.missedCalls, counts.inboundCalls - counts.spamCalls),
    textedWithin60sRate: ratio(counts.textedWithin60s, counts.textedCalls),
    medianSecondsToText: histogramQuantile(counts.responseHistogram, 0.5),
    p90SecondsToText: histogramQuantile(counts.responseHistogram, 0.9),
    reEngagedRate: ratio(counts.reEngaged, counts.missedCalls),
    recoveredRate: ratio(counts.recovered, counts.missedCalls),
    bookRate: ratio(counts.recovered, counts.reEngaged),
    afterHoursCapturedRate: ratio(counts.afterHoursCaptured, counts.afterHoursMissed),
  };
}

export function sumRows(rows: readonly RollupRow[]): Actuals {
  const counts = emptyCounts();
  for (const row of rows) addRow(counts, row);
  return withRates(counts);
}

/** "2026-09" for a rollup day "2026-09-14". */
export const monthOf = (day: string): string => day.slice(0, 7);

/** One Actuals per key, in key order. */
export function groupRows<K extends string>(rows: readonly RollupRow[], keyOf: (row: RollupRow) => K): Map<K, Actuals> {
  const groups = new Map<K, Counts>();
  for (const row of rows) {
    const key = keyOf(row);
    const counts = groups.get(key) ?? emptyCounts();
    groups.set(key, addRow(counts, row));
  }
  return new Map([...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, c]) => [k, withRates(c)]));
}

/** Missed calls by local weekday (0 = Sunday) × hour, for the heatmap. */
export function missedHeatmap(rows: readonly RollupRow[]): number[][] {
  const grid = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  for (const row of rows) {
    const weekday = new Date(`${row.day}T12:00:00Z`).getUTCDay();
    const line = grid[weekday];
    if (line) addHistograms(line, row.missedByHour);
  }
  return grid;
}

const pct = (rate: number | null, fallback: number) => (rate === null ? fallback : Math.round(rate * 1000) / 10);

/**
 * "Use my numbers": the forecast's inputs from the spa's own records over `months` months. Rates
 * the records cannot tell yet (nothing missed, nobody re-engaged) keep the worked example's value.
 */
export function measuredForecastInput(actuals: Actuals, months: number): ForecastInput {
  const valueCents = actuals.recovered > 0 ? actuals.recoveredCents / actuals.recovered : actuals.bookings > 0 ? actuals.bookedValueCents / actuals.bookings : null;
  return {
    monthlyCalls: Math.round((actuals.inboundCalls - actuals.spamCalls) / Math.max(months, 1)),
    missedRatePct: pct(actuals.missedRate, WORKED_EXAMPLE.missedRatePct),
    recoveryRatePct: pct(actuals.reEngagedRate, WORKED_EXAMPLE.recoveryRatePct),
    bookRatePct: pct(actuals.bookRate, WORKED_EXAMPLE.bookRatePct),
    clientValue: valueCents === null ? WORKED_EXAMPLE.clientValue : Math.round(valueCents / 100),
  };
}
