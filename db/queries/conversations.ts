import { and, asc, desc, eq, exists, ilike, inArray, isNotNull, isNull, like, lt, ne, or, sql, type SQL } from "drizzle-orm";
import { isTabActive, likeContains, searchTerms, TABS, tabFilter, type InboxFilter, type InboxTab } from "@/lib/inbox/filters";
import { resolveDb, type Executor } from "../client";
import { callbacks, contacts, conversations, locations, members, type Conversation, type Intent, type Member } from "../schema";

export type ActivityKind = "missed_call" | "voicemail" | "reply" | "text_sent" | "text_skipped" | "link_clicked";

/**
 * The conversation of a contact at a location, created on first activity and moved to the top of
 * the inbox by each new one. A caller waiting for a human keeps the earliest waiting time.
 */
/** A touched conversation is open again and shows its latest activity (a late event never hides a newer one). */
const REOPENED_WITH_LATEST_ACTIVITY = {
  status: "open",
  lastActivityKind: sql`case when excluded.last_activity_at >= ${conversations.lastActivityAt} then excluded.last_activity_kind else ${conversations.lastActivityKind} end`,
  lastActivityAt: sql`greatest(${conversations.lastActivityAt}, excluded.last_activity_at)`,
} as const;

export async function touchConversation(
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
  ex?: Executor,
): Promise<Conversation> {
  const db = await resolveDb(ex);
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
        ...REOPENED_WITH_LATEST_ACTIVITY,
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

/**
 * `touchConversation` for many contacts at once, each waiting and with one more unread item, the
 * way a missed call touches its caller's conversation: one statement. A null preview keeps the
 * conversation's; a priority only ever rises. One row per (location, contact) in `list`.
 */
export async function touchWaitingConversations(
  list: { orgId: string; locationId: string; contactId: string; kind: ActivityKind; at: Date; preview: string | null; priority: Conversation["priority"] }[],
  ex?: Executor,
): Promise<Conversation[]> {
  const db = await resolveDb(ex);
  if (list.length === 0) return [];
  return db
    .insert(conversations)
    .values(
      list.map((input) => ({
        orgId: input.orgId,
        locationId: input.locationId,
        contactId: input.contactId,
        lastActivityKind: input.kind,
        lastActivityAt: input.at,
        lastMessagePreview: input.preview,
        waitingSince: input.at,
        unreadCount: 1,
        priority: input.priority,
      })),
    )
    .onConflictDoUpdate({
      target: [conversations.locationId, conversations.contactId],
      set: {
        ...REOPENED_WITH_LATEST_ACTIVITY,
        lastMessagePreview: sql`coalesce(excluded.last_message_preview, ${conversations.lastMessagePreview})`,
        waitingSince: sql`coalesce(${conversations.waitingSince}, excluded.waiting_since)`,
        unreadCount: sql`${conversations.unreadCount} + 1`,
        priority: sql`greatest(${conversations.priority}, excluded.priority)`,
      },
    })
    .returning();
}

/** A coordinator answered: nobody is waiting any more, and the conversation is read. */
export async function markAnswered({ orgId, conversationId, at, preview }: { orgId: string; conversationId: string; at: Date; preview: string }, ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  await db
    .update(conversations)
    .set({ waitingSince: null, unreadCount: 0, lastActivityKind: "text_sent", lastActivityAt: at, lastMessagePreview: preview })
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, conversationId)));
}

export async function markRead({ orgId, conversationId }: { orgId: string; conversationId: string }, ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
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
  intent: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
};

export type InboxCursor = { at: Date; id: string };

/** What one inbox tab adds to the shared narrowing; "mine" needs to know who is asking. */
function tabCondition(tab: InboxTab, memberId: string | null): SQL | undefined {
  switch (tab) {
    case "all":
      return undefined;
    case "needs_reply":
      return and(isNotNull(conversations.waitingSince), eq(conversations.status, "open"));
    case "hot":
      return eq(conversations.priority, "hot");
    case "unassigned":
      return isNull(conversations.assigneeId);
    case "mine":
      // Nobody is "me" without a member: an impossible condition rather than every conversation.
      return memberId ? eq(conversations.assigneeId, memberId) : sql`false`;
  }
}

/**
 * The inbox filter as SQL on the conversations table alone (a search is a semi-join on the
 * organization's contacts), so Postgres can walk conversations_inbox_idx newest first and stop
 * after one page instead of joining and sorting every conversation. No filter: the whole organization.
 */
