import { and, desc, eq, gte, inArray, lte, notInArray, sql } from "drizzle-orm";
import { MISSED_DISPOSITIONS } from "@/lib/telephony/call-event";
import { resolveDb, type Executor } from "../client";
import { bookings, calls, contacts, conversations, locations, members, messages, organizations, type Booking, type Call, type Contact, type Message } from "../schema";

export type NewBooking = typeof bookings.$inferInsert;

export type BookingContext = {
  conversation: { id: string; contactId: string; locationId: string };
  contact: Contact;
  location: { name: string; timezone: string };
  attributionWindowDays: number;
};

/** What recording a booking on a conversation needs; null when the conversation is not this organization's. */
export async function getBookingContext({ orgId, conversationId }: { orgId: string; conversationId: string }, ex?: Executor): Promise<BookingContext | null> {
  const db = await resolveDb(ex);
  const [row] = await db
    .select({
      conversation: { id: conversations.id, contactId: conversations.contactId, locationId: conversations.locationId },
      contact: contacts,
      location: { name: locations.name, timezone: locations.timezone },
      attributionWindowDays: organizations.attributionWindowDays,
    })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .innerJoin(locations, eq(locations.id, conversations.locationId))
    .innerJoin(organizations, eq(organizations.id, conversations.orgId))
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, conversationId)))
    .limit(1);
  return row ?? null;
}

/** The contact's most recent inbound missed call at the location within [since, until]. */
export async function findAttributableCall(
  { orgId, contactId, locationId, since, until }: { orgId: string; contactId: string; locationId: string; since: Date; until: Date },
  ex?: Executor,
): Promise<Call | null> {
  const db = await resolveDb(ex);
  const [row] = await db
    .select()
    .from(calls)
    .where(
      and(
        eq(calls.orgId, orgId),
        eq(calls.contactId, contactId),
        eq(calls.locationId, locationId),
        eq(calls.direction, "inbound"),
        inArray(calls.disposition, [...MISSED_DISPOSITIONS]),
        gte(calls.startedAt, since),
        lte(calls.startedAt, until),
      ),
    )
    .orderBy(desc(calls.startedAt))
    .limit(1);
  return row ?? null;
}

/** Texts that never reached the caller do not count as the text-back. */
const NOT_SENT: Message["status"][] = ["canceled", "failed", "undelivered"];

/** The automatic text-back of a call (one per call, by the messages_one_auto_text_per_call index), if it went out. */
export async function findTextBack({ orgId, callId }: { orgId: string; callId: string }, ex?: Executor): Promise<Message | null> {
  const db = await resolveDb(ex);
  const [row] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.orgId, orgId), eq(messages.callId, callId), eq(messages.automated, true), notInArray(messages.status, NOT_SENT)))
    .limit(1);
  return row ?? null;
}

export async function insertBooking(booking: NewBooking, ex?: Executor): Promise<Booking> {
  const db = await resolveDb(ex);
  const [row] = await db.insert(bookings).values(booking).returning();
  if (!row) throw new Error("booking insert returned nothing");
  return row;
}

/**
 * A booking closes the conversation: done, nobody waiting, no longer hot. (A conversations update
 * kept here because it is what a booking does; new activity reopens it through touchConversation.)
 */
export async function closeBookedConversation({ orgId, conversationId }: { orgId: string; conversationId: string }, ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  await db
    .update(conversations)
    .set({ status: "done", waitingSince: null, unreadCount: 0, priority: "normal" })
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, conversationId)));
}

export async function setBookingStatus(
  { orgId, bookingId, status }: { orgId: string; bookingId: string; status: Booking["status"] },
  ex?: Executor,
): Promise<{ booking: Booking; previous: Booking["status"] } | null> {
  const db = await resolveDb(ex);
  const [before] = await db
    .select({ status: bookings.status })
    .from(bookings)
    .where(and(eq(bookings.orgId, orgId), eq(bookings.id, bookingId)))
    .for("update")
    .limit(1);
  if (!before) return null;
  const [row] = await db
    .update(bookings)
    .set({ status })
    .where(and(eq(bookings.orgId, orgId), eq(bookings.id, bookingId)))
    .returning();
  return row ? { booking: row, previous: before.status } : null;
}

export type BookingWithAttribution = {
  booking: Booking;
  location: { name: string; timezone: string };
  createdByName: string | null;
  call: { startedAt: Date } | null;
  /** Whether the caller wrote back between the missed call and the booking. */
  replied: boolean;
  attributionWindowDays: number;
};

/** The bookings of a conversation, newest first, with what their attribution line needs. */
export async function listConversationBookings(
  { orgId, conversationId, limit = 20 }: { orgId: string; conversationId: string; limit?: number },
  ex?: Executor,
): Promise<BookingWithAttribution[]> {
  const db = await resolveDb(ex);
  return db
    .select({
      booking: bookings,
      location: { name: locations.name, timezone: locations.timezone },
      createdByName: members.name,
      call: { startedAt: calls.startedAt },
      replied: sql<boolean>`${calls.id} is not null and exists (
        select 1 from ${messages} where ${messages.conversationId} = ${bookings.conversationId}
          and ${messages.direction} = 'inbound' and ${messages.createdAt} >= ${calls.startedAt} and ${messages.createdAt} <= ${bookings.createdAt})`.mapWith(Boolean),
      attributionWindowDays: organizations.attributionWindowDays,
    })
    .from(bookings)
    .innerJoin(locations, eq(locations.id, bookings.locationId))
    .innerJoin(organizations, eq(organizations.id, bookings.orgId))
    .leftJoin(members, eq(members.id, bookings.createdById))
    .leftJoin(calls, eq(calls.id, bookings.callId))
    .where(and(eq(bookings.orgId, orgId), eq(bookings.conversationId, conversationId)))
    .orderBy(desc(bookings.createdAt), desc(bookings.id))
    .limit(Math.min(limit, 50));
}

/** Whether the caller wrote back in the conversation between two instants. */
export async function callerRepliedBetween(
  { orgId, conversationId, since, until }: { orgId: string; conversationId: string; since: Date; until: Date },
  ex?: Executor,
): Promise<boolean> {
  const db = await resolveDb(ex);
  const [row] = await db
    .select({ id: messages.id })
    .from(messages)
    .where(
      and(
        eq(messages.orgId, orgId),
        eq(messages.conversationId, conversationId),
        eq(messages.direction, "inbound"),
        gte(messages.createdAt, since),
        lte(messages.createdAt, until),
      ),
    )
    .limit(1);
  return Boolean(row);
}
