import { and, eq, sql } from "drizzle-orm";
import { resolveDb, type Executor } from "../client";
import { conversations, locationClosures, locationHours, locations, messageTemplates, organizations, phoneNumbers, type Location, type MessageTemplate } from "../schema";
import type { Schedule } from "@/lib/schedule/hours";

export type LocationContext = {
  location: Location;
  orgName: string;
  /** The organization has a CRM webhook URL (CRM events are queued only then). */
  crmConfigured: boolean;
  number: { e164: string; provider: (typeof phoneNumbers.$inferSelect)["provider"] };
  /** The countries the organization may text and dial (organizations.enabled_countries). */
  enabledCountries: string[];
  schedule: Schedule;
  templates: Map<MessageTemplate["situation"], string>;
};

type Shift = Schedule["shifts"][number];
type Closure = Schedule["closures"][number];
type Template = { situation: MessageTemplate["situation"]; body: string };

/**
 * The location a dialled number belongs to, with its hours and templates. This is how a webhook,
 * which carries no session, finds its organization: a number belongs to exactly one location.
 * One round trip (it runs on every webhook): hours, closures and templates come back as JSON.
 */
export async function findLocationByNumber({ e164 }: { e164: string }, ex?: Executor): Promise<LocationContext | null> {
  const db = await resolveDb(ex);
  const [row] = await db
    .select({
      location: locations,
      orgName: organizations.name,
      enabledCountries: organizations.enabledCountries,
      crmConfigured: sql<boolean>`nullif(trim(${organizations.crmWebhookUrl}), '') is not null`,
      e164: phoneNumbers.e164,
      provider: phoneNumbers.provider,
      shifts: sql<Shift[]>`coalesce((select json_agg(json_build_object('weekday', h.weekday, 'opensMinute', h.opens_minute, 'closesMinute', h.closes_minute))
        from ${locationHours} h where h.location_id = ${locations.id}), '[]'::json)`,
      closures: sql<Closure[]>`coalesce((select json_agg(json_build_object('day', c.day, 'opensMinute', c.opens_minute, 'closesMinute', c.closes_minute))
        from ${locationClosures} c where c.location_id = ${locations.id}), '[]'::json)`,
      templates: sql<Template[]>`coalesce((select json_agg(json_build_object('situation', t.situation, 'body', t.body))
        from ${messageTemplates} t where t.location_id = ${locations.id}), '[]'::json)`,
    })
    .from(phoneNumbers)
    .innerJoin(locations, eq(locations.id, phoneNumbers.locationId))
    .innerJoin(organizations, eq(organizations.id, locations.orgId))
    .where(eq(phoneNumbers.e164, e164))
    .limit(1);
  if (!row) return null;
  return {
    location: row.location,
    orgName: row.orgName,
    enabledCountries: row.enabledCountries,
    crmConfigured: Boolean(row.crmConfigured),
    number: { e164: row.e164, provider: row.provider },
    schedule: { timezone: row.location.timezone, shifts: jsonRows(row.shifts), closures: jsonRows(row.closures) },
    templates: new Map(jsonRows(row.templates).map((t) => [t.situation, t.body])),
  };
}

/** A JSON column as rows: postgres.js parses json itself, PGlite too; a string is parsed here. */
function jsonRows<T>(value: T[] | string): T[] {
  return typeof value === "string" ? (JSON.parse(value) as T[]) : value;
}

/** The number a location texts from: the one the caller dialled, else the location's first number. */
export async function findSenderNumber({ orgId, locationId }: { orgId: string; locationId: string }, ex?: Executor): Promise<string | null> {
  const db = await resolveDb(ex);
  const [row] = await db
    .select({ e164: phoneNumbers.e164 })
    .from(phoneNumbers)
    .where(and(eq(phoneNumbers.orgId, orgId), eq(phoneNumbers.locationId, locationId)))
    .orderBy(phoneNumbers.createdAt)
    .limit(1);
  return row?.e164 ?? null;
}

export type SendingLocation = Pick<Location, "id" | "orgId" | "timezone" | "quietStartMinute" | "quietEndMinute">;

export async function getConversationLocation({ conversationId }: { conversationId: string }, ex?: Executor): Promise<SendingLocation | null> {
  const db = await resolveDb(ex);
  const [row] = await db
    .select({ id: locations.id, orgId: locations.orgId, timezone: locations.timezone, quietStartMinute: locations.quietStartMinute, quietEndMinute: locations.quietEndMinute })
    .from(conversations)
    .innerJoin(locations, eq(locations.id, conversations.locationId))
    .where(eq(conversations.id, conversationId))
    .limit(1);
  return row ?? null;
}

/** The hours of a conversation's location (a callback opened at send time is due on them). */
export async function getConversationSchedule({ conversationId }: { conversationId: string }, ex?: Executor): Promise<Schedule | null> {
  const db = await resolveDb(ex);
  const [row] = await db
    .select({
      timezone: locations.timezone,
      shifts: sql<Shift[]>`coalesce((select json_agg(json_build_object('weekday', h.weekday, 'opensMinute', h.opens_minute, 'closesMinute', h.closes_minute))
        from ${locationHours} h where h.location_id = ${locations.id}), '[]'::json)`,
      closures: sql<Closure[]>`coalesce((select json_agg(json_build_object('day', c.day, 'opensMinute', c.opens_minute, 'closesMinute', c.closes_minute))
        from ${locationClosures} c where c.location_id = ${locations.id}), '[]'::json)`,
    })
    .from(conversations)
    .innerJoin(locations, eq(locations.id, conversations.locationId))
    .where(eq(conversations.id, conversationId))
    .limit(1);
  return row ? { timezone: row.timezone, shifts: jsonRows(row.shifts), closures: jsonRows(row.closures) } : null;
}
