// A new organization (sign-up) and what its getting-started checklist reads.
import { sql } from "drizzle-orm";
import { resolveDb, rowsOf, type Executor } from "../client";
import { locations, messageTemplates, organizations } from "../schema";
import type { OnboardingStatus } from "@/lib/onboarding/checklist";

/** Null when the slug is taken (the caller tries another). */
export async function insertOrganization({ name, slug }: { name: string; slug: string }, ex?: Executor): Promise<string | null> {
  const db = await resolveDb(ex);
  const [row] = await db.insert(organizations).values({ name, slug }).onConflictDoNothing({ target: organizations.slug }).returning({ id: organizations.id });
  return row?.id ?? null;
}

export async function insertLocation(location: { orgId: string; name: string; timezone: string; bookingUrl: string | null }, ex?: Executor): Promise<string> {
  const db = await resolveDb(ex);
  const [row] = await db.insert(locations).values(location).returning({ id: locations.id });
  if (!row) throw new Error("location insert returned nothing");
  return row.id;
}

export async function insertTemplates(
  { locationId, templates }: { locationId: string; templates: { situation: (typeof messageTemplates.$inferInsert)["situation"]; body: string }[] },
  ex?: Executor,
): Promise<void> {
  const db = await resolveDb(ex);
  if (!templates.length) return;
  await db.insert(messageTemplates).values(templates.map((t) => ({ locationId, ...t })));
}

type StatusRow = {
  has_number: boolean;
  webhook_received: boolean;
  has_hours: boolean;
  templates_checked: boolean;
  booking_link_set: boolean;
  desk_invited: boolean;
  call_recorded: boolean;
  locations_not_set_up: number | string;
  org_created_at: string | Date;
  first_location_id: string | null;
};

/**
 * Every checklist step in one round trip, each an EXISTS on an index. Test calls (from the
 * fictional test callers) prove the loop, not that the phone system's webhook is pasted.
 */
export async function getOnboardingStatus({ orgId, testCallers }: { orgId: string; testCallers: readonly string[] }, ex?: Executor): Promise<OnboardingStatus | null> {
  const db = await resolveDb(ex);
  const callers = sql.join(
    testCallers.map((n) => sql`${n}`),
    sql`, `,
  );
  const result = await db.execute(sql`
    select
      exists (select 1 from phone_numbers where org_id = o.id) as has_number,
      (exists (select 1 from calls where org_id = o.id and from_number not in (${callers}))
        or exists (select 1 from messages where org_id = o.id and direction = 'inbound')) as webhook_received,
      exists (select 1 from location_hours h join locations l on l.id = h.location_id where l.org_id = o.id) as has_hours,
      exists (select 1 from message_templates t join locations l on l.id = t.location_id
              where l.org_id = o.id and t.updated_at > l.created_at) as templates_checked,
      exists (select 1 from locations where org_id = o.id and booking_url is not null) as booking_link_set,
      (exists (select 1 from invitations where org_id = o.id)
        or exists (select 1 from members where org_id = o.id and role = 'coordinator')) as desk_invited,
      exists (select 1 from calls where org_id = o.id) as call_recorded,
      (select count(*) from locations l where l.org_id = o.id
        and (l.booking_url is null or not exists (select 1 from location_hours h where h.location_id = l.id))) as locations_not_set_up,
      o.created_at as org_created_at,
      (select id from locations where org_id = o.id order by created_at, id limit 1) as first_location_id
    from organizations o
    where o.id = ${orgId}`);
  const rows = rowsOf<StatusRow>(result);
  const row = rows[0];
  if (!row) return null;
  return {
    hasNumber: row.has_number,
    webhookReceived: row.webhook_received,
    hasHours: row.has_hours,
    templatesChecked: row.templates_checked,
    bookingLinkSet: row.booking_link_set,
    deskInvited: row.desk_invited,
    callRecorded: row.call_recorded,
    locationsNotSetUp: Number(row.locations_not_set_up),
    orgCreatedAt: new Date(row.org_created_at),
    firstLocationId: row.first_location_id,
  };
}
