import { and, eq, isNull, or, sql, inArray } from "drizzle-orm";
import { resolveDb, type Executor } from "../client";
import { contacts, messages, organizations, type Contact, type Message } from "../schema";
import { credentialColumns, type NumberWithCredentials } from "./phone-numbers";
import { sendingFactsColumns, sendingFactsOf, type SendingFacts } from "./send-signals";

export type NewMessage = typeof messages.$inferInsert;

/** Several messages in one statement; their ids are chosen by the caller, so nothing comes back. */
export async function insertMessages(list: (NewMessage & { id: string })[], ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  if (list.length) await db.insert(messages).values(list);
}

/** A message from a provider's webhook is stored once per (organization, provider id): null means the webhook was a retry. */
export async function insertMessageIfNew(message: NewMessage, ex?: Executor): Promise<Message | null> {
  const db = await resolveDb(ex);
  const [row] = await db
    .insert(messages)
    .values(message)
    .onConflictDoNothing({ target: [messages.orgId, messages.providerSid] })
    .returning();
  return row ?? null;
}

export async function getMessage({ messageId }: { messageId: string }, ex?: Executor): Promise<Message | null> {
  const db = await resolveDb(ex);
  const [row] = await db.select().from(messages).where(eq(messages.id, messageId)).limit(1);
  return row ?? null;
}

/** `credentials`: the organization's provider API credentials, for the sender its number needs. */
export type TextToSend = { message: Message; contact: Contact | null; facts: SendingFacts; credentials: NumberWithCredentials["credentials"] };

/**
 * A queued text with the contact it goes to and what its organization may send (held numbers,
 * countries, caps), in one round trip (read before every send).
 */
export async function getTextToSend({ messageId }: { messageId: string }, ex?: Executor): Promise<TextToSend | null> {
  const [text] = await getTextsToSend({ messageIds: [messageId] }, ex);
  return text ?? null;
}

const NO_CREDENTIALS: TextToSend["credentials"] = { openphoneApiKey: null, aircallApiId: null, aircallApiToken: null, twilioMessagingServiceSid: null };

/** `getTextToSend` for several texts in one statement (the texts a batch of missed calls queued). */
export async function getTextsToSend({ messageIds }: { messageIds: readonly string[] }, ex?: Executor): Promise<TextToSend[]> {
  if (messageIds.length === 0) return [];
  const db = await resolveDb(ex);
  const rows = await db
    .select({ message: messages, contact: contacts, enabledCountries: organizations.enabledCountries, credentials: credentialColumns, ...sendingFactsColumns(messages) })
    .from(messages)
    .leftJoin(contacts, and(eq(contacts.id, messages.contactId), eq(contacts.orgId, messages.orgId)))
    .leftJoin(organizations, eq(organizations.id, messages.orgId))
    .where(inArray(messages.id, [...messageIds]));
  return rows.map((row) => ({ message: row.message, contact: row.contact, facts: sendingFactsOf(row), credentials: row.credentials ?? NO_CREDENTIALS }));
}

/** How far along a text is: a status callback may only move a message forward. */
const STATUS_RANK = sql`case ${messages.status}
  when 'pending' then 0 when 'accepted' then 1 when 'queued' then 1 when 'sending' then 2 when 'sent' then 3
  else 4 end`;
const rankOf = (status: Message["status"]) => (({ pending: 0, accepted: 1, queued: 1, sending: 2, sent: 3 }) as Partial<Record<Message["status"], number>>)[status] ?? 4;

/**
 * Records what the provider said about one of the organization's outbound texts: out-of-order or
 * repeated reports never move it backwards. With `messageId` (from our Twilio StatusCallback URL) a
 * report that beat the send's answer still lands: it attaches the sid to our outbound message that
 * has none yet. Always within `orgId`: a provider's id is only unique within its organization.
 */
