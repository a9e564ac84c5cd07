// What happened and where it went: the append-only event log and outgoing CRM deliveries.
import { sql } from "drizzle-orm";
import { bigserial, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./accounts";
import { calls, contacts } from "./calls";
import { createdAt, id, tz } from "./columns";
import { conversations, messages } from "./conversations";
import { oneOf } from "./checks";
import { crmDeliveryStatus } from "./enums";
import { EVENT_TYPES, type EventType } from "./event-types";
import { locations } from "./locations";

/** What an event's `detail` holds: JSON (a call's legs are a list of objects). */
export type EventDetailValue = string | number | boolean | null | EventDetailValue[] | { [key: string]: EventDetailValue };

/** Append-only audit log: every decision, including every text NOT sent, with its reason. */
export const events = pgTable(
  "events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    orgId: uuid().references(() => organizations.id, { onDelete: "cascade" }),
    locationId: uuid().references(() => locations.id, { onDelete: "cascade" }),
    contactId: uuid().references(() => contacts.id, { onDelete: "cascade" }),
    conversationId: uuid().references(() => conversations.id, { onDelete: "cascade" }),
    callId: uuid().references(() => calls.id, { onDelete: "cascade" }),
    messageId: uuid().references(() => messages.id, { onDelete: "cascade" }),
    type: text().$type<EventType>().notNull(),
    reason: text(),
    detail: jsonb().$type<Record<string, EventDetailValue>>(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.conversationId, t.createdAt), index().on(t.callId), index().on(t.orgId, t.type, t.createdAt), oneOf("events_type_check", "type", EVENT_TYPES)],
);
export type Event = typeof events.$inferSelect;

/** Outgoing CRM webhooks: one row per event, delivered with retries, kept as the delivery log. */
export const crmDeliveries = pgTable(
  "crm_deliveries",
  {
    id: id(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** The Standard Webhooks `webhook-id`: stable across retries and replays. */
    eventId: text().notNull().unique(),
    eventType: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    status: crmDeliveryStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: tz().notNull().defaultNow(),
    lockedUntil: tz(),
    lastStatusCode: integer(),
    lastError: text(),
    deliveredAt: tz(),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [
    index().on(t.orgId, t.createdAt),
    index("crm_deliveries_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('pending', 'in_flight')`),
  ],
);
export type CrmDelivery = typeof crmDeliveries.$inferSelect;
