// The ROI definitions, once, in SQL: what each inbound call counts as (missed, spam, texted and how
// fast, re-engaged, recovered…). The rollup refresh groups these facts by location and day; the
// drill-down lists filter them; tests compare both with the raw records. See docs/roi.md.
import { sql, type SQL } from "drizzle-orm";
import { OPT_OUT_WORDS } from "@/lib/messaging/opt-out";
import { KEPT_BOOKING_STATUSES } from "@/lib/roi/counting";

/** Dispositions that mean nobody picked up (lib/telephony/call-event.ts MISSED_DISPOSITIONS). */
export const MISSED_SQL = sql.raw(`('missed', 'voicemail', 'abandoned', 'busy', 'failed')`);
/** Texts that never reached the caller are not a text-back. */
const NOT_SENT_SQL = sql.raw(`('pending', 'canceled', 'failed', 'undelivered')`);
/** Bookings that are revenue: made and kept (no-shows and cancellations are not). */
export const KEPT_BOOKING_SQL = sql.raw(`(${KEPT_BOOKING_STATUSES.map((s) => `'${s}'`).join(", ")})`);

/** Booking `alias` counts: kept, and not the test caller's (test events are never counted). */
export function countedBooking(alias: string): SQL {
  const b = sql.raw(alias);
  return sql`${b}.status in ${KEPT_BOOKING_SQL} and not exists (select 1 from contacts tc where tc.id = ${b}.contact_id and tc.is_test)`;
}
const STOP_WORDS = sql.raw(`array[${[...OPT_OUT_WORDS].map((w) => `'${w}'`).join(", ")}]`);

/**
 * Calls as `source` rows (columns: id, org_id, location_id, contact_id, disposition, leak_source,
 * started_at, ended_at, day, timezone, window_days) → one row of facts per call.
 */
export function callFacts(source: SQL): SQL {
  return sql`
    select s.id, s.org_id, s.location_id, s.contact_id, s.day, s.started_at, s.disposition, s.leak_source,
      extract(hour from s.started_at at time zone s.timezone)::int as hour,
      s.disposition = 'answered' as answered,
      spam.is_spam,
      (s.disposition in ${MISSED_SQL} and not spam.is_spam) as missed,
      tb.sent_at as texted_at,
      extract(epoch from tb.sent_at - coalesce(s.ended_at, s.started_at))::float8 as response_seconds,
      eng.re_engaged,
      rb.id as recovered_booking_id,
      rb.value_cents as recovered_cents,
      cb.called_back
    from (${source}) s
    left join contacts ct on ct.id = s.contact_id
    cross join lateral (
      select coalesce(ct.kind = 'spam', false)
        or exists (select 1 from events e where e.call_id = s.id and e.type = 'text_skipped' and e.reason in ('spam', 'spam_pattern')) as is_spam
    ) spam
    left join lateral (
      select m.sent_at, m.created_at from messages m
      where m.call_id = s.id and m.automated and m.sent_at is not null and m.status not in ${NOT_SENT_SQL}
      order by m.sent_at limit 1
    ) tb on true
    left join lateral (
      -- Engagement belongs to the latest text-back before it: the window ends at the next one.
      select least(
        tb.sent_at + make_interval(days => s.window_days),
        (select n.created_at from messages n
          where n.contact_id = s.contact_id and n.created_at > tb.created_at and n.automated and n.call_id is not null
          order by n.created_at limit 1)
      ) as until
      where tb.sent_at is not null
    ) win on true
    cross join lateral (
      select win.until is not null and (
        exists (select 1 from messages r
          where r.contact_id = s.contact_id and r.direction = 'inbound' and r.created_at > tb.sent_at and r.created_at <= win.until
            and upper(regexp_replace(btrim(r.body), '[.!]+$', '')) <> all (${STOP_WORDS}))
        or exists (select 1 from tracked_links l join link_clicks k on k.link_id = l.id
          where l.contact_id = s.contact_id and k.clicked_at > tb.sent_at and k.clicked_at <= win.until)
      ) as re_engaged
    ) eng
    left join lateral (
      -- Recovered: the first kept booking attributed to this missed call, within the window, after
      -- our text-back, a reply or a tap on the link. One per call, so each caller counts once.
      select b.id, b.value_cents from bookings b
      where s.disposition in ${MISSED_SQL} and not spam.is_spam
        and b.call_id = s.id and b.status in ${KEPT_BOOKING_SQL}
        and b.created_at > s.started_at and b.created_at <= s.started_at + make_interval(days => s.window_days)
        and (tb.sent_at < b.created_at
          or exists (select 1 from messages r where r.contact_id = s.contact_id and r.direction = 'inbound' and r.created_at > s.started_at and r.created_at < b.created_at)
          or exists (select 1 from tracked_links l join link_clicks k on k.link_id = l.id
            where l.contact_id = s.contact_id and k.clicked_at > s.started_at and k.clicked_at < b.created_at))
      order by b.created_at, b.id limit 1
    ) rb on true
    cross join lateral (
      select exists (select 1 from callbacks c2 where c2.call_id = s.id and c2.status = 'done' and c2.outcome in ('reached', 'booked')) as called_back
    ) cb`;
}

/** The inbound calls of an organization whose local day (in their location's timezone) is in [from, to]; test calls never count. */
export function callsInRange({ orgId, from, to, locationId }: { orgId: string; from: string; to: string; locationId: string | null }): SQL {
  return sql`
    select c.id, c.org_id, c.location_id, c.contact_id, c.disposition, c.leak_source, c.started_at, c.ended_at,
      (c.started_at at time zone l.timezone)::date as day, l.timezone, o.attribution_window_days as window_days
    from locations l
    join organizations o on o.id = l.org_id
    join calls c on c.location_id = l.id and c.direction = 'inbound' and not c.is_test
      and c.started_at >= (${from}::date)::timestamp at time zone l.timezone
      and c.started_at < (${to}::date + 1)::timestamp at time zone l.timezone
    where l.org_id = ${orgId} ${locationId ? sql`and l.id = ${locationId}` : sql``}`;
}

/** Per-hour and per-bucket arrays as SQL: array[count(*) filter (where …), …]. */
export function countArray(conditions: SQL[]): SQL {
  return sql`array[${sql.join(
    conditions.map((c) => sql`(count(*) filter (where ${c}))::int`),
    sql`, `,
  )}]::int[]`;
}
