import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { contacts, conversations, locations, type Conversation } from "../schema";

export type ActivityKind = "missed_call" | "voicemail" | "reply" | "text_sent" | "text_skipped" | "link_clicked";

/**
 * The conversation of a contact at a location, created on first activity and moved to the top of
 * the inbox by each new one. A caller waiting for a human keeps the earliest waiting time.
 */
export async function touchConversation(
  db: Executor,
  input: {
    orgId: string;
    locationId: string;
    contactId: string;
    kind: ActivityKind;
    at: Date;
    preview?: string | null;
    waiting?: boolean;
    unread?: boolean;
    priority?: Conversation["priority"];
  },
): Promise<Conversation> {
  const waitingSince = input.waiting ? input.at : null;
  const [row] = await db
    .insert(conversations)
    .values({
      orgId: input.orgId,
      locationId: input.locationId,
      contactId: input.contactId,
      lastActivityKind: input.kind,
      lastActivityAt: input.at,
      lastMessagePreview: input.preview ?? null,
      waitingSince,
      unreadCount: input.unread ? 1 : 0,
      priority: input.priority ?? "normal",
    })
    .onConflictDoUpdate({
      target: [conversations.locationId, conversations.contactId],
      set: {
        status: "open",
        lastActivityKind: sql`case when excluded.last_activity_at >= ${conversations.lastActivityAt} then excluded.last_activity_kind else ${conversations.lastActivityKind} end`,
        lastActivityAt: sql`greatest(${conversations.lastActivityAt}, excluded.last_activity_at)`,
        lastMessagePreview: input.preview === undefined ? conversations.lastMessagePreview : sql`excluded.last_message_preview`,
        waitingSince: input.waiting ? sql`coalesce(${conversations.waitingSince}, excluded.waiting_since)` : conversations.waitingSince,
        unreadCount: input.unread ? sql`${conversations.unreadCount} + 1` : conversations.unreadCount,
        priority: input.priority && input.priority !== "normal" ? sql`greatest(${conversations.priority}, excluded.priority)` : conversations.priority,
      },
    })
    .returning();
  if (!row) throw new Error("conversation upsert returned nothing");
  return row;
}

/** A coordinator answered: nobody is waiting any more, and the conversation is read. */
export async function markAnswered(db: Executor, { orgId, conversationId, at, preview }: { orgId: string; conversationId: string; at: Date; preview: string }): Promise<void> {
  await db
    .update(conversations)
    .set({ waitingSince: null, unreadCount: 0, lastActivityKind: "text_sent", lastActivityAt: at, lastMessagePreview: preview })
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, conversationId)));
}

export async function markRead(db: Executor, { orgId, conversationId }: { orgId: string; conversationId: string }): Promise<void> {
  await db
    .update(conversations)
    .set({ unreadCount: 0 })
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, conversationId), sql`${conversations.unreadCount} > 0`));
}

export type InboxRow = {
  id: string;
  contactId: string;
  contactName: string | null;
  contactPhone: string;
  locationName: string;
  lastActivityKind: string;
  lastActivityAt: Date;
  lastMessagePreview: string | null;
  waitingSince: Date | null;
  unreadCount: number;
  priority: Conversation["priority"];
  status: Conversation["status"];
};

export type InboxCursor = { at: Date; id: string };

/** The inbox: newest activity first, keyset-paginated so page N costs the same as page 1. */
export async function listConversations(db: Executor, { orgId, cursor, limit = 50 }: { orgId: string; cursor?: InboxCursor | null; limit?: number }): Promise<{ rows: InboxRow[]; next: InboxCursor | null }> {
  const rows = await db
    .select({
      id: conversations.id,
      contactId: conversations.contactId,
      contactName: contacts.name,
      contactPhone: contacts.phone,
      locationName: locations.name,
      lastActivityKind: conversations.lastActivityKind,
      lastActivityAt: conversations.lastActivityAt,
      lastMessagePreview: conversations.lastMessagePreview,
      waitingSince: conversations.waitingSince,
      unreadCount: conversations.unreadCount,
      priority: conversations.priority,
      status: conversations.status,
    })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .innerJoin(locations, eq(locations.id, conversations.locationId))
    .where(
      and(
        eq(conversations.orgId, orgId),
        cursor
          ? or(lt(conversations.lastActivityAt, cursor.at), and(eq(conversations.lastActivityAt, cursor.at), lt(conversations.id, cursor.id)))
          : undefined,
      ),
    )
    .orderBy(desc(conversations.lastActivityAt), desc(conversations.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, next: rows.length > limit && last ? { at: last.lastActivityAt, id: last.id } : null };
}

export type ConversationDetail = {
  conversation: Conversation;
  contact: typeof contacts.$inferSelect;
  location: { id: string; name: string; timezone: string };
};

export async function getConversation(db: Executor, { orgId, conversationId }: { orgId: string; conversationId: string }): Promise<ConversationDetail | null> {
  const [row] = await db
    .select({ conversation: conversations, contact: contacts, location: { id: locations.id, name: locations.name, timezone: locations.timezone } })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .innerJoin(locations, eq(locations.id, conversations.locationId))
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, conversationId)))
    .limit(1);
  return row ?? null;
}

export async function setConversationIntent(db: Executor, { orgId, conversationId, intent }: { orgId: string; conversationId: string; intent: string }): Promise<void> {
  await db
    .update(conversations)
    .set({ intent: intent === "other" ? sql`coalesce(${conversations.intent}, ${intent})` : intent })
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, conversationId)));
}
