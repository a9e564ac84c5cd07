// The owner's settings screens: the organization, its locations with their numbers, weekly hours,
// holidays and text-back templates. Every function is scoped by the organization; rows hanging
// off a location (hours, closures, templates) are reached only through a location of that org.
import { and, asc, eq, gte, inArray, sql } from "drizzle-orm";
import { resolveDb, type Executor } from "../client";
import { cancelTextsFromNumber } from "./outbox";
import {
  locationClosures,
  locationHours,
  locations,
  messageTemplates,
  organizations,
  phoneNumbers,
  type Location,
  type LocationClosure,
  type MessageTemplate,
  type PhoneNumber,
} from "../schema";
import { CANCEL_REASON_TEXT } from "@/lib/intake/policy/reasons";
import type { Shift } from "@/lib/schedule/hours";
import type { LocationColumns } from "@/lib/settings/location-schema";
import type { OrganizationSettings, OrganizationSettingsWithCountries } from "@/lib/settings/organization-schema";

type Scope = { orgId: string };
type LocationScope = Scope & { locationId: string };
export type Page<T> = { rows: T[]; hasMore: boolean };

function page<T>(rows: T[], limit: number): Page<T> {
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** The location row when it belongs to the organization, locked when `lock` (writers serialise on it). */
async function ownedLocation(db: Executor, { orgId, locationId }: LocationScope, lock = false): Promise<boolean> {
  const query = db
    .select({ id: locations.id })
    .from(locations)
    .where(and(eq(locations.id, locationId), eq(locations.orgId, orgId)));
  const [row] = await (lock ? query.for("update") : query);
  return Boolean(row);
}

const inOrg = (orgId: string) => sql`(select ${locations.id} from ${locations} where ${locations.orgId} = ${orgId})`;

export async function getOrganizationSettings({ orgId }: Scope, ex?: Executor): Promise<OrganizationSettingsWithCountries | null> {
  const db = await resolveDb(ex);
  const [row] = await db
    .select({
      name: organizations.name,
      attributionWindowDays: organizations.attributionWindowDays,
      coordinatorsSeeRevenue: organizations.coordinatorsSeeRevenue,
      enabledCountries: organizations.enabledCountries,
    })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  return row ?? null;
}

export async function updateOrganizationSettings({ orgId, values }: Scope & { values: OrganizationSettings | OrganizationSettingsWithCountries }, ex?: Executor): Promise<boolean> {
  const db = await resolveDb(ex);
  const rows = await db.update(organizations).set(values).where(eq(organizations.id, orgId)).returning({ id: organizations.id });
  return rows.length === 1;
}

export type LocationSummary = Pick<Location, "id" | "name" | "timezone" | "bookingUrl"> & { numbers: string[]; hasHours: boolean };

export async function listLocationSummaries({ orgId, limit, offset }: Scope & { limit: number; offset: number }, ex?: Executor): Promise<Page<LocationSummary>> {
  const db = await resolveDb(ex);
  const rows = await db
    .select({
      id: locations.id,
      name: locations.name,
      timezone: locations.timezone,
      bookingUrl: locations.bookingUrl,
      // Qualified by hand: in a one-table select drizzle writes ${locations.id} as a bare "id", which
      // inside this subquery is the hours row's own id (every location then read as "not set up").
      hasHours: sql<boolean>`exists (select 1 from ${locationHours} h where h.location_id = ${locations}.id)`,
    })
    .from(locations)
    .where(eq(locations.orgId, orgId))
    .orderBy(asc(locations.name), asc(locations.id))
    .limit(limit + 1)
    .offset(offset);
  const shown = rows.slice(0, limit);
  const numbers = shown.length
    ? await db
        .select({ locationId: phoneNumbers.locationId, e164: phoneNumbers.e164 })
        .from(phoneNumbers)
        .where(
          and(
            eq(phoneNumbers.orgId, orgId),
            inArray(
              phoneNumbers.locationId,
              shown.map((r) => r.id),
            ),
          ),
        )
        .orderBy(asc(phoneNumbers.createdAt))
    : [];
  return page(
    rows.map((row) => ({ ...row, hasHours: Boolean(row.hasHours), numbers: numbers.filter((n) => n.locationId === row.id).map((n) => n.e164) })),
    limit,
  );
}

/** Names of the organization's locations, for pickers (a spa has a handful; capped all the same). */
export async function listLocationNames({ orgId }: Scope, ex?: Executor): Promise<{ id: string; name: string }[]> {
  const db = await resolveDb(ex);
  return db.select({ id: locations.id, name: locations.name }).from(locations).where(eq(locations.orgId, orgId)).orderBy(asc(locations.name), asc(locations.id)).limit(50);
}

export async function getLocationSettings({ orgId, locationId }: LocationScope, ex?: Executor): Promise<Location | null> {
  const db = await resolveDb(ex);
  const [row] = await db
    .select()
    .from(locations)
    .where(and(eq(locations.id, locationId), eq(locations.orgId, orgId)));
  return row ?? null;
}

export async function updateLocationSettings({ orgId, locationId, values }: LocationScope & { values: LocationColumns }, ex?: Executor): Promise<boolean> {
  const db = await resolveDb(ex);
  const rows = await db
    .update(locations)
    .set(values)
    .where(and(eq(locations.id, locationId), eq(locations.orgId, orgId)))
    .returning({ id: locations.id });
  return rows.length === 1;
}

export async function listLocationNumbers({ orgId, locationId }: LocationScope, ex?: Executor): Promise<PhoneNumber[]> {
  const db = await resolveDb(ex);
  return db
    .select()
    .from(phoneNumbers)
    .where(and(eq(phoneNumbers.orgId, orgId), eq(phoneNumbers.locationId, locationId)))
    .orderBy(asc(phoneNumbers.createdAt))
    .limit(50);
}

/** Who has a number: a location of this organization (named), another organization (not named), or nobody. */
export type NumberOwner = { kind: "location"; locationId: string; locationName: string } | { kind: "other_organization" };

export async function findNumberOwner({ orgId, e164 }: Scope & { e164: string }, ex?: Executor): Promise<NumberOwner | null> {
  const db = await resolveDb(ex);
  const [row] = await db
    .select({ orgId: phoneNumbers.orgId, locationId: locations.id, locationName: locations.name })
    .from(phoneNumbers)
    .innerJoin(locations, eq(locations.id, phoneNumbers.locationId))
    .where(eq(phoneNumbers.e164, e164));
  if (!row) return null;
  return row.orgId === orgId ? { kind: "location", locationId: row.locationId, locationName: row.locationName } : { kind: "other_organization" };
}

export type AddNumberResult = { ok: true } | { ok: false; reason: "location_not_found" } | { ok: false; reason: "in_use"; owner: NumberOwner };

/** A number belongs to one location: the unique index decides, so two owners adding it at once get one winner. */
export async function addLocationNumber(input: LocationScope & { e164: string; provider: PhoneNumber["provider"]; label: string }, ex?: Executor): Promise<AddNumberResult> {
  const db = await resolveDb(ex);
  if (!(await ownedLocation(db, input))) return { ok: false, reason: "location_not_found" };
  const inserted = await db
    .insert(phoneNumbers)
    .values({ orgId: input.orgId, locationId: input.locationId, e164: input.e164, provider: input.provider, label: input.label })
    .onConflictDoNothing({ target: phoneNumbers.e164 })
    .returning({ id: phoneNumbers.id });
  if (inserted.length) return { ok: true };
  const owner = await findNumberOwner({ orgId: input.orgId, e164: input.e164 }, db);
  return owner ? { ok: false, reason: "in_use", owner } : addLocationNumber(input, db);
}

/**
 * Removes a number, and with it every text still queued to go from it (numbers change hands: the
 * next holder must not inherit this spa's follow-ups, nor its callers' replies). One transaction.
 */
export async function removeLocationNumber({ orgId, locationId, numberId }: LocationScope & { numberId: string }, ex?: Executor): Promise<boolean> {
  const db = await resolveDb(ex);
  return db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(phoneNumbers)
      .where(and(eq(phoneNumbers.id, numberId), eq(phoneNumbers.orgId, orgId), eq(phoneNumbers.locationId, locationId)))
      .returning({ e164: phoneNumbers.e164 });
    if (!removed) return false;
    await cancelTextsFromNumber({ orgId, e164: removed.e164, reason: "number_not_held", reasonText: CANCEL_REASON_TEXT.number_not_held }, tx);
    return true;
  });
}

