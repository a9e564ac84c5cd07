// The ROI rollup (stats_days) and the dashboard's one read. Triggers (migration 0005) mark the
// instants a write touches; `refreshRollups` recomputes exactly those location-days from the raw
// records with the definitions of roi-facts.ts, so the rollup always equals a recount.
import { and, asc, eq, getTableColumns, gte, lte, sql, type SQL } from "drizzle-orm";
import { groupRows, measuredForecastInput, missedHeatmap, monthOf, sumRows, type RollupRow } from "@/lib/roi/actuals";
import { benchmarkRows } from "@/lib/roi/benchmarks";
import type { RoiDashboard } from "@/lib/roi/dashboard-data";
import { monthSpan } from "@/lib/roi/months";
import { daysBetween, localDay, monthsOf, type RoiRange } from "@/lib/roi/range";
import { RESPONSE_BUCKETS } from "@/lib/roi/response-buckets";
import { resolveDb, rowsOf, type Executor } from "../client";
import { locations, organizations, statsDays } from "../schema";
import { callFacts, callsInRange, countArray, countedBooking } from "./roi-facts";

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** The rollup's columns, each as an aggregate over call facts `f` (null rows from a left join count 0). */
const AGGREGATES: [column: string, aggregate: SQL][] = [
  ["inbound_calls", sql`count(f.id)::int`],
  ["answered_calls", sql`(count(*) filter (where f.answered))::int`],
  ["spam_calls", sql`(count(*) filter (where f.is_spam))::int`],
  ["missed_calls", sql`(count(*) filter (where f.missed))::int`],
  ["after_hours_missed", sql`(count(*) filter (where f.missed and f.leak_source = 'after_hours'))::int`],
  [
    "after_hours_captured",
    sql`(count(*) filter (where f.missed and f.leak_source = 'after_hours' and (f.texted_at is not null or f.called_back or f.recovered_booking_id is not null)))::int`,
  ],
  ["texted_calls", sql`(count(*) filter (where f.missed and f.texted_at is not null))::int`],
  ["texted_within60s", sql`(count(*) filter (where f.missed and f.response_seconds <= 60))::int`],
  ["re_engaged", sql`(count(*) filter (where f.missed and f.re_engaged))::int`],
  ["recovered", sql`(count(f.recovered_booking_id))::int`],
  ["recovered_cents", sql`coalesce(sum(f.recovered_cents), 0)::int`],
  ["leak_peak_overflow", sql`(count(*) filter (where f.missed and f.leak_source = 'peak_overflow'))::int`],
  ["leak_after_hours", sql`(count(*) filter (where f.missed and f.leak_source = 'after_hours'))::int`],
  ["leak_lunch_gap", sql`(count(*) filter (where f.missed and f.leak_source = 'lunch_gap'))::int`],
  ["leak_hold_abandon", sql`(count(*) filter (where f.missed and f.leak_source = 'hold_abandon'))::int`],
  ["leak_other", sql`(count(*) filter (where f.missed and (f.leak_source = 'other' or f.leak_source is null)))::int`],
  ["missed_by_hour", countArray(HOURS.map((h) => sql`f.missed and f.hour = ${sql.raw(String(h))}`))],
  [
    "response_histogram",
    countArray(
      RESPONSE_BUCKETS.map((upper, i) => {
        const lower = i === 0 ? null : RESPONSE_BUCKETS[i - 1];
        const above = lower === null || lower === undefined ? sql`true` : sql`f.response_seconds > ${sql.raw(String(lower))}`;
        const below = Number.isFinite(upper) ? sql`f.response_seconds <= ${sql.raw(String(upper))}` : sql`true`;
        return sql`f.missed and f.response_seconds is not null and ${above} and ${below}`;
      }),
    ),
  ],
];
const COLUMNS = sql.raw([...AGGREGATES.map(([c]) => c), "bookings", "booked_value_cents"].join(", "));
const SELECTS = sql.join(
  AGGREGATES.map(([column, aggregate]) => sql`${aggregate} as ${sql.raw(column)}`),
  sql`, `,
);

/**
 * Recomputes every location-day marked dirty since the last refresh, in one statement (the dirty
 * marks are consumed in the same transaction, so a failure leaves them for the next try). Returns
 * how many location-days were rewritten.
 */
export async function refreshRollups(now: Date = new Date(), ex?: Executor): Promise<number> {
  const db = await resolveDb(ex);
  const result = await db.execute(refreshStatement(now));
  return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
}