function inboxConditions(db: Executor, orgId: string, memberId: string | null, filter: InboxFilter | undefined): (SQL | undefined)[] {
  if (!filter) return [eq(conversations.orgId, orgId)];
  const terms = searchTerms(filter.q);
  const byName = terms ? ilike(contacts.name, likeContains(terms.text)) : undefined;
  const matches = terms?.digits ? or(byName, like(contacts.phone, likeContains(terms.digits))) : byName;
  return [
    eq(conversations.orgId, orgId),
    filter.status === "all" ? undefined : eq(conversations.status, filter.status),
    ...TABS.filter((tab) => tab !== "all" && isTabActive(filter, tab)).map((tab) => tabCondition(tab, memberId)),
    filter.locationId ? eq(conversations.locationId, filter.locationId) : undefined,
    filter.intent ? eq(conversations.intent, filter.intent) : undefined,
    matches
      ? inArray(
          conversations.contactId,
          db
            .select({ id: contacts.id })
            .from(contacts)
            .where(and(eq(contacts.orgId, orgId), matches)),
        )
      : undefined,
  ];
}

/**
 * The inbox: newest activity first, keyset-paginated so page N costs the same as page 1. Without a
 * filter every conversation of the organization is listed (open and done). Two short queries: the
 * page's ids from the index, then those rows with their contact, location and assignee.
 */
export async function listConversations(
  { orgId, memberId = null, filter, cursor, limit = 50 }: { orgId: string; memberId?: string | null; filter?: InboxFilter; cursor?: InboxCursor | null; limit?: number },
  ex?: Executor,
): Promise<{ rows: InboxRow[]; next: InboxCursor | null }> {
  const db = await resolveDb(ex);
  const newestFirst = [desc(conversations.lastActivityAt), desc(conversations.id)];
  const ids = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(
      and(
        ...inboxConditions(db, orgId, memberId, filter),
        cursor ? or(lt(conversations.lastActivityAt, cursor.at), and(eq(conversations.lastActivityAt, cursor.at), lt(conversations.id, cursor.id))) : undefined,
      ),
    )
    .orderBy(...newestFirst)
    .limit(limit + 1);
  if (ids.length === 0) return { rows: [], next: null };
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
      intent: conversations.intent,
      assigneeId: conversations.assigneeId,
      assigneeName: members.name,
    })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .innerJoin(locations, eq(locations.id, conversations.locationId))
    .leftJoin(members, eq(members.id, conversations.assigneeId))
    .where(
      and(
        eq(conversations.orgId, orgId),
        inArray(
          conversations.id,
          ids.map((r) => r.id),
        ),
      ),
    )
    .orderBy(...newestFirst);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, next: rows.length > limit && last ? { at: last.lastActivityAt, id: last.id } : null };
}

/**
 * Work left to do, the one definition every count of the inbox uses (the tab chips): an open
 * conversation where a caller waits for a human answer (`waitingSince`, cleared by a desk reply),
 * or that still has a callback not done. Reading a conversation is not doing it, so opening one
 * changes no count; a reply, a completed callback or "Mark done" does.
 */
export function needsWork(): SQL {
  return and(
    eq(conversations.status, "open"),
    or(isNotNull(conversations.waitingSince), sql`exists (select 1 from ${callbacks} where ${callbacks.conversationId} = ${conversations.id} and ${callbacks.status} <> 'done')`),
  ) as SQL;
}

/**
 * Conversations with work left (needsWork) per inbox tab, each tab counted alone on top of the
 * shared narrowing (status, location, intent, search), in one pass.
 */
export async function countWorkByTab({ orgId, memberId, filter }: { orgId: string; memberId: string; filter: InboxFilter }, ex?: Executor): Promise<Record<InboxTab, number>> {
  const db = await resolveDb(ex);
  const count = (tab: InboxTab) => {
    const extra = tabCondition(tab, memberId);
    return (extra ? sql`count(*) filter (where ${extra})` : sql`count(*)`).mapWith(Number);
  };
  const [row] = await db
    .select({ all: count("all"), needs_reply: count("needs_reply"), hot: count("hot"), unassigned: count("unassigned"), mine: count("mine") })
    .from(conversations)
    .where(and(...inboxConditions(db, orgId, memberId, tabFilter(filter, "all")), needsWork()));
  return row ?? { all: 0, needs_reply: 0, hot: 0, unassigned: 0, mine: 0 };
}

