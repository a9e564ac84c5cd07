// Pages of an organization's conversations, callbacks and bookings for the read API and the CSV
// exports (one query each, shared by both; calls are in exports-calls.ts). The test caller's records
// are never exported (docs/roi.md "Test events"). A range is of local calendar days: each row's
// timestamp is compared with the bounds of the day in its own location's timezone. A constant
// bound one day wider on each side lets Postgres walk the (org_id, timestamp) index where there is
// one. Pages are keyset pages on (timestamp, id), oldest first; the cursor key keeps microseconds
// so a page never repeats or skips a row that shares a millisecond with another.
import { and, asc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { resolveDb, type Executor } from "../client";
import { bookings, callbacks, contacts, conversations, locations, type Booking, type Callback, type Conversation } from "../schema";

export type ExportRange = { from: string | null; to: string | null; locationId: string | null };
export type ExportPageInput = { orgId: string; range: ExportRange; after: { at: string; id: string } | null; limit: number };

const DAY_MS = 86_400_000;
const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`);

function inRange(at: PgColumn, locationId: PgColumn, range: ExportRange): SQL | undefined {
  return and(
    range.locationId ? eq(locationId, range.locationId) : undefined,
    range.from ? gte(at, new Date(dayStart(range.from) - DAY_MS)) : undefined,
    range.from ? sql`${at} >= (${range.from}::date)::timestamp at time zone ${locations.timezone}` : undefined,
    range.to ? lt(at, new Date(dayStart(range.to) + 2 * DAY_MS)) : undefined,
    range.to ? sql`${at} < (${range.to}::date + 1)::timestamp at time zone ${locations.timezone}` : undefined,
  );
}

function afterCursor(at: PgColumn, id: PgColumn, cursor: ExportPageInput["after"]): SQL | undefined {
  return cursor ? sql`(${at}, ${id}) > (${cursor.at}::timestamptz, ${cursor.id}::uuid)` : undefined;
}

/** The row's timestamp in UTC with microseconds, for the next page's cursor. */
const cursorKey = (at: PgColumn) => sql<string>`to_char(${at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

type Keyed = { cursorAt: string };
type Place = { locationName: string; timezone: string; contactName: string | null };

const notTest = eq(contacts.isTest, false);

export type ConversationExportRow = Pick<Conversation, "id" | "locationId" | "contactId" | "status" | "priority" | "intent" | "lastActivityAt" | "createdAt"> &
  Place &
  Keyed & { contactPhone: string };

export async function listConversationsPage({ orgId, range, after, limit }: ExportPageInput, ex?: Executor): Promise<ConversationExportRow[]> {
  const db = await resolveDb(ex);
  return db
    .select({
      id: conversations.id,
      locationId: conversations.locationId,
      locationName: locations.name,
      timezone: locations.timezone,
      contactId: conversations.contactId,
      contactPhone: contacts.phone,
      contactName: contacts.name,
      status: conversations.status,
      priority: conversations.priority,
      intent: conversations.intent,
      lastActivityAt: conversations.lastActivityAt,
      createdAt: conversations.createdAt,
      cursorAt: cursorKey(conversations.createdAt),
    })
    .from(conversations)
    .innerJoin(locations, eq(locations.id, conversations.locationId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(
      and(
        eq(conversations.orgId, orgId),
        notTest,
        inRange(conversations.createdAt, conversations.locationId, range),
        afterCursor(conversations.createdAt, conversations.id, after),
      ),
    )
    .orderBy(asc(conversations.createdAt), asc(conversations.id))
    .limit(limit);
}

export type CallbackExportRow = Pick<Callback, "id" | "locationId" | "contactId" | "reason" | "priority" | "status" | "outcome" | "dueAt" | "completedAt" | "createdAt"> &
  Place &
  Keyed & { contactPhone: string };

export async function listCallbacksPage({ orgId, range, after, limit }: ExportPageInput, ex?: Executor): Promise<CallbackExportRow[]> {
  const db = await resolveDb(ex);
  return db
    .select({
      id: callbacks.id,
      locationId: callbacks.locationId,
      locationName: locations.name,
      timezone: locations.timezone,
      contactId: callbacks.contactId,
      contactPhone: contacts.phone,
      contactName: contacts.name,
      reason: callbacks.reason,
      priority: callbacks.priority,
      status: callbacks.status,
      outcome: callbacks.outcome,
      dueAt: callbacks.dueAt,
      completedAt: callbacks.completedAt,
      createdAt: callbacks.createdAt,
      cursorAt: cursorKey(callbacks.createdAt),
    })
    .from(callbacks)
    .innerJoin(locations, eq(locations.id, callbacks.locationId))
    .innerJoin(contacts, eq(contacts.id, callbacks.contactId))
    .where(and(eq(callbacks.orgId, orgId), notTest, inRange(callbacks.createdAt, callbacks.locationId, range), afterCursor(callbacks.createdAt, callbacks.id, after)))
    .orderBy(asc(callbacks.createdAt), asc(callbacks.id))
    .limit(limit);
}

export type BookingExportRow = Pick<Booking, "id" | "locationId" | "contactId" | "callId" | "treatment" | "valueCents" | "source" | "status" | "bookedFor" | "createdAt"> &
  Place &
  Keyed;

export async function listBookingsPage({ orgId, range, after, limit }: ExportPageInput, ex?: Executor): Promise<BookingExportRow[]> {
  const db = await resolveDb(ex);
  return db
    .select({
      id: bookings.id,
      locationId: bookings.locationId,
      locationName: locations.name,
      timezone: locations.timezone,
      contactId: bookings.contactId,
      contactName: contacts.name,
      callId: bookings.callId,
      treatment: bookings.treatment,
      valueCents: bookings.valueCents,
      source: bookings.source,
      status: bookings.status,
      bookedFor: bookings.bookedFor,
      createdAt: bookings.createdAt,
      cursorAt: cursorKey(bookings.createdAt),
    })
    .from(bookings)
    .innerJoin(locations, eq(locations.id, bookings.locationId))
    .innerJoin(contacts, eq(contacts.id, bookings.contactId))
    .where(and(eq(bookings.orgId, orgId), notTest, inRange(bookings.createdAt, bookings.locationId, range), afterCursor(bookings.createdAt, bookings.id, after)))
    .orderBy(asc(bookings.createdAt), asc(bookings.id))
    .limit(limit);
}
