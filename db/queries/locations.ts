import { and, eq } from "drizzle-orm";
import type { Executor } from "../client";
import {
  conversations,
  locationClosures,
  locationHours,
  locations,
  messageTemplates,
  organizations,
  phoneNumbers,
  type Location,
  type MessageTemplate,
} from "../schema";
import type { Schedule } from "@/lib/schedule/hours";

export type LocationContext = {
  location: Location;
  orgName: string;
  number: { e164: string; provider: (typeof phoneNumbers.$inferSelect)["provider"] };
  schedule: Schedule;
  templates: Map<MessageTemplate["situation"], string>;
};

/**
 * The location a dialled number belongs to, with its hours and templates. This is how a webhook,
 * which carries no session, finds its organization: a number belongs to exactly one location.
 */
export async function findLocationByNumber(db: Executor, { e164 }: { e164: string }): Promise<LocationContext | null> {
  const [row] = await db
    .select({ location: locations, orgName: organizations.name, e164: phoneNumbers.e164, provider: phoneNumbers.provider })
    .from(phoneNumbers)
    .innerJoin(locations, eq(locations.id, phoneNumbers.locationId))
    .innerJoin(organizations, eq(organizations.id, locations.orgId))
    .where(eq(phoneNumbers.e164, e164))
    .limit(1);
  if (!row) return null;
  const [shifts, closures, templates] = await Promise.all([
    db.select().from(locationHours).where(eq(locationHours.locationId, row.location.id)),
    db.select().from(locationClosures).where(eq(locationClosures.locationId, row.location.id)),
    db.select().from(messageTemplates).where(eq(messageTemplates.locationId, row.location.id)),
  ]);
  return {
    location: row.location,
    orgName: row.orgName,
    number: { e164: row.e164, provider: row.provider },
    schedule: {
      timezone: row.location.timezone,
      shifts: shifts.map(({ weekday, opensMinute, closesMinute }) => ({ weekday, opensMinute, closesMinute })),
      closures: closures.map(({ day, opensMinute, closesMinute }) => ({ day, opensMinute, closesMinute })),
    },
    templates: new Map(templates.map((t) => [t.situation, t.body])),
  };
}

/** The number a location texts from: the one the caller dialled, else the location's first number. */
export async function findSenderNumber(db: Executor, { orgId, locationId }: { orgId: string; locationId: string }): Promise<string | null> {
  const [row] = await db
    .select({ e164: phoneNumbers.e164 })
    .from(phoneNumbers)
    .where(and(eq(phoneNumbers.orgId, orgId), eq(phoneNumbers.locationId, locationId)))
    .orderBy(phoneNumbers.createdAt)
    .limit(1);
  return row?.e164 ?? null;
}

export type SendingLocation = Pick<Location, "id" | "orgId" | "timezone" | "quietStartMinute" | "quietEndMinute">;

export async function getConversationLocation(db: Executor, { conversationId }: { conversationId: string }): Promise<SendingLocation | null> {
  const [row] = await db
    .select({ id: locations.id, orgId: locations.orgId, timezone: locations.timezone, quietStartMinute: locations.quietStartMinute, quietEndMinute: locations.quietEndMinute })
    .from(conversations)
    .innerJoin(locations, eq(locations.id, conversations.locationId))
    .where(eq(conversations.id, conversationId))
    .limit(1);
  return row ?? null;
}
