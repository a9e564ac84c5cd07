// A page of calls for the read API and the calls CSV, with what the dashboard counts each call as
// (the facts of roi-facts.ts, so the export sums to the dashboard's figures for the same range) and
// what Rebound did (the call log's first decision). Test calls are never exported. Keyset pages on
// (started_at, id), oldest first; the facts are computed for the page's rows only.
import { sql, type SQL } from "drizzle-orm";
import type { Call } from "../schema";
import { resolveDb, rowsOf, type Executor } from "../client";
import type { ExportPageInput } from "./exports";
import { callFacts } from "./roi-facts";

const DAY_MS = 86_400_000;
const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`);
const DECISIONS = sql.raw(`('text_queued', 'text_skipped')`);

export type CallExportRow = Pick<
  Call,
  "id" | "locationId" | "contactId" | "fromNumber" | "toNumber" | "direction" | "disposition" | "leakSource" | "startedAt" | "endedAt" | "durationSeconds"
> & {
  cursorAt: string;
  locationName: string;
  timezone: string;
  contactName: string | null;
  hasVoicemail: boolean;
  /** The dashboard's figures this call counts in (lib/roi/glossary.ts). */
  isSpam: boolean;
  missedCall: boolean;
  textedBack: boolean;
  reEngaged: boolean;
  recovered: boolean;
  recoveredCents: number | null;
  /** The call log's decision: text_queued / text_skipped, its situation or reason, and whether a callback opened. */
  decision: string | null;
  decisionReason: string | null;
  callbackCreated: boolean;
};

/** The range of local days, as the dashboard reads it (a constant bound a day wider keeps the index in play). */
function inRange(range: ExportPageInput["range"]): SQL {
  return sql.join(
    [
      range.locationId ? sql`and c.location_id = ${range.locationId}` : sql``,
      range.from ? sql`and c.started_at >= ${new Date(dayStart(range.from) - DAY_MS).toISOString()}::timestamptz` : sql``,
      range.from ? sql`and c.started_at >= (${range.from}::date)::timestamp at time zone l.timezone` : sql``,
      range.to ? sql`and c.started_at < ${new Date(dayStart(range.to) + 2 * DAY_MS).toISOString()}::timestamptz` : sql``,
      range.to ? sql`and c.started_at < (${range.to}::date + 1)::timestamp at time zone l.timezone` : sql``,
    ],
    sql` `,
  );
}

const asDate = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));
const asDateOrNull = (value: unknown): Date | null => (value === null || value === undefined ? null : asDate(value));

export async function listCallsPage({ orgId, range, after, limit }: ExportPageInput, ex?: Executor): Promise<CallExportRow[]> {
  const db = await resolveDb(ex);
  const result = await db.execute(sql`
    with page as materialized (
      select c.id, c.org_id, c.location_id, c.contact_id, c.disposition, c.leak_source, c.started_at, c.ended_at,
        (c.started_at at time zone l.timezone)::date as day, l.timezone, o.attribution_window_days as window_days
      from calls c
      join locations l on l.id = c.location_id
      join organizations o on o.id = c.org_id
      where c.org_id = ${orgId} and not c.is_test ${inRange(range)}
        ${after ? sql`and (c.started_at, c.id) > (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
      order by c.started_at, c.id
      limit ${limit}
    )
    select c.id, c.location_id, l.name as location_name, l.timezone, c.contact_id, ct.name as contact_name, c.from_number, c.to_number,
      c.direction, c.disposition, c.leak_source, c.started_at, c.ended_at, c.duration_seconds, c.voicemail_url is not null as has_voicemail,
      to_char(c.started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at,
      f.is_spam,
      (c.direction = 'inbound' and f.missed) as missed_call,
      (c.direction = 'inbound' and f.missed and f.texted_at is not null) as texted_back,
      (c.direction = 'inbound' and f.missed and f.re_engaged) as re_engaged,
      (c.direction = 'inbound' and f.recovered_booking_id is not null) as recovered,
      case when c.direction = 'inbound' then f.recovered_cents end as recovered_cents,
      d.decision, d.decision_reason, d.callback_created
    from (${callFacts(sql`select * from page`)}) f
    join calls c on c.id = f.id
    join locations l on l.id = c.location_id
    left join contacts ct on ct.id = c.contact_id
    cross join lateral (
      select (array_agg(e.type order by e.id) filter (where e.type in ${DECISIONS}))[1] as decision,
        (array_agg(e.reason order by e.id) filter (where e.type in ${DECISIONS}))[1] as decision_reason,
        coalesce(bool_or(e.type = 'callback_created'), false) as callback_created
      from events e where e.call_id = c.id and e.org_id = ${orgId}
    ) d
    order by c.started_at, c.id`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    id: String(r.id),
    cursorAt: String(r.cursor_at),
    locationId: String(r.location_id),
    locationName: String(r.location_name),
    timezone: String(r.timezone),
    contactId: r.contact_id ? String(r.contact_id) : null,
    contactName: r.contact_name ? String(r.contact_name) : null,
    fromNumber: String(r.from_number),
    toNumber: String(r.to_number),
    direction: r.direction as Call["direction"],
    disposition: r.disposition as Call["disposition"],
    leakSource: (r.leak_source ?? null) as Call["leakSource"],
    startedAt: asDate(r.started_at),
    endedAt: asDateOrNull(r.ended_at),
    durationSeconds: r.duration_seconds === null || r.duration_seconds === undefined ? null : Number(r.duration_seconds),
    hasVoicemail: Boolean(r.has_voicemail),
    isSpam: Boolean(r.is_spam),
    missedCall: Boolean(r.missed_call),
    textedBack: Boolean(r.texted_back),
    reEngaged: Boolean(r.re_engaged),
    recovered: Boolean(r.recovered),
    recoveredCents: r.recovered_cents === null || r.recovered_cents === undefined ? null : Number(r.recovered_cents),
    decision: r.decision ? String(r.decision) : null,
    decisionReason: r.decision_reason ? String(r.decision_reason) : null,
    callbackCreated: Boolean(r.callback_created),
  }));
}
