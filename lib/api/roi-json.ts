// The ROI dashboard's figures as the read API answers them (GET /api/v1/roi): snake_case, rates
// as fractions 0–1 (null when there is nothing to divide by), money in integer cents, and time to
// text as the bounds of its histogram bucket. Pure: no I/O.
import type { Actuals } from "@/lib/roi/actuals";
import type { MonthActuals, RoiDashboard } from "@/lib/roi/dashboard-data";
import { RESPONSE_BUCKETS } from "@/lib/roi/response-buckets";

/** The bucket holding a percentile: more than `more_than` and at most `at_most` seconds (null: over the last bound). */
export type SecondsBounds = { more_than: number; at_most: number | null } | null;

export function secondsBounds(upper: number | null): SecondsBounds {
  if (upper === null) return null;
  const index = RESPONSE_BUCKETS.findIndex((bound) => bound === upper);
  const lower = index > 0 ? RESPONSE_BUCKETS[index - 1]! : 0;
  return { more_than: lower, at_most: Number.isFinite(upper) ? upper : null };
}

export function actualsJson(a: Actuals) {
  return {
    inbound_calls: a.inboundCalls,
    answered_calls: a.answeredCalls,
    spam_calls: a.spamCalls,
    missed_calls: a.missedCalls,
    after_hours_missed: a.afterHoursMissed,
    after_hours_captured: a.afterHoursCaptured,
    texted_calls: a.textedCalls,
    texted_within_60s: a.textedWithin60s,
    re_engaged: a.reEngaged,
    recovered: a.recovered,
    recovered_cents: a.recoveredCents,
    bookings: a.bookings,
    booked_value_cents: a.bookedValueCents,
    leak_sources: { ...a.leak },
    answered_live_rate: a.answeredLiveRate,
    missed_rate: a.missedRate,
    texted_within_60s_rate: a.textedWithin60sRate,
    re_engaged_rate: a.reEngagedRate,
    recovered_rate: a.recoveredRate,
    /** Deprecated alias of `re_engaged_rate`, kept so /v1 clients written before issue 13 keep working. */
    recovery_rate: a.reEngagedRate,
    book_rate: a.bookRate,
    after_hours_captured_rate: a.afterHoursCapturedRate,
    median_seconds_to_text: secondsBounds(a.medianSecondsToText),
    p90_seconds_to_text: secondsBounds(a.p90SecondsToText),
  };
}

/** A month of the range: which days it covers, and `partial` when that is not the whole (finished) month. */
function monthJson(m: MonthActuals) {
  return { month: m.month, first_day: m.span.from, last_day: m.span.to, partial: m.span.partial, ...actualsJson(m.actuals) };
}

export function roiJson(d: RoiDashboard) {
  return {
    range: { from: d.range.from, to: d.range.to, location_id: d.range.locationId },
    attribution_window_days: d.attributionWindowDays,
    totals: actualsJson(d.totals),
    by_month: d.byMonth.map(monthJson),
    by_location: d.byLocation.map((l) => ({
      location_id: l.locationId,
      name: l.name,
      ...actualsJson(l.actuals),
      by_month: l.byMonth.map(monthJson),
    })),
    benchmarks: d.benchmarks.map((b) => ({ metric: b.metric, baseline: b.baseline, target: b.target, value: b.value, meets_target: b.meetsTarget })),
    forecast_inputs_measured: {
      months: d.measuredMonths,
      monthly_calls: d.measured.monthlyCalls,
      missed_rate_pct: d.measured.missedRatePct,
      re_engaged_rate_pct: d.measured.recoveryRatePct,
      /** Deprecated alias of `re_engaged_rate_pct` (see `recovery_rate`). */
      recovery_rate_pct: d.measured.recoveryRatePct,
      book_rate_pct: d.measured.bookRatePct,
      client_value_cents: Math.round(d.measured.clientValue * 100),
    },
  };
}
