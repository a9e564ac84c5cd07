// The inbox: conversations, their texts, the outbox that sends them, tracked booking links, notes
// and quick replies.
import { sql } from "drizzle-orm";
import { bigserial, boolean, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { members, organizations } from "./accounts";
import { calls, contacts } from "./calls";
import { oneOf } from "./checks";
import { createdAt, id, tz } from "./columns";
import { conversationStatus, conversationPriority, messageDirection, messageStatus, templateSituation, outboxStatus } from "./enums";
import { INTENTS, type Intent } from "./intents";
import { locations } from "./locations";

export const conversations = pgTable(
  "conversations",
  {
    id: id(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    locationId: uuid()
      .notNull()
      .references(() => locations.id, { onDelete: "cascade" }),
    contactId: uuid()
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    status: conversationStatus().notNull().default("open"),
    priority: conversationPriority().notNull().default("normal"),
    intent: text().$type<Intent>(),
    assigneeId: uuid().references(() => members.id, { onDelete: "set null" }),
    /** What happened last, for the inbox: missed_call, voicemail, reply, text_sent, note… */
    lastActivityKind: text().notNull(),
    lastActivityAt: tz().notNull(),
    lastMessagePreview: text(),
    /** Set while the caller waits for a human answer; cleared by a coordinator's reply. */
    waitingSince: tz(),
    unreadCount: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex().on(t.locationId, t.contactId),
    // NULLS FIRST is what `order by … desc` means: only an index in that order lets the inbox walk it
    // newest first and stop after a page (drizzle's .desc() alone is DESC NULLS LAST).
    index("conversations_inbox_idx").on(t.orgId, t.lastActivityAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // The work-left counts on the inbox tabs (every render, every few seconds while it is open) read
    // the open rows from this index, with every column a tab or filter looks at.
    index("conversations_open_work_idx")
      .on(t.orgId, t.priority, t.assigneeId, t.waitingSince, t.locationId, t.intent, t.contactId)
      .where(sql`${t.status} = 'open'`),
    oneOf("conversations_intent_check", "intent", INTENTS),
  ],
);
export type Conversation = typeof conversations.$inferSelect;

export const messages = pgTable(
  "messages",
  {
    id: id(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    contactId: uuid()
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    callId: uuid().references(() => calls.id, { onDelete: "set null" }),
    direction: messageDirection().notNull(),
    fromNumber: text().notNull(),
    toNumber: text().notNull(),
    body: text().notNull(),
    status: messageStatus().notNull(),
    /** The provider's message id (Twilio SM…/MM…); unique per organization, so a retried inbound webhook is stored once. */
    providerSid: text(),
    errorCode: integer(),
    errorMessage: text(),
    automated: boolean().notNull().default(false),
    /** Which template produced an automated text (open, after_hours…). */
    templateSituation: templateSituation(),
    authorId: uuid().references(() => members.id, { onDelete: "set null" }),
    sentAt: tz(),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.conversationId, t.createdAt),
    index().on(t.contactId, t.createdAt),
    uniqueIndex("messages_one_auto_text_per_call")
      .on(t.callId)
      .where(sql`${t.automated} and ${t.callId} is not null`),
    uniqueIndex("messages_org_provider_sid_key").on(t.orgId, t.providerSid),
    // The per-organization daily caps and the per-number rate count an organization's recent texts.
    index("messages_org_outbound_idx")
      .on(t.orgId, t.createdAt)
      .where(sql`${t.direction} = 'outbound'`),
  ],
);
export type Message = typeof messages.$inferSelect;

/** Durable outbox: one row per text to send, claimed with FOR UPDATE SKIP LOCKED. */
export const outbox = pgTable(
  "outbox",
  {
    id: id(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    messageId: uuid()
      .notNull()
      .unique()
      .references(() => messages.id, { onDelete: "cascade" }),
    status: outboxStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: tz().notNull().defaultNow(),
    /** While in_flight: after this the claim has expired and the outcome must be reconciled. */
    lockedUntil: tz(),
    /** The last attempt's outcome was unknown (timeout, crash): look for the text at Twilio first. */
    needsReconcile: boolean().notNull().default(false),
    lastError: text(),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [
    index("outbox_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('pending', 'in_flight')`),
  ],
);
export type OutboxEntry = typeof outbox.$inferSelect;

/** A booking link sent in a text: `/b/<token>` records the click and redirects with UTM tags. */
export const trackedLinks = pgTable(
  "tracked_links",
  {
    id: id(),
    token: text().notNull().unique(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    locationId: uuid()
      .notNull()
      .references(() => locations.id, { onDelete: "cascade" }),
    contactId: uuid()
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    conversationId: uuid().references(() => conversations.id, { onDelete: "cascade" }),
    callId: uuid().references(() => calls.id, { onDelete: "set null" }),
    targetUrl: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.contactId)],
);
export type TrackedLink = typeof trackedLinks.$inferSelect;

export const linkClicks = pgTable(
  "link_clicks",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    linkId: uuid()
      .notNull()
      .references(() => trackedLinks.id, { onDelete: "cascade" }),
    clickedAt: createdAt(),
    userAgent: text(),
  },
  (t) => [index().on(t.linkId, t.clickedAt)],
);
export type LinkClick = typeof linkClicks.$inferSelect;

/** Internal notes on a conversation: seen by the team, never sent to the caller. */
export const notes = pgTable(
  "notes",
  {
    id: id(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    contactId: uuid()
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    authorId: uuid().references(() => members.id, { onDelete: "set null" }),
    body: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.conversationId, t.createdAt)],
);
export type Note = typeof notes.$inferSelect;

/** Saved replies the desk inserts with one click. */
export const quickReplies = pgTable(
  "quick_replies",
  {
    id: id(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    title: text().notNull(),
    body: text().notNull(),
    createdAt: createdAt(),
    /** Deleted for the whole team but still restorable (Undo) for a while; purged after that. */
    deletedAt: tz(),
  },
  (t) => [index().on(t.orgId)],
);
export type QuickReply = typeof quickReplies.$inferSelect;
