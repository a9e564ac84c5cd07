// Settings of the phone-system and CRM integrations, and what a test event left behind.
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { resolveDb, type Executor } from "../client";
import type { CrmCircuit } from "./crm";
import { calls, contacts, events, locations, organizations, phoneNumbers, type Call, type Organization } from "../schema";

export type SecretColumn = "crmWebhookSecret";

export type IntegrationSettings = Pick<Organization, SecretColumn | "crmWebhookUrl"> & {
  /** The CRM circuit breaker (db/queries/crm.ts), read with the rest of the CRM settings. */
  circuit: CrmCircuit;
};

/** Secrets included: callers decide what to show (a masked ending, never the whole value). */
export async function getIntegrationSettings({ orgId }: { orgId: string }, ex?: Executor): Promise<IntegrationSettings | null> {
  const db = await resolveDb(ex);
  const [row] = await db
    .select({
      crmWebhookSecret: organizations.crmWebhookSecret,
      crmWebhookUrl: organizations.crmWebhookUrl,
      circuit: { consecutiveFailures: organizations.crmConsecutiveFailures, openUntil: organizations.crmCircuitOpenUntil },
    })
    .from(organizations)
    .where(eq(organizations.id, orgId))
    .limit(1);
  return row ?? null;
}

/** The CRM signing secret (phone-system secrets: setOrgWebhookSecret in ./organizations.ts). */
export async function setOrgSecret({ orgId, column, value }: { orgId: string; column: SecretColumn; value: string | null }, ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  await db
    .update(organizations)
    .set({ [column]: value })
    .where(eq(organizations.id, orgId));
}

export async function setCrmWebhookUrl({ orgId, url }: { orgId: string; url: string | null }, ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  await db.update(organizations).set({ crmWebhookUrl: url }).where(eq(organizations.id, orgId));
}

export type TestTarget = { e164: string; locationName: string; timezone: string };

/**
 * The number a test call dials: the organization's first number on this provider (under the
 * provider rule, only that provider's events are accepted for it). Without a provider: any number.
 */
export async function findTestTarget({ orgId, provider }: { orgId: string; provider?: Call["provider"] }, ex?: Executor): Promise<TestTarget | null> {
  const db = await resolveDb(ex);
  const [row] = await db
    .select({ e164: phoneNumbers.e164, locationName: locations.name, timezone: locations.timezone })
    .from(phoneNumbers)
    .innerJoin(locations, eq(locations.id, phoneNumbers.locationId))
    .where(and(eq(phoneNumbers.orgId, orgId), provider ? eq(phoneNumbers.provider, provider) : undefined))
    .orderBy(asc(phoneNumbers.createdAt), asc(phoneNumbers.id))
    .limit(1);
  return row ?? null;
}

/** The timezone log times are shown in: the organization's first location's. */
export async function findOrgTimezone({ orgId }: { orgId: string }, ex?: Executor): Promise<string | null> {
  const db = await resolveDb(ex);
  const [row] = await db.select({ timezone: locations.timezone }).from(locations).where(eq(locations.orgId, orgId)).orderBy(asc(locations.createdAt), asc(locations.id)).limit(1);
  return row?.timezone ?? null;
}

/** Gives the test caller its name, unless someone already named that contact. */
export async function nameContactIfUnnamed({ orgId, phone, name }: { orgId: string; phone: string; name: string }, ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  await db
    .update(contacts)
    .set({ name })
    .where(and(eq(contacts.orgId, orgId), eq(contacts.phone, phone), isNull(contacts.name)));
}

export type CallOutcome = {
  callId: string;
  conversationId: string | null;
  /** The audit events of this call, oldest first: text_queued, text_skipped… */
  events: { type: string; reason: string | null }[];
};

/** What recording a call did, read back from the audit log (scoped to the organization). */
export async function findCallOutcome(
  { orgId, provider, externalId }: { orgId: string; provider: Call["provider"]; externalId: string },
  ex?: Executor,
): Promise<CallOutcome | null> {
  const db = await resolveDb(ex);
  const [call] = await db
    .select({ id: calls.id })
    .from(calls)
    .where(and(eq(calls.orgId, orgId), eq(calls.provider, provider), eq(calls.externalId, externalId)))
    .limit(1);
  if (!call) return null;
  const rows = await db
    .select({ type: events.type, reason: events.reason, conversationId: events.conversationId })
    .from(events)
    .where(and(eq(events.orgId, orgId), eq(events.callId, call.id), inArray(events.type, ["call_missed", "text_queued", "text_skipped"])))
    .orderBy(asc(events.id))
    .limit(20);
  const conversationId = rows.find((r) => r.conversationId)?.conversationId ?? null;
  return { callId: call.id, conversationId, events: rows.map(({ type, reason }) => ({ type, reason })) };
}
