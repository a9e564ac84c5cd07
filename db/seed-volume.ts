// A spa at platform scale for the ROI benchmark (issue 6): `npm run db:seed -- --calls 1000000`
// creates "Lumen Med Spa" (owner@lumen.test / rebound-demo) with N calls over two years across three
// locations, with text-backs, replies and bookings in the brief's proportions, generated inside
// Postgres (generate_series) and then rolled up. Not the demo spa: that one stays small and real.
import { sql } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "./client";
import { locations, members, organizations, phoneNumbers } from "./schema";
import { refreshRollups } from "./queries/roi";
import { DEMO_PASSWORD } from "./seed-demo";

export const VOLUME_ORG = { name: "Lumen Med Spa", slug: "lumen" } as const;
export const VOLUME_OWNER = "owner@lumen.test";

const VOLUME_LOCATIONS = [
  { name: "Lumen Beverly Hills", timezone: "America/Los_Angeles", number: "+13105550300" },
  { name: "Lumen Scottsdale", timezone: "America/Phoenix", number: "+14805550300" },
  { name: "Lumen Austin", timezone: "America/Chicago", number: "+15125550300" },
] as const;

/** Local hours callers ring at, one entry per share: busiest late morning and after work. */
const CALL_HOURS = [8, 9, 9, 9, 10, 10, 10, 10, 11, 11, 11, 11, 12, 12, 12, 13, 13, 13, 14, 14, 14, 15, 15, 15, 16, 16, 16, 17, 17, 17, 18, 18, 18, 19, 20];

export type VolumeSummary = { orgId: string; calls: number; seconds: number };