export type ConversationDetail = {
  conversation: Conversation;
  contact: typeof contacts.$inferSelect;
  location: { id: string; name: string; timezone: string };
  assignee: { id: string; name: string } | null;
};

export async function getConversation({ orgId, conversationId }: { orgId: string; conversationId: string }, ex?: Executor): Promise<ConversationDetail | null> {
  const db = await resolveDb(ex);
  const [row] = await db
    .select({
      conversation: conversations,
      contact: contacts,
      location: { id: locations.id, name: locations.name, timezone: locations.timezone },
      assignee: { id: members.id, name: members.name },
    })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .innerJoin(locations, eq(locations.id, conversations.locationId))
    .leftJoin(members, eq(members.id, conversations.assigneeId))
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, conversationId)))
    .limit(1);
  return row ?? null;
}

/** "Claim": take an unassigned conversation (or keep one already mine). False when someone else holds it. */
export async function claimConversation({ orgId, conversationId, memberId }: { orgId: string; conversationId: string; memberId: string }, ex?: Executor): Promise<boolean> {
  const db = await resolveDb(ex);
  const rows = await db
    .update(conversations)
    .set({ assigneeId: memberId })
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, conversationId), or(isNull(conversations.assigneeId), eq(conversations.assigneeId, memberId))))
    .returning({ id: conversations.id });
  return rows.length > 0;
}

/**
 * Assigns to a member of the same organization (checked in the statement itself), or unassigns
 * with null. False when the conversation or the member is not in the organization.
 */
export async function assignConversation(
  { orgId, conversationId, assigneeId }: { orgId: string; conversationId: string; assigneeId: string | null },
  ex?: Executor,
): Promise<boolean> {
  const db = await resolveDb(ex);
  const sameOrg = assigneeId
    ? exists(
        db
          .select({ id: members.id })
          .from(members)
          .where(and(eq(members.id, assigneeId), eq(members.orgId, orgId))),
      )
    : undefined;
  const rows = await db
    .update(conversations)
    .set({ assigneeId })
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, conversationId), sameOrg))
    .returning({ id: conversations.id });
  return rows.length > 0;
}

/** Done / reopen. False when nothing changed (already in that status, or not this organization's). */
export async function setConversationStatus(
  { orgId, conversationId, status }: { orgId: string; conversationId: string; status: Conversation["status"] },
  ex?: Executor,
): Promise<boolean> {
  const db = await resolveDb(ex);
  const rows = await db
    .update(conversations)
    .set({ status })
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, conversationId), ne(conversations.status, status)))
    .returning({ id: conversations.id });
  return rows.length > 0;
}

export type InboxOptions = { locations: { id: string; name: string }[]; members: { id: string; name: string; role: Member["role"] }[] };

/** What the inbox's filter and assign menus offer: the organization's locations and members. */
export async function getInboxOptions({ orgId }: { orgId: string }, ex?: Executor): Promise<InboxOptions> {
  const db = await resolveDb(ex);
  const [locationRows, memberRows] = await Promise.all([
    db.select({ id: locations.id, name: locations.name }).from(locations).where(eq(locations.orgId, orgId)).orderBy(asc(locations.name)).limit(200),
    db.select({ id: members.id, name: members.name, role: members.role }).from(members).where(eq(members.orgId, orgId)).orderBy(asc(members.name)).limit(500),
  ]);
  return { locations: locationRows, members: memberRows };
}

export async function setConversationIntent({ orgId, conversationId, intent }: { orgId: string; conversationId: string; intent: Intent }, ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  await db
    .update(conversations)
    .set({ intent: intent === "other" ? sql`coalesce(${conversations.intent}, ${intent})` : intent })
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, conversationId)));
}

export type ConversationOwner = { id: string; locationId: string; contactId: string; assigneeId: string | null };

/** Who holds the conversation, locked for the rest of the transaction (two claims at once queue up). */
export async function lockConversationOwner({ orgId, conversationId }: { orgId: string; conversationId: string }, tx: Executor): Promise<ConversationOwner | null> {
  const [row] = await tx
    .select({ id: conversations.id, locationId: conversations.locationId, contactId: conversations.contactId, assigneeId: conversations.assigneeId })
    .from(conversations)
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, conversationId)))
    .for("update")
    .limit(1);
  return row ?? null;
}
