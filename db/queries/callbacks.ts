import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { callbacks, contacts, conversations, type Callback, type Contact } from "../schema";

export type NewCallback = typeof callbacks.$inferInsert;

export async function insertCallback(db: Executor, callback: NewCallback): Promise<Callback> {
  const [row] = await db.insert(callbacks).values(callback).returning();
  if (!row) throw new Error("callback insert returned nothing");
  return row;
}

/** Not done yet: waiting, being worked on, or snoozed. */
const UNFINISHED: Callback["status"][] = ["open", "claimed", "snoozed"];

/** The conversation's unfinished hot callback, if any: a second hot reply must not open another. */
export async function findOpenHotCallback(db: Executor, { orgId, conversationId }: { orgId: string; conversationId: string }): Promise<Callback | null> {
  const [row] = await db
    .select()
    .from(callbacks)
    .where(
      and(
        eq(callbacks.orgId, orgId),
        eq(callbacks.conversationId, conversationId),
        eq(callbacks.priority, "hot"),
        inArray(callbacks.status, UNFINISHED),
      ),
    )
    .orderBy(callbacks.dueAt)
    .limit(1);
  return row ?? null;
}

// Reply routing writes to the conversation and the contact. They belong in conversations.ts and
// contacts.ts; they live here only because those files had other owners when reply routing landed.

/**
 * The conversation's intent is its latest meaningful reply: a general reply ("ok thanks") never
 * overwrites an earlier intent, it only fills an empty one.
 */
export async function setConversationIntent(db: Executor, { orgId, conversationId, intent }: { orgId: string; conversationId: string; intent: string }): Promise<void> {
  await db
    .update(conversations)
    .set({ intent: intent === "other" ? sql`coalesce(${conversations.intent}, ${intent})` : intent })
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, conversationId)));
}

/** A reply refines who the contact is (kind) and where they are in the funnel (lead status). */
export async function updateContactRouting(
  db: Executor,
  { orgId, contactId, kind, leadStatus }: { orgId: string; contactId: string; kind?: Contact["kind"]; leadStatus?: string },
): Promise<void> {
  if (kind === undefined && leadStatus === undefined) return;
  await db
    .update(contacts)
    .set({ ...(kind === undefined ? {} : { kind }), ...(leadStatus === undefined ? {} : { leadStatus }) })
    .where(and(eq(contacts.orgId, orgId), eq(contacts.id, contactId)));
}