export async function listLocationHours({ orgId, locationId }: LocationScope, ex?: Executor): Promise<Shift[]> {
  const db = await resolveDb(ex);
  return db
    .select({ weekday: locationHours.weekday, opensMinute: locationHours.opensMinute, closesMinute: locationHours.closesMinute })
    .from(locationHours)
    .where(and(eq(locationHours.locationId, locationId), inArray(locationHours.locationId, inOrg(orgId))))
    .orderBy(asc(locationHours.weekday), asc(locationHours.opensMinute));
}

/** The whole week at once; the location row is locked so two saves cannot interleave into a mixed week. */
export async function replaceLocationHours({ orgId, locationId, shifts }: LocationScope & { shifts: Shift[] }, ex?: Executor): Promise<boolean> {
  const db = await resolveDb(ex);
  return db.transaction(async (tx) => {
    if (!(await ownedLocation(tx, { orgId, locationId }, true))) return false;
    await tx.delete(locationHours).where(eq(locationHours.locationId, locationId));
    if (shifts.length) await tx.insert(locationHours).values(shifts.map((shift) => ({ locationId, ...shift })));
    return true;
  });
}

/** Holidays and special days from `fromDay` on (past ones no longer matter), soonest first. */
export async function listLocationClosures(
  { orgId, locationId, fromDay, limit, offset }: LocationScope & { fromDay: string; limit: number; offset: number },
  ex?: Executor,
): Promise<Page<LocationClosure>> {
  const db = await resolveDb(ex);
  const rows = await db
    .select()
    .from(locationClosures)
    .where(and(eq(locationClosures.locationId, locationId), inArray(locationClosures.locationId, inOrg(orgId)), gte(locationClosures.day, fromDay)))
    .orderBy(asc(locationClosures.day))
    .limit(limit + 1)
    .offset(offset);
  return page(rows, limit);
}