export async function seedCallVolume(db: Db, { calls, now = new Date(), days = 730 }: { calls: number; now?: Date; days?: number }): Promise<VolumeSummary> {
  const started = Date.now();
  const [existing] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(sql`${organizations.slug} = ${VOLUME_ORG.slug}`);
  if (existing) throw new Error(`${VOLUME_ORG.name} already exists in this database: use a fresh one for --calls`);
  const [org] = await db.insert(organizations).values(VOLUME_ORG).returning();
  if (!org) throw new Error("could not create the volume organization");
  await db.insert(members).values({ orgId: org.id, email: VOLUME_OWNER, name: "Lumen Owner", role: "owner", passwordHash: await hashPassword(DEMO_PASSWORD) });
  const locs = await db
    .insert(locations)
    .values(VOLUME_LOCATIONS.map((l) => ({ orgId: org.id, name: l.name, timezone: l.timezone, bookingUrl: "https://lumen.example/book" })))
    .returning();
  await db.insert(phoneNumbers).values(locs.map((l, i) => ({ orgId: org.id, locationId: l.id, e164: VOLUME_LOCATIONS[i]!.number, provider: "twilio" as const })));
  const contactCount = Math.max(10, Math.round(calls / 4));
  const locIds = sql.raw(`array[${locs.map((l) => `'${l.id}'::uuid`).join(", ")}]`);
  const numbers = sql.raw(`array[${VOLUME_LOCATIONS.map((l) => `'${l.number}'`).join(", ")}]`);
  const timezones = sql.raw(`array[${VOLUME_LOCATIONS.map((l) => `'${l.timezone}'`).join(", ")}]`);
  const hours = sql.raw(`array[${CALL_HOURS.join(", ")}]`);
  const firstDay = new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);

  await db.transaction(async (tx) => {
    // Generated rows are consistent by construction; the rollup is rebuilt once at the end instead
    // of a trigger per row (replica mode skips triggers for this transaction only).
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`select setseed(0.42)`);
    await tx.execute(sql`
      insert into contacts (org_id, phone, name, kind, line_type)
      select ${org.id}, '+1' || (3020000000 + i)::text, 'Volume caller ' || i,
        (case when i % 97 = 0 then 'spam' when i % 6 = 0 then 'client' else 'new_lead' end)::contact_kind, 'mobile'
      from generate_series(1, ${contactCount}) i`);
    await tx.execute(sql`
      create temp table volume_calls on commit drop as
      with picked as (
        select i, 1 + (i % 3) as loc, floor(random() * ${days})::int as day_offset,
          (${hours})[1 + floor(random() * ${CALL_HOURS.length})::int] as hour, floor(random() * 60)::int as minute,
          1 + floor(power(random(), 1.2) * ${contactCount})::int as contact_n, random() as r, random() as r2
        from generate_series(1, ${calls}) i
      ),
      dated as (
        -- Sundays are quiet: three in four of their calls move to Monday.
        select p.*, ${firstDay}::date + p.day_offset
          + case when extract(dow from ${firstDay}::date + p.day_offset) = 0 and p.r2 < 0.75 then 1 else 0 end as local_day
        from picked p
      ),
      placed as (
        select p.*, (${locIds})[p.loc] as location_id, (${numbers})[p.loc] as to_number,
          (p.local_day::timestamp + make_interval(hours => p.hour, mins => p.minute)) at time zone (${timezones})[p.loc] as started_at,
          extract(dow from p.local_day)::int as dow
        from dated p
      )
      select gen_random_uuid() as id, pl.*, c.id as contact_id, c.phone as from_number, c.kind = 'spam' as spam,
        case
          when pl.dow = 0 or pl.hour < 9 or pl.hour >= 19 then 'after_hours'
          when pl.r < 0.012 then 'hold_abandon'
          when pl.hour = 12 and pl.r < 0.06 then 'lunch_gap'
          when pl.r < 0.14 then 'peak_overflow'
        end as leak
      from placed pl join contacts c on c.org_id = ${org.id} and c.phone = '+1' || (3020000000 + pl.contact_n)::text`);
    await tx.execute(sql`
      insert into calls (id, org_id, location_id, contact_id, provider, external_id, direction, from_number, to_number, disposition, leak_source, started_at, ended_at, duration_seconds)
      select id, ${org.id}, location_id, contact_id, 'twilio', 'CAvol' || i, 'inbound', from_number, to_number,
        (case when leak is null then 'answered' when leak = 'hold_abandon' then 'abandoned' when r < 0.05 then 'voicemail' else 'missed' end)::call_disposition,
        leak::leak_source, started_at, started_at + interval '20 seconds', case when leak is null then 120 + floor(random() * 600)::int else 20 end
      from volume_calls`);
    await tx.execute(sql`
      create temp table volume_texts on commit drop as
      select v.id as call_id, v.location_id, v.contact_id, v.to_number, v.from_number, v.started_at,
        v.started_at + interval '20 seconds' + make_interval(secs => 1 + floor(random() * 25)) as sent_at, random() as r
      from volume_calls v where v.leak is not null and not v.spam and random() < 0.9`);
    await tx.execute(sql`
      insert into conversations (org_id, location_id, contact_id, status, last_activity_kind, last_activity_at, last_message_preview)
      select ${org.id}, location_id, contact_id, 'done', 'text_sent', max(sent_at), 'Sorry we missed your call!'
      from volume_texts group by location_id, contact_id`);
    await tx.execute(sql`
      insert into messages (org_id, conversation_id, contact_id, call_id, direction, from_number, to_number, body, status, automated, template_situation, sent_at, created_at)
      select ${org.id}, cv.id, t.contact_id, t.call_id, 'outbound', t.to_number, t.from_number,
        'Sorry we missed your call! This is the team at Lumen Med Spa. Reply here or book: https://lumen.example/book', 'delivered', true, 'open', t.sent_at, t.sent_at
      from volume_texts t join conversations cv on cv.location_id = t.location_id and cv.contact_id = t.contact_id`);
    await tx.execute(sql`
      create temp table volume_replies on commit drop as
      select t.*, t.sent_at + make_interval(mins => 1 + floor(random() * 360)::int) as replied_at
      from volume_texts t where t.r < 0.3`);
    await tx.execute(sql`
      insert into messages (org_id, conversation_id, contact_id, direction, from_number, to_number, body, status, created_at)
      select ${org.id}, cv.id, r.contact_id, 'inbound', r.from_number, r.to_number, 'Yes please, do you have anything this week?', 'received', r.replied_at
      from volume_replies r join conversations cv on cv.location_id = r.location_id and cv.contact_id = r.contact_id`);
    await tx.execute(sql`
      insert into bookings (org_id, location_id, contact_id, conversation_id, call_id, treatment, value_cents, source, status, created_at)
      select ${org.id}, r.location_id, r.contact_id, cv.id, r.call_id, 'Consultation', (90 + floor(random() * 500))::int * 500, 'text_back',
        (case when random() < 0.9 then 'showed' else 'no_show' end)::booking_status, r.replied_at + make_interval(hours => 1 + floor(random() * 48)::int)
      from volume_replies r join conversations cv on cv.location_id = r.location_id and cv.contact_id = r.contact_id
      where r.r < 0.3 * 0.36`);
    await tx.execute(sql`
      insert into stats_dirty (location_id, from_at, to_at)
      select location_id, min(started_at), max(started_at) + interval '15 days' from calls where org_id = ${org.id} group by location_id`);
  });
  for (const table of ["contacts", "calls", "messages", "conversations", "bookings"]) await db.execute(sql.raw(`analyze ${table}`));
  await refreshRollups(now, db);
  return { orgId: org.id, calls, seconds: (Date.now() - started) / 1000 };
}