export async function applyDeliveryStatus(
  {
    orgId,
    providerSid,
    status,
    errorCode,
    errorMessage,
    messageId,
  }: { orgId: string; providerSid: string; status: Message["status"]; errorCode: number | null; errorMessage?: string | null; messageId?: string | null },
  ex?: Executor,
): Promise<Message | null> {
  const db = await resolveDb(ex);
  const forward = sql`${STATUS_RANK} < ${rankOf(status)}`;
  const set = { status, errorCode: errorCode ?? messages.errorCode, errorMessage: errorMessage ?? messages.errorMessage };
  if (messageId) {
    const [row] = await db
      .update(messages)
      .set({ ...set, providerSid })
      .where(
        and(
          eq(messages.orgId, orgId),
          eq(messages.id, messageId),
          eq(messages.direction, "outbound"),
          or(isNull(messages.providerSid), eq(messages.providerSid, providerSid)),
          forward,
        ),
      )
      .returning();
    if (row) return row;
  }
  // Only our own outbound texts: their sids were handed to us by the provider's send API.
  const [row] = await db
    .update(messages)
    .set(set)
    .where(and(eq(messages.orgId, orgId), eq(messages.providerSid, providerSid), eq(messages.direction, "outbound"), forward))
    .returning();
  return row ?? null;
}

/** One of the organization's outbound texts by the provider's id for it (see applyDeliveryStatus). */
export async function findMessageBySid({ orgId, providerSid }: { orgId: string; providerSid: string }, ex?: Executor): Promise<Message | null> {
  const db = await resolveDb(ex);
  const [row] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.orgId, orgId), eq(messages.providerSid, providerSid), eq(messages.direction, "outbound")))
    .limit(1);
  return row ?? null;
}

/**
 * A provider reported a text leaving `from` for `to` (Aircall fires webhooks for texts sent through
 * its API) before our send got its answer: the organization's most recent outbound text still
 * waiting for that answer, with the same numbers and words (spaces folded), created since `since`,
 * takes the provider's id now. Null: no such text (someone typed it in the provider's app).
 */
export async function claimUnansweredEcho(
  { orgId, from, to, body, since, providerSid }: { orgId: string; from: string; to: string; body: string; since: Date; providerSid: string },
  ex?: Executor,
): Promise<Message | null> {
  const db = await resolveDb(ex);
  const folded = body.trim().replace(/\s+/g, " ");
  const [row] = await db
    .update(messages)
    .set({ providerSid })
    .where(
      eq(
        messages.id,
        sql`(select m.id from ${messages} m
          where m.org_id = ${orgId} and m.direction = 'outbound' and m.provider_sid is null
            and m.from_number = ${from} and m.to_number = ${to}
            and m.status in ('pending', 'accepted', 'queued', 'sending')
            and m.created_at >= ${since.toISOString()}::timestamptz
            and regexp_replace(btrim(m.body), '\\s+', ' ', 'g') = ${folded}
          order by m.created_at desc
          limit 1)`,
      ),
    )
    .returning();
  return row ?? null;
}

export type SentMessage = { messageId: string; providerSid: string | null; status: Message["status"]; at: Date };

/**
 * The send went through (or was simulated): keep the sid, and never downgrade a newer status. A
 * statement for finishSentText (db/queries/outbox.ts) to run with the claim's end and the event.
 */
export function messageSentUpdate({ messageId, providerSid, status, at }: SentMessage, db: Executor) {
  return db
    .update(messages)
    .set({ providerSid, sentAt: at, status: sql`case when ${STATUS_RANK} < ${rankOf(status)} then ${status}::message_status else ${messages.status} end` })
    .where(eq(messages.id, messageId));
}

export async function markMessageFailed(
  { messageId, errorCode, errorMessage }: { messageId: string; errorCode: number | null; errorMessage: string },
  ex?: Executor,
): Promise<void> {
  const db = await resolveDb(ex);
  await db.update(messages).set({ status: "failed", errorCode, errorMessage }).where(eq(messages.id, messageId));
}

export async function markMessageCanceled({ messageId, reason }: { messageId: string; reason: string }, ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  await db.update(messages).set({ status: "canceled", errorMessage: reason }).where(eq(messages.id, messageId));
}