export function refreshStatement(now: Date): SQL {
  return sql`
    with taken as (delete from stats_dirty returning location_id, from_at, to_at),
    spans as (
      select t.location_id, l.org_id, l.timezone,
        (t.from_at at time zone l.timezone)::date as first_day,
        (least(t.to_at, ${now.toISOString()}::timestamptz + interval '1 day') at time zone l.timezone)::date as last_day
      from taken t join locations l on l.id = t.location_id
    ),
    keys as (
      select distinct s.location_id, s.org_id, s.timezone, g.day::date as day
      from spans s, generate_series(s.first_day, s.last_day, interval '1 day') g(day)
    ),
    source as materialized (
      select c.id, c.org_id, c.location_id, c.contact_id, c.disposition, c.leak_source, c.started_at, c.ended_at,
        k.day, k.timezone, o.attribution_window_days as window_days
      from keys k
      join organizations o on o.id = k.org_id
      -- Lateral: one index range scan per dirty day, never a walk over every call of the location.
      cross join lateral (
        select * from calls c0
        where c0.location_id = k.location_id and c0.direction = 'inbound' and not c0.is_test
          and c0.started_at >= k.day::timestamp at time zone k.timezone
          and c0.started_at < (k.day + 1)::timestamp at time zone k.timezone
        offset 0
      ) c
    ),
    facts as (${callFacts(sql`select * from source`)}),
    booked as (
      select k.location_id, k.day, count(b.id)::int as n, coalesce(sum(b.value_cents), 0)::int as cents
      from keys k cross join lateral (
        select b0.id, b0.value_cents from bookings b0
        where b0.location_id = k.location_id and ${countedBooking("b0")}
          and b0.created_at >= k.day::timestamp at time zone k.timezone
          and b0.created_at < (k.day + 1)::timestamp at time zone k.timezone
        offset 0
      ) b
      group by k.location_id, k.day
    ),
    written as (
      insert into stats_days (location_id, day, org_id, ${COLUMNS}, refreshed_at)
      select k.location_id, k.day, k.org_id, ${SELECTS}, coalesce(bk.n, 0), coalesce(bk.cents, 0), now()
      from keys k
      left join facts f on f.location_id = k.location_id and f.day = k.day
      left join booked bk on bk.location_id = k.location_id and bk.day = k.day
      group by k.location_id, k.day, k.org_id, bk.n, bk.cents
      on conflict (location_id, day) do update set
        ${sql.raw([...AGGREGATES.map(([c]) => c), "bookings", "booked_value_cents", "refreshed_at"].map((c) => `${c} = excluded.${c}`).join(", "))}
      returning 1
    )
    select count(*)::int as n from written`;
}

/** Rollup rows of an organization for local days [from, to], optionally one location. */
export async function loadRollupRows({ orgId, from, to, locationId }: { orgId: string; from: string; to: string; locationId: string | null }, ex?: Executor): Promise<RollupRow[]> {
  const db = await resolveDb(ex);
  const { orgId: _org, refreshedAt: _refreshed, ...columns } = getTableColumns(statsDays);
  return db
    .select(columns)
    .from(statsDays)
    .where(and(eq(statsDays.orgId, orgId), gte(statsDays.day, from), lte(statsDays.day, to), locationId ? eq(statsDays.locationId, locationId) : undefined))
    .orderBy(asc(statsDays.day));
}

/**
 * The same figures as the rollup, counted straight from the raw records (no rollup): the
 * reference the rollup is tested against, and what a one-off audit runs.
 */
export async function recountFromRecords(range: { orgId: string; from: string; to: string; locationId: string | null }, ex?: Executor): Promise<RollupRow[]> {
  const db = await resolveDb(ex);
  const result = await db.execute(sql`
    with facts as (${callFacts(callsInRange(range))}),
    per_day as (
      select f.location_id, f.day, ${SELECTS} from facts f group by f.location_id, f.day
    ),
    booked as (
      select b.location_id, (b.created_at at time zone l.timezone)::date as day, count(*)::int as n, sum(b.value_cents)::int as cents
      from bookings b join locations l on l.id = b.location_id
      where b.org_id = ${range.orgId} and ${countedBooking("b")}
        ${range.locationId ? sql`and b.location_id = ${range.locationId}` : sql``}
        and b.created_at >= (${range.from}::date)::timestamp at time zone l.timezone
        and b.created_at < (${range.to}::date + 1)::timestamp at time zone l.timezone
      group by 1, 2
    )
    select coalesce(p.location_id, bk.location_id) as location_id, to_char(coalesce(p.day, bk.day), 'YYYY-MM-DD') as day, p.*,
      coalesce(bk.n, 0) as bookings, coalesce(bk.cents, 0) as booked_value_cents
    from per_day p full join booked bk on bk.location_id = p.location_id and bk.day = p.day`);
  return rowsOf<Record<string, unknown>>(result).map(rowFromSql);
}

