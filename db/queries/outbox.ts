import { and, eq, sql } from "drizzle-orm";
import { rowsOf, type Executor } from "../client";
import { events, outbox } from "../schema";
import type { NewEvent } from "./events";
import { messageSentUpdate, type SentMessage } from "./messages";

export type OutboxClaim = { id: string; messageId: string; attempts: number; needsReconcile: boolean };

/** How long a claim lasts; a claim older than this belonged to a process that died mid-send. */
export const CLAIM_SECONDS = 30;

export type OutboxEntry = { orgId: string; messageId: string; notBefore: Date };

/** Queues texts whose message rows exist (or are inserted earlier on the same connection). */
export async function enqueueTexts(db: Executor, entries: OutboxEntry[]): Promise<void> {
  if (entries.length) await db.insert(outbox).values(entries.map(({ orgId, messageId, notBefore }) => ({ orgId, messageId, nextAttemptAt: notBefore })));
}

/**
 * Claims due work with FOR UPDATE SKIP LOCKED, so any number of servers can sweep at once.
 * An expired in-flight claim is taken over, flagged so the sender checks Twilio before resending.
 */
export async function claimDueTexts(db: Executor, { limit, messageId }: { limit: number; messageId?: string }): Promise<OutboxClaim[]> {
  const onlyMessage = messageId ? sql`and message_id = ${messageId}` : sql``;
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
    returning id, message_id as "messageId", attempts, needs_reconcile as "needsReconcile"`);
  return rowsOf<OutboxClaim>(result);
}

/** Finishes a claim; the attempt count guards against a claim that expired and was taken over. */
function completeUpdate(db: Executor, { id, attempts }: { id: string; attempts: number }) {
  return db
    .update(outbox)
    .set({ status: "done", lockedUntil: null, needsReconcile: false, updatedAt: sql`now()` })
    .where(and(eq(outbox.id, id), eq(outbox.attempts, attempts), eq(outbox.status, "in_flight")));
}

export async function completeText(db: Executor, claim: { id: string; attempts: number }): Promise<void> {
  await completeUpdate(db, claim);
}

/**
 * A text Twilio took (or that was simulated), in one statement: the message gets its sid and
 * status, the claim is done, the event is appended. All of it or none of it.
 */
export async function finishSentText(db: Executor, { claim, sent, event }: { claim: OutboxClaim; sent: SentMessage; event: NewEvent }): Promise<void> {
  const [message, done, appended] = [messageSentUpdate(db, sent), completeUpdate(db, claim), db.insert(events).values(event)].map((statement) => statement.getSQL());
  await db.execute(sql`with sent as (${message}), done as (${done}) ${appended}`);
}

export async function retryTextLater(
  db: Executor,
  { id, attempts, at, error, outcomeUnknown }: { id: string; attempts: number; at: Date; error: string; outcomeUnknown: boolean },
): Promise<void> {
  await db
    .update(outbox)
    .set({ status: "pending", nextAttemptAt: at, lockedUntil: null, lastError: error, needsReconcile: outcomeUnknown, updatedAt: sql`now()` })
    .where(and(eq(outbox.id, id), eq(outbox.attempts, attempts), eq(outbox.status, "in_flight")));
}

export async function giveUpText(db: Executor, { id, attempts, error }: { id: string; attempts: number; error: string }): Promise<void> {
  await db
    .update(outbox)
    .set({ status: "dead", lockedUntil: null, lastError: error, updatedAt: sql`now()` })
    .where(and(eq(outbox.id, id), eq(outbox.attempts, attempts), eq(outbox.status, "in_flight")));
}

export async function cancelQueuedText(db: Executor, { id, attempts, reason }: { id: string; attempts: number; reason: string }): Promise<void> {
  await db
    .update(outbox)
    .set({ status: "canceled", lockedUntil: null, lastError: reason, updatedAt: sql`now()` })
    .where(and(eq(outbox.id, id), eq(outbox.attempts, attempts), eq(outbox.status, "in_flight")));
}

/** Puts a claimed text back to wait (quiet hours): not a failed attempt, so the count is restored. */
export async function rescheduleText(db: Executor, { id, attempts, at }: { id: string; attempts: number; at: Date }): Promise<void> {
  await db
    .update(outbox)
    .set({ status: "pending", nextAttemptAt: at, lockedUntil: null, attempts: sql`${outbox.attempts} - 1`, updatedAt: sql`now()` })
    .where(and(eq(outbox.id, id), eq(outbox.attempts, attempts), eq(outbox.status, "in_flight")));
}