/** One entry per day: saving a day that already has one replaces it. */
export async function saveLocationClosure(input: LocationScope & Pick<LocationClosure, "day" | "name" | "opensMinute" | "closesMinute">, ex?: Executor): Promise<boolean> {
  const db = await resolveDb(ex);
  if (!(await ownedLocation(db, input))) return false;
  const { locationId, day, name, opensMinute, closesMinute } = input;
  await db
    .insert(locationClosures)
    .values({ locationId, day, name, opensMinute, closesMinute })
    .onConflictDoUpdate({ target: [locationClosures.locationId, locationClosures.day], set: { name, opensMinute, closesMinute } });
  return true;
}

export async function removeLocationClosure({ orgId, locationId, closureId }: LocationScope & { closureId: string }, ex?: Executor): Promise<boolean> {
  const db = await resolveDb(ex);
  const rows = await db
    .delete(locationClosures)
    .where(and(eq(locationClosures.id, closureId), eq(locationClosures.locationId, locationId), inArray(locationClosures.locationId, inOrg(orgId))))
    .returning({ id: locationClosures.id });
  return rows.length === 1;
}

export async function listLocationTemplates({ orgId, locationId }: LocationScope, ex?: Executor): Promise<Pick<MessageTemplate, "situation" | "body" | "updatedAt">[]> {
  const db = await resolveDb(ex);
  return db
    .select({ situation: messageTemplates.situation, body: messageTemplates.body, updatedAt: messageTemplates.updatedAt })
    .from(messageTemplates)
    .where(and(eq(messageTemplates.locationId, locationId), inArray(messageTemplates.locationId, inOrg(orgId))));
}

export async function saveLocationTemplate(input: LocationScope & { situation: MessageTemplate["situation"]; body: string; now?: Date }, ex?: Executor): Promise<boolean> {
  const db = await resolveDb(ex);
  if (!(await ownedLocation(db, input))) return false;
  const { locationId, situation, body } = input;
  const updatedAt = input.now ?? new Date();
  await db
    .insert(messageTemplates)
    .values({ locationId, situation, body, updatedAt })
    .onConflictDoUpdate({ target: [messageTemplates.locationId, messageTemplates.situation], set: { body, updatedAt } });
  return true;
}
