import { and, eq, gt, gte, isNull, lt, notInArray, sql } from "drizzle-orm";
import { resolveDb, type Executor } from "../client";
import { callbacks, calls, conversations, messages, type Call } from "../schema";

export type NewCall = typeof calls.$inferInsert;

/** Inserts the call unless this organization already has (provider, externalId): null means "already processed". */
export async function insertCallIfNew(call: NewCall, ex?: Executor): Promise<Call | null> {
  const db = await resolveDb(ex);
  const [row] = await db
    .insert(calls)
    .values(call)
    .onConflictDoNothing({ target: [calls.orgId, calls.provider, calls.externalId] })
    .returning();
  return row ?? null;
}

/** Inserts calls, skipping those already on record (same organization, provider and provider id); returns the new ones. */
export async function insertCallsIfNew(list: NewCall[], ex?: Executor): Promise<Call[]> {
  const db = await resolveDb(ex);
  if (list.length === 0) return [];
  return db
    .insert(calls)
    .values(list)
    .onConflictDoNothing({ target: [calls.orgId, calls.provider, calls.externalId] })
    .returning();
}

/**
 * A call by its provider id, within one organization: provider ids come from outside and are only
 * unique per organization (two spas' phone systems may both number their calls 1, 2, 3).
 */
export async function findCallByExternalId(
  { orgId, provider, externalId }: { orgId: string; provider: Call["provider"]; externalId: string },
  ex?: Executor,
): Promise<Call | null> {
  const db = await resolveDb(ex);
  const [row] = await db
    .select()
    .from(calls)
    .where(and(eq(calls.orgId, orgId), eq(calls.provider, provider), eq(calls.externalId, externalId)))
    .limit(1);
  return row ?? null;
}

/** Attaches a voicemail; a voicemail is still a miss, so only a missed call becomes one. */
export async function attachVoicemail({ callId, url, seconds }: { callId: string; url: string; seconds: number | null }, ex?: Executor): Promise<Call | null> {
  const db = await resolveDb(ex);
  const [row] = await db
    .update(calls)
    .set({
      voicemailUrl: url,
      voicemailSeconds: seconds,
      disposition: sql`case when ${calls.disposition} = 'missed' then 'voicemail'::call_disposition else ${calls.disposition} end`,
    })
    .where(eq(calls.id, callId))
    .returning();
  return row ?? null;
}

/** What the decision needs to know about this contact's recent past at this location. */
export async function recentHistory(
  { orgId, locationId, contactId, since }: { orgId: string; locationId: string; contactId: string; since: Date },
  ex?: Executor,
): Promise<{ lastAutoTextAt: Date | null; lastHumanTouchAt: Date | null }> {
  const db = await resolveDb(ex);
  const rows = await db
    .select({ automated: messages.automated, at: sql<Date>`max(${messages.createdAt})`.mapWith((v: string | Date) => new Date(v)) })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(
      and(
        eq(messages.orgId, orgId),
        eq(messages.contactId, contactId),
        eq(conversations.locationId, locationId),
        eq(messages.direction, "outbound"),
        gte(messages.createdAt, since),
      ),
    )
    .groupBy(messages.automated);
  return {
    lastAutoTextAt: rows.find((r) => r.automated)?.at ?? null,
    lastHumanTouchAt: rows.find((r) => !r.automated)?.at ?? null,
  };
}

export async function setTranscript({ callId, transcript }: { callId: string; transcript: string }, ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  await db.update(calls).set({ transcript }).where(eq(calls.id, callId));
}

/**
 * Signals across the whole organization for one contact over the last 24 h: how many very short
 * calls with no voicemail (robocall pattern; a duration of 0 means the provider did not say how long
 * it rang, as with Twilio, and is not counted) and how many automatic texts they already got.
 */
export async function dailySignals(
  { orgId, contactId, since, shortCallSeconds }: { orgId: string; contactId: string; since: Date; shortCallSeconds: number },
  ex?: Executor,
): Promise<{ shortCalls: number; autoTexts: number; lastCallBackAt: Date | null }> {
  const db = await resolveDb(ex);
  const [short] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(calls)
    .where(
      and(
        eq(calls.orgId, orgId),
        eq(calls.contactId, contactId),
        gte(calls.startedAt, since),
        gt(calls.durationSeconds, 0),
        lt(calls.durationSeconds, shortCallSeconds),
        isNull(calls.voicemailUrl),
      ),
    );
  const [texts] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(messages)
    .where(
      and(
        eq(messages.orgId, orgId),
        eq(messages.contactId, contactId),
        eq(messages.automated, true),
        eq(messages.direction, "outbound"),
        notInArray(messages.status, ["failed", "canceled"]),
        // Sent in the window, or about to be (a scheduled follow-up is counted when it goes out).
        sql`(${messages.sentAt} >= ${since.toISOString()}::timestamptz or (${messages.sentAt} is null
          and ${messages.createdAt} >= ${since.toISOString()}::timestamptz
          and ${messages.templateSituation} is distinct from 'follow_up'))`,
      ),
    );
  // A coordinator calling the person back (a completed callback task) is a human touch too.
  const [called] = await db
    .select({ at: sql<string | null>`max(${callbacks.completedAt})` })
    .from(callbacks)
    .where(and(eq(callbacks.orgId, orgId), eq(callbacks.contactId, contactId), eq(callbacks.status, "done"), gte(callbacks.completedAt, since)));
  return { shortCalls: short?.n ?? 0, autoTexts: texts?.n ?? 0, lastCallBackAt: called?.at ? new Date(called.at) : null };
}
