// The texting-readiness card and its checks: each sending number's A2P state with its location, the
// numbers due a check (daily, hourly while paused, at once after a pause), the organization's
// Messaging Service, and what the registration sample pack is written from. Writes of the state
// itself go through phone-numbers.ts (setNumberA2p, resumeSendingNumber), which log the changes.
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { resolveDb, rowsOf, type Executor } from "../client";
import { locations, messageTemplates, organizations, phoneNumbers, type MessageTemplate, type PhoneNumber } from "../schema";

export type ReadinessRow = Pick<
  PhoneNumber,
  "id" | "e164" | "label" | "provider" | "proofStatus" | "twilioOrigin" | "a2pStatus" | "a2pDetail" | "a2pCheckedAt" | "sendingPausedAt" | "sendingPausedReason"
> & { locationId: string; locationName: string; timezone: string };

export type ReadinessSetup = { twilioMessagingServiceSid: string | null; quoApiKeySet: boolean };

/** Every number of the organization, by location then number, with what the card shows about it. */
export async function listReadiness({ orgId }: { orgId: string }, ex?: Executor): Promise<{ setup: ReadinessSetup; numbers: ReadinessRow[] }> {
  const db = await resolveDb(ex);
  const [org] = await db
    .select({ sid: organizations.twilioMessagingServiceSid, quoKey: sql<boolean>`${organizations.openphoneApiKey} is not null` })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  const numbers = await db
    .select({
      id: phoneNumbers.id,
      e164: phoneNumbers.e164,
      label: phoneNumbers.label,
      provider: phoneNumbers.provider,
      proofStatus: phoneNumbers.proofStatus,
      twilioOrigin: phoneNumbers.twilioOrigin,
      a2pStatus: phoneNumbers.a2pStatus,
      a2pDetail: phoneNumbers.a2pDetail,
      a2pCheckedAt: phoneNumbers.a2pCheckedAt,
      sendingPausedAt: phoneNumbers.sendingPausedAt,
      sendingPausedReason: phoneNumbers.sendingPausedReason,
      locationId: locations.id,
      locationName: locations.name,
      timezone: locations.timezone,
    })
    .from(phoneNumbers)
    .innerJoin(locations, eq(locations.id, phoneNumbers.locationId))
    .where(eq(phoneNumbers.orgId, orgId))
    .orderBy(asc(locations.name), asc(phoneNumbers.e164));
  return { setup: { twilioMessagingServiceSid: org?.sid ?? null, quoApiKeySet: Boolean(org?.quoKey) }, numbers };
}

/** The organization's numbers whose automatic texts are paused (the banner every member sees). */
export async function listPausedNumbers({ orgId }: { orgId: string }, ex?: Executor): Promise<{ e164: string; pausedAt: Date }[]> {
  const db = await resolveDb(ex);
  const rows = await db
    .select({ e164: phoneNumbers.e164, pausedAt: phoneNumbers.sendingPausedAt })
    .from(phoneNumbers)
    .where(and(eq(phoneNumbers.orgId, orgId), sql`${phoneNumbers.sendingPausedAt} is not null`))
    .orderBy(asc(phoneNumbers.e164));
  return rows.flatMap((r) => (r.pausedAt ? [{ e164: r.e164, pausedAt: r.pausedAt }] : []));
}

export async function listNumberIds({ orgId }: { orgId: string }, ex?: Executor): Promise<string[]> {
  const db = await resolveDb(ex);
  const rows = await db.select({ id: phoneNumbers.id }).from(phoneNumbers).where(eq(phoneNumbers.orgId, orgId));
  return rows.map((r) => r.id);
}

/**
 * Claims numbers due a check, across organizations (the sweeper's daily loop): never checked, last
 * checked more than `everyMs` ago, paused and last checked more than `pausedEveryMs` ago, or paused
 * since the last check (a send was just blocked). The claim stamps a2p_checked_at, so another server
 * skips them (SKIP LOCKED) and a check that dies is retried on the next round, not in a tight loop.
 */
export async function claimNumbersDueA2pCheck(
  { now, everyMs, pausedEveryMs, limit }: { now: Date; everyMs: number; pausedEveryMs: number; limit: number },
  ex?: Executor,
): Promise<{ id: string; orgId: string }[]> {
  const db = await resolveDb(ex);
  const daily = new Date(now.getTime() - everyMs).toISOString();
  const paused = new Date(now.getTime() - pausedEveryMs).toISOString();
  const result = await db.execute(sql`
    with due as (
      select id from phone_numbers
      where a2p_checked_at is null
         or a2p_checked_at < ${daily}::timestamptz
         or (sending_paused_at is not null and (a2p_checked_at < ${paused}::timestamptz or a2p_checked_at < sending_paused_at))
      order by a2p_checked_at nulls first
      limit ${limit}
      for update skip locked
    )
    update phone_numbers set a2p_checked_at = ${now.toISOString()}::timestamptz
    where id in (select id from due)
    returning id, org_id as "orgId"`);
  return rowsOf<{ id: string; orgId: string }>(result);
}

/** The Twilio Messaging Service whose A2P campaign covers the organization's Twilio numbers (null: none set). */
export async function setMessagingServiceSid({ orgId, sid }: { orgId: string; sid: string | null }, ex?: Executor): Promise<boolean> {
  const db = await resolveDb(ex);
  const rows = await db.update(organizations).set({ twilioMessagingServiceSid: sid }).where(eq(organizations.id, orgId)).returning({ id: organizations.id });
  return rows.length > 0;
}

export type SampleSource = { spa: string; locations: { id: string; name: string; bookingUrl: string | null; templates: Map<MessageTemplate["situation"], string> }[] };

/** What the registration sample pack is written from: the spa's name, its locations and their saved templates. */
export async function getSampleSource({ orgId }: { orgId: string }, ex?: Executor): Promise<SampleSource | null> {
  const db = await resolveDb(ex);
  const [org] = await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, orgId));
  if (!org) return null;
  const places = await db
    .select({ id: locations.id, name: locations.name, bookingUrl: locations.bookingUrl })
    .from(locations)
    .where(eq(locations.orgId, orgId))
    .orderBy(asc(locations.name));
  const saved = places.length
    ? await db
        .select({ locationId: messageTemplates.locationId, situation: messageTemplates.situation, body: messageTemplates.body })
        .from(messageTemplates)
        .where(
          inArray(
            messageTemplates.locationId,
            places.map((p) => p.id),
          ),
        )
    : [];
  return {
    spa: org.name,
    locations: places.map((p) => ({ ...p, templates: new Map(saved.filter((t) => t.locationId === p.id).map((t) => [t.situation, t.body])) })),
  };
}

/** Whether another organization already uses this Messaging Service (they all share the platform's Twilio account). */
export async function findMessagingServiceHolder({ sid, exceptOrgId }: { sid: string; exceptOrgId: string }, ex?: Executor): Promise<boolean> {
  const db = await resolveDb(ex);
  const [row] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(sql`lower(${organizations.twilioMessagingServiceSid}) = lower(${sid})`, ne(organizations.id, exceptOrgId)))
    .limit(1);
  return Boolean(row);
}
