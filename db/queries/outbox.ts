import { and, eq, sql } from "drizzle-orm";
import { resolveDb, rowsOf, type Executor } from "../client";
import { events, outbox } from "../schema";
import type { NewEvent } from "./events";
import { messageSentUpdate, type SentMessage } from "./messages";

/** `lastError`: what the last attempt or wait noted (e.g. `number_rate_limited`, so a wait is logged once). */
export type OutboxClaim = { id: string; messageId: string; attempts: number; needsReconcile: boolean; lastError: string | null };

/** How long a claim lasts; a claim older than this belonged to a process that died mid-send. */
export const CLAIM_SECONDS = 30;

export type OutboxEntry = { orgId: string; messageId: string; notBefore: Date };

/** Queues texts whose message rows exist (or are inserted earlier on the same connection). */
export async function enqueueTexts(entries: OutboxEntry[], ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  if (entries.length) await db.insert(outbox).values(entries.map(({ orgId, messageId, notBefore }) => ({ orgId, messageId, nextAttemptAt: notBefore })));
}

/**
 * Claims due work with FOR UPDATE SKIP LOCKED, so any number of servers can sweep at once.
 * An expired in-flight claim is taken over, flagged so the sender checks Twilio before resending.
 */
export async function claimDueTexts({ limit, messageIds }: { limit: number; messageIds?: readonly string[] }, ex?: Executor): Promise<OutboxClaim[]> {
  const db = await resolveDb(ex);
  const onlyMessage = messageIds
    ? sql`and message_id in (${sql.join(
        messageIds.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql``;
  const result = await db.execute(sql`
    update outbox set
      status = 'in_flight',
      attempts = attempts + 1,
      needs_reconcile = needs_reconcile or status = 'in_flight',
      locked_until = now() + make_interval(secs => ${CLAIM_SECONDS}),
      updated_at = now()
    where id in (
      select id from outbox
      where ((status = 'pending' and next_attempt_at <= now()) or (status = 'in_flight' and locked_until < now()))
        ${onlyMessage}
      order by next_attempt_at
      limit ${limit}
      for update skip locked
    )
    returning id, message_id as "messageId", attempts, needs_reconcile as "needsReconcile", last_error as "lastError"`);
  return rowsOf<OutboxClaim>(result);
}

/** Finishes a claim; the attempt count guards against a claim that expired and was taken over. */
function completeUpdate(db: Executor, { id, attempts }: { id: string; attempts: number }) {
  return db
    .update(outbox)
    .set({ status: "done", lockedUntil: null, needsReconcile: false, updatedAt: sql`now()` })
    .where(and(eq(outbox.id, id), eq(outbox.attempts, attempts), eq(outbox.status, "in_flight")));
}

export async function completeText(claim: { id: string; attempts: number }, ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  await completeUpdate(db, claim);
}

/**
 * A text Twilio took (or that was simulated), in one statement: the message gets its sid and
 * status, the claim is done, the event is appended. All of it or none of it.
 */
export async function finishSentText({ claim, sent, event }: { claim: OutboxClaim; sent: SentMessage; event: NewEvent }, ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  const [message, done, appended] = [messageSentUpdate(sent, db), completeUpdate(db, claim), db.insert(events).values(event)].map((statement) => statement.getSQL());
  await db.execute(sql`with sent as (${message}), done as (${done}) ${appended}`);
}

export async function retryTextLater(
  { id, attempts, at, error, outcomeUnknown }: { id: string; attempts: number; at: Date; error: string; outcomeUnknown: boolean },
  ex?: Executor,
): Promise<void> {
  const db = await resolveDb(ex);
  await db
    .update(outbox)
    .set({ status: "pending", nextAttemptAt: at, lockedUntil: null, lastError: error, needsReconcile: outcomeUnknown, updatedAt: sql`now()` })
    .where(and(eq(outbox.id, id), eq(outbox.attempts, attempts), eq(outbox.status, "in_flight")));
}

export async function giveUpText({ id, attempts, error }: { id: string; attempts: number; error: string }, ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  await db
    .update(outbox)
    .set({ status: "dead", lockedUntil: null, lastError: error, updatedAt: sql`now()` })
    .where(and(eq(outbox.id, id), eq(outbox.attempts, attempts), eq(outbox.status, "in_flight")));
}

export async function cancelQueuedText({ id, attempts, reason }: { id: string; attempts: number; reason: string }, ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  await db
    .update(outbox)
    .set({ status: "canceled", lockedUntil: null, lastError: reason, updatedAt: sql`now()` })
    .where(and(eq(outbox.id, id), eq(outbox.attempts, attempts), eq(outbox.status, "in_flight")));
}

/** Puts a claimed text back to wait (quiet hours, the per-number rate): not a failed attempt, so the count is restored. */
export async function rescheduleText({ id, attempts, at, note }: { id: string; attempts: number; at: Date; note?: string }, ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  await db
    .update(outbox)
    .set({ status: "pending", nextAttemptAt: at, lockedUntil: null, attempts: sql`${outbox.attempts} - 1`, updatedAt: sql`now()`, ...(note ? { lastError: note } : {}) })
    .where(and(eq(outbox.id, id), eq(outbox.attempts, attempts), eq(outbox.status, "in_flight")));
}

/**
 * Cancels every text still waiting to go from a number the organization just gave up (a number
 * removed from a location may soon belong to someone else): the outbox entry, the message (with
 * the sentence the conversation shows) and one `text_canceled` event per text, in one statement.
 * A text already being sent is left to its sender, whose send-time check refuses a number not held.
 */
export async function cancelTextsFromNumber(
  { orgId, e164, reason, reasonText }: { orgId: string; e164: string; reason: string; reasonText: string },
  ex?: Executor,
): Promise<number> {
  const db = await resolveDb(ex);
  const result = await db.execute(sql`
    with gone as (
      update outbox o set status = 'canceled', last_error = ${reason}, locked_until = null, updated_at = now()
      from messages m
      where m.id = o.message_id and o.org_id = ${orgId} and o.status = 'pending' and m.org_id = ${orgId} and m.from_number = ${e164}
      returning m.id, m.conversation_id, m.contact_id
    ), marked as (
      update messages set status = 'canceled', error_message = ${reasonText} where id in (select id from gone)
    )
    insert into events (org_id, conversation_id, contact_id, message_id, type, reason, detail)
    select ${orgId}::uuid, conversation_id, contact_id, id, 'text_canceled', ${reason}, json_build_object('from', ${e164}::text)::jsonb from gone
    returning id`);
  return rowsOf<{ id: number }>(result).length;
}

export type ScheduledScope = { contactId: string } | { conversationId: string } | { messageId: string };
/** Which waiting texts: every one, the automatic ones (a missed call's text-back and follow-up), or follow-ups only. */
export type ScheduledKind = "any" | "automatic" | "follow_up";

/**
 * Cancels texts still waiting in the outbox, in the caller's transaction: the outbox entry, the
 * message (with the sentence the conversation shows) and one `text_canceled` event per text, in
 * one statement. A text already being sent is left to its sender, whose send-time guard checks
 * the same facts again. Returns the cancelled messages' ids.
 */
export async function cancelScheduledTexts(
  {
    orgId,
    scope,
    kind,
    reason,
    reasonText,
    detail = {},
  }: { orgId: string; scope: ScheduledScope; kind: ScheduledKind; reason: string; reasonText: string; detail?: Record<string, string | null> },
  ex?: Executor,
): Promise<string[]> {
  const db = await resolveDb(ex);
  const where =
    "contactId" in scope ? sql`m.contact_id = ${scope.contactId}` : "conversationId" in scope ? sql`m.conversation_id = ${scope.conversationId}` : sql`m.id = ${scope.messageId}`;
  const only = kind === "follow_up" ? sql`and m.template_situation = 'follow_up'` : kind === "automatic" ? sql`and m.automated and m.template_situation is not null` : sql``;
  const result = await db.execute(sql`
    with gone as (
      update outbox o set status = 'canceled', last_error = ${reason}, locked_until = null, updated_at = now()
      from messages m
      where m.id = o.message_id and o.org_id = ${orgId} and o.status = 'pending' and m.org_id = ${orgId} and m.direction = 'outbound'
        and ${where} ${only}
      returning m.id, m.conversation_id, m.contact_id
    ), marked as (
      update messages set status = 'canceled', error_message = ${reasonText} where id in (select id from gone)
    )
    insert into events (org_id, conversation_id, contact_id, message_id, type, reason, detail)
    select ${orgId}::uuid, conversation_id, contact_id, id, 'text_canceled', ${reason}, ${JSON.stringify(detail)}::jsonb from gone
    returning message_id as "messageId"`);
  return rowsOf<{ messageId: string }>(result).map((r) => r.messageId);
}