function rowFromSql(r: Record<string, unknown>): RollupRow {
  const n = (key: string) => Number(r[key] ?? 0);
  const arr = (key: string, length: number) => (Array.isArray(r[key]) ? (r[key] as unknown[]).map(Number) : Array.from({ length }, () => 0));
  return {
    locationId: String(r.location_id),
    day: String(r.day),
    inboundCalls: n("inbound_calls"),
    answeredCalls: n("answered_calls"),
    spamCalls: n("spam_calls"),
    missedCalls: n("missed_calls"),
    afterHoursMissed: n("after_hours_missed"),
    afterHoursCaptured: n("after_hours_captured"),
    textedCalls: n("texted_calls"),
    textedWithin60s: n("texted_within60s"),
    reEngaged: n("re_engaged"),
    recovered: n("recovered"),
    recoveredCents: n("recovered_cents"),
    bookings: n("bookings"),
    bookedValueCents: n("booked_value_cents"),
    leakPeakOverflow: n("leak_peak_overflow"),
    leakAfterHours: n("leak_after_hours"),
    leakLunchGap: n("leak_lunch_gap"),
    leakHoldAbandon: n("leak_hold_abandon"),
    leakOther: n("leak_other"),
    missedByHour: arr("missed_by_hour", 24),
    responseHistogram: arr("response_histogram", RESPONSE_BUCKETS.length),
  };
}

/** Today in the organization's first location's timezone: the default range ends here. */
export async function organizationToday({ orgId, now = new Date() }: { orgId: string; now?: Date }, ex?: Executor): Promise<string> {
  const db = await resolveDb(ex);
  const [first] = await db.select({ timezone: locations.timezone }).from(locations).where(eq(locations.orgId, orgId)).orderBy(asc(locations.createdAt), asc(locations.id)).limit(1);
  return localDay(now, first?.timezone ?? "UTC");
}

/** One figure's context for the list behind it: the range's totals and the locations, without the charts. */
export async function loadRangeTotals({ orgId, range, now = new Date() }: { orgId: string; range: RoiRange; now?: Date }, ex?: Executor) {
  const db = await resolveDb(ex);
  await refreshRollups(now, db);
  const locs = await db.select({ id: locations.id, name: locations.name }).from(locations).where(eq(locations.orgId, orgId)).orderBy(asc(locations.name));
  const locationId = range.locationId && locs.some((l) => l.id === range.locationId) ? range.locationId : null;
  const rows = await loadRollupRows({ orgId, from: range.from, to: range.to, locationId }, db);
  return { range: { ...range, locationId }, locations: locs, totals: sumRows(rows) };
}

/** Everything the dashboard shows for a range: one refresh, one rollup read, sums in memory. */
export async function loadRoiDashboard({ orgId, range, now = new Date() }: { orgId: string; range: RoiRange; now?: Date }, ex?: Executor): Promise<RoiDashboard> {
  const db = await resolveDb(ex);
  await refreshRollups(now, db);
  const [org] = await db.select({ attributionWindowDays: organizations.attributionWindowDays }).from(organizations).where(eq(organizations.id, orgId));
  const locs = await db.select({ id: locations.id, name: locations.name }).from(locations).where(eq(locations.orgId, orgId)).orderBy(asc(locations.name));
  const locationId = range.locationId && locs.some((l) => l.id === range.locationId) ? range.locationId : null;
  const today = await organizationToday({ orgId, now }, db);
  const all = await loadRollupRows({ orgId, from: range.from, to: range.to, locationId: null }, db);

  const inRange = all.filter((r) => !locationId || r.locationId === locationId);
  const totals = sumRows(inRange);
  const spans = monthsOf(range).map((month) => monthSpan(month, range, today));
  const perMonth = (rows: RollupRow[]) => {
    const byKey = groupRows(rows, (r) => monthOf(r.day));
    return spans.map((span) => ({ month: span.month, actuals: byKey.get(span.month) ?? sumRows([]), span }));
  };
  const byLocation = locs.map((l) => {
    const rows = all.filter((r) => r.locationId === l.id);
    return { locationId: l.id, name: l.name, actuals: sumRows(rows), byMonth: perMonth(rows) };
  });

  const measuredMonths = Math.max(1, Math.round(((daysBetween(range.from, range.to) + 1) / 30.4) * 10) / 10);
  return {
    range: { ...range, locationId },
    today,
    locations: locs,
    attributionWindowDays: org?.attributionWindowDays ?? 14,
    totals,
    byMonth: perMonth(inRange),
    byLocation,
    heatmap: missedHeatmap(inRange),
    measured: measuredForecastInput(totals, measuredMonths),
    measuredMonths,
    benchmarks: benchmarkRows(totals),
  };
}
