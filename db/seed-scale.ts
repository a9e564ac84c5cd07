// Volume for benchmarks: many contacts and conversations for the demo spa, generated inside
// Postgres with generate_series (100,000 rows in a few seconds). Not part of the demo data.
import { sql } from "drizzle-orm";
import type { Db } from "./client";

export async function seedConversations(db: Db, { orgSlug = "glow", count }: { orgSlug?: string; count: number }): Promise<void> {
  await db.execute(sql`
    with org as (select id from organizations where slug = ${orgSlug}),
    loc as (select l.id, l.org_id from locations l join org on l.org_id = org.id order by l.name limit 1),
    new_contacts as (
      insert into contacts (org_id, phone, name, kind)
      select org.id, '+1' || (2020000000 + i)::text, 'Scale caller ' || i, 'new_lead'
      from org, generate_series(1, ${count}) as i
      on conflict do nothing
      returning id, phone
    )
    insert into conversations (org_id, location_id, contact_id, status, priority, last_activity_kind, last_activity_at, last_message_preview, waiting_since, unread_count)
    select loc.org_id, loc.id, c.id,
      case when n % 5 = 0 then 'done'::conversation_status else 'open'::conversation_status end,
      case when n % 97 = 0 then 'hot'::conversation_priority else 'normal'::conversation_priority end,
      case n % 4 when 0 then 'missed_call' when 1 then 'text_sent' when 2 then 'reply' else 'voicemail' end,
      now() - make_interval(days => 120) + (n * interval '100 milliseconds'),
      'Sorry we missed your call! This is the team at Glow Med Spa…',
      case when n % 3 = 0 then now() - make_interval(mins => (n % 600)::int) end,
      (n % 3)::int
    from loc, (select id, row_number() over (order by phone) as n from new_contacts) c
    on conflict do nothing`);
  await db.execute(sql`analyze contacts`);
  await db.execute(sql`analyze conversations`);
}
