// What the front desk works: callback tasks and bookings.
import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { members, organizations } from "./accounts";
import { calls, contacts } from "./calls";
import { createdAt, id, tz } from "./columns";
import { conversations, messages } from "./conversations";
import { callbackPriority, callbackStatus, callbackOutcome, bookingStatus } from "./enums";
import { locations } from "./locations";

export const callbacks = pgTable(
  "callbacks",
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
    conversationId: uuid().references(() => conversations.id, { onDelete: "cascade" }),
    callId: uuid().references(() => calls.id, { onDelete: "set null" }),
    messageId: uuid().references(() => messages.id, { onDelete: "set null" }),
    reason: text().notNull(),
    priority: callbackPriority().notNull().default("normal"),
    dueAt: tz().notNull(),
    /** Opened while the location was closed, so first due at its next opening ("waiting for opening"). */
    openedWhileClosed: boolean().notNull().default(false),
    /** Set by a snooze and kept by a claim: until then the task is snoozed, whoever holds it. */
    snoozedUntil: tz(),
    status: callbackStatus().notNull().default("open"),
    assigneeId: uuid().references(() => members.id, { onDelete: "set null" }),
    outcome: callbackOutcome(),
    completedAt: tz(),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.orgId, t.status, t.priority, t.dueAt),
    index().on(t.callId),
    // The inbox counts ask, per conversation, whether a callback is still to be done.
    index("callbacks_unfinished_conversation_idx")
      .on(t.conversationId)
      .where(sql`${t.status} <> 'done'`),
  ],
);
export type Callback = typeof callbacks.$inferSelect;

export const bookings = pgTable(
  "bookings",
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
    conversationId: uuid().references(() => conversations.id, { onDelete: "set null" }),
    callId: uuid().references(() => calls.id, { onDelete: "set null" }),
    messageId: uuid().references(() => messages.id, { onDelete: "set null" }),
    treatment: text().notNull(),
    valueCents: integer().notNull(),
    source: text().notNull(),
    status: bookingStatus().notNull().default("booked"),
    bookedFor: tz(),
    createdById: uuid().references(() => members.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.orgId, t.createdAt), index().on(t.contactId), index().on(t.callId), index().on(t.locationId, t.createdAt)],
);
export type Booking = typeof bookings.$inferSelect;
