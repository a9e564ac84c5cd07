// "The list behind any number" of the ROI dashboard: the calls (or bookings) a figure counts, with
// the same definitions as the rollup (roi-facts.ts), newest first, one page at a time. The page's
// total comes from the rollup; this walks calls_location_id_started_at_index and stops at the page.
import { sql, type SQL } from "drizzle-orm";
import type { ListMetric } from "@/lib/roi/metrics";
import { resolveDb, rowsOf, type Executor } from "../client";
import { callFacts, callsInRange, countedBooking } from "./roi-facts";

type Range = { orgId: string; from: string; to: string; locationId: string | null };

export type MetricCallRow = {
  kind: "call";
  id: string;
  startedAt: Date;
  timezone: string;
  locationName: string;
  contactId: string | null;
  contactName: string | null;
  phone: string;
  disposition: string;
  leakSource: string | null;
  isSpam: boolean;
  responseSeconds: number | null;
  reEngaged: boolean;
  recoveredCents: number | null;
};

export type MetricBookingRow = {
  kind: "booking";
  id: string;
  createdAt: Date;
  timezone: string;
  locationName: string;
  contactId: string;
  contactName: string | null;
  phone: string;
  treatment: string;
  valueCents: number;
  status: string;
  callId: string | null;
};

const CONDITIONS: Record<Exclude<ListMetric, "bookings">, SQL> = {
  inbound: sql`true`,
  answered: sql`f.answered`,
  spam: sql`f.is_spam`,
  missed: sql`f.missed`,
  after_hours: sql`f.missed and f.leak_source = 'after_hours'`,
  texted: sql`f.missed and f.texted_at is not null`,
  texted_60s: sql`f.missed and f.response_seconds <= 60`,
  re_engaged: sql`f.missed and f.re_engaged`,
  recovered: sql`f.recovered_booking_id is not null`,
};

export async function listMetricRows(
  { metric, range, limit, offset }: { metric: ListMetric; range: Range; limit: number; offset: number },
  ex?: Executor,
): Promise<(MetricCallRow | MetricBookingRow)[]> {
  const db = await resolveDb(ex);
  if (metric === "bookings") return listBookings(db, { range, limit, offset });
  const result = await db.execute(sql`
    select f.id, f.started_at, l.timezone, l.name as location_name, f.contact_id, ct.name as contact_name, c.from_number as phone,
      f.disposition, f.leak_source, f.is_spam, f.response_seconds, f.re_engaged, f.recovered_cents
    from (${callFacts(sql`${callsInRange(range)} order by c.started_at desc`)}) f
    join calls c on c.id = f.id
    join locations l on l.id = f.location_id
    left join contacts ct on ct.id = f.contact_id
    where ${CONDITIONS[metric]}
    order by f.started_at desc, f.id desc
    limit ${limit} offset ${offset}`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    kind: "call",
    id: String(r.id),
    startedAt: new Date(String(r.started_at)),
    timezone: String(r.timezone),
    locationName: String(r.location_name),
    contactId: r.contact_id ? String(r.contact_id) : null,
    contactName: r.contact_name ? String(r.contact_name) : null,
    phone: String(r.phone),
    disposition: String(r.disposition),
    leakSource: r.leak_source ? String(r.leak_source) : null,
    isSpam: Boolean(r.is_spam),
    responseSeconds: r.response_seconds === null || r.response_seconds === undefined ? null : Number(r.response_seconds),
    reEngaged: Boolean(r.re_engaged),
    recoveredCents: r.recovered_cents === null || r.recovered_cents === undefined ? null : Number(r.recovered_cents),
  }));
}

async function listBookings(db: Executor, { range, limit, offset }: { range: Range; limit: number; offset: number }): Promise<MetricBookingRow[]> {
  const result = await db.execute(sql`
    select b.id, b.created_at, l.timezone, l.name as location_name, b.contact_id, ct.name as contact_name, ct.phone,
      b.treatment, b.value_cents, b.status, b.call_id
    from bookings b
    join locations l on l.id = b.location_id
    join contacts ct on ct.id = b.contact_id
    where b.org_id = ${range.orgId} and ${countedBooking("b")}
      ${range.locationId ? sql`and b.location_id = ${range.locationId}` : sql``}
      and b.created_at >= (${range.from}::date)::timestamp at time zone l.timezone
      and b.created_at < (${range.to}::date + 1)::timestamp at time zone l.timezone
    order by b.created_at desc, b.id desc
    limit ${limit} offset ${offset}`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    kind: "booking",
    id: String(r.id),
    createdAt: new Date(String(r.created_at)),
    timezone: String(r.timezone),
    locationName: String(r.location_name),
    contactId: String(r.contact_id),
    contactName: r.contact_name ? String(r.contact_name) : null,
    phone: String(r.phone),
    treatment: String(r.treatment),
    valueCents: Number(r.value_cents),
    status: String(r.status),
    callId: r.call_id ? String(r.call_id) : null,
  }));
}
