import { and, asc, eq, inArray, or } from "drizzle-orm";
import { resolveDb, type Executor } from "../client";
import {
  bookings,
  callbacks,
  calls,
  events,
  members,
  messages,
  notes,
  outbox,
  type Booking,
  type Call,
  type Callback,
  type Event,
  type EventType,
  type Message,
  type Note,
} from "../schema";

export type TimelineItem =
  | { kind: "call"; at: Date; call: Call }
  | { kind: "message"; at: Date; message: Message; scheduledFor: Date | null; authorName: string | null }
  | { kind: "event"; at: Date; event: Event }
  | { kind: "note"; at: Date; note: Note; authorName: string | null }
  | { kind: "callback"; at: Date; phase: "created" | "completed"; callback: Callback }
  | { kind: "booking"; at: Date; booking: Booking };

/**
 * Events a coordinator should see in the timeline: decisions and changes, not bookkeeping. Callback
 * tasks and bookings are read from their own tables (with their current state), not from events.
 */
export const VISIBLE_EVENTS: EventType[] = [
  "text_skipped",
  "contact_kind_changed",
  "text_canceled",
  "text_rescheduled",
  "opted_out",
  "opted_in",
  "voicemail_left",
  "text_failed",
  "text_undelivered",
  "link_clicked",
  "reply_classified",
  "conversation_claimed",
  "conversation_assigned",
  "conversation_unassigned",
  "conversation_done",
  "conversation_reopened",
];

/** Events about a call, shown with it whichever conversation (if any) they were recorded in. */
export const CALL_EVENTS: EventType[] = ["call_legs_checked"];

const LIMIT = 500;

/**
 * Same-instant items (written in one transaction) read in cause-and-effect order: the call, the
 * text or reply, what Rebound made of it, the callback task it opened, then bookings and notes.
 */
const ORDER: Record<TimelineItem["kind"], number> = { call: 0, message: 1, event: 2, callback: 3, booking: 4, note: 5 };

/**
 * One chronological timeline of a contact at a location (the conversation): calls, texts and
 * decisions, callback tasks (created, and completed with their outcome), bookings and internal notes.
 */
export async function getTimeline(
  { orgId, conversationId, contactId, locationId }: { orgId: string; conversationId: string; contactId: string; locationId: string },
  ex?: Executor,
): Promise<TimelineItem[]> {
  const db = await resolveDb(ex);
  const ofContactHere = <T extends typeof calls | typeof callbacks | typeof bookings>(t: T) => and(eq(t.orgId, orgId), eq(t.contactId, contactId), eq(t.locationId, locationId));
  const [callRows, messageRows, eventRows, noteRows, callbackRows, bookingRows] = await Promise.all([
    db.select().from(calls).where(ofContactHere(calls)).orderBy(asc(calls.startedAt), asc(calls.id)).limit(LIMIT),
    db
      .select({ message: messages, nextAttemptAt: outbox.nextAttemptAt, outboxStatus: outbox.status, authorName: members.name })
      .from(messages)
      .leftJoin(outbox, eq(outbox.messageId, messages.id))
      .leftJoin(members, eq(members.id, messages.authorId))
      .where(and(eq(messages.orgId, orgId), eq(messages.conversationId, conversationId)))
      .orderBy(asc(messages.createdAt), asc(messages.id))
      .limit(2 * LIMIT),
    db
      .select()
      .from(events)
      .where(
        and(
          eq(events.orgId, orgId),
          or(
            and(eq(events.conversationId, conversationId), inArray(events.type, VISIBLE_EVENTS)),
            and(inArray(events.type, CALL_EVENTS), inArray(events.callId, db.select({ id: calls.id }).from(calls).where(ofContactHere(calls)))),
          ),
        ),
      )
      .orderBy(asc(events.createdAt), asc(events.id))
      .limit(LIMIT),
    db
      .select({ note: notes, authorName: members.name })
      .from(notes)
      .leftJoin(members, eq(members.id, notes.authorId))
      .where(and(eq(notes.orgId, orgId), eq(notes.conversationId, conversationId)))
      .orderBy(asc(notes.createdAt), asc(notes.id))
      .limit(LIMIT),
    db.select().from(callbacks).where(ofContactHere(callbacks)).orderBy(asc(callbacks.createdAt), asc(callbacks.id)).limit(LIMIT),
    db.select().from(bookings).where(ofContactHere(bookings)).orderBy(asc(bookings.createdAt), asc(bookings.id)).limit(LIMIT),
  ]);
  const now = Date.now();
  const replyTimes = new Map(messageRows.map(({ message }) => [message.id, message.createdAt]));
  const items: TimelineItem[] = [
    ...callRows.map((call) => ({ kind: "call" as const, at: call.startedAt, call })),
    ...messageRows.map(({ message, nextAttemptAt, outboxStatus, authorName }) => {
      // A text waiting for its time (a follow-up, a send delay) sits in the timeline where it will go out.
      const scheduledFor = outboxStatus === "pending" && nextAttemptAt && nextAttemptAt.getTime() > now + 60_000 ? nextAttemptAt : null;
      return { kind: "message" as const, at: scheduledFor ?? message.createdAt, message, scheduledFor, authorName };
    }),
    ...eventRows.map((event) => ({ kind: "event" as const, at: event.createdAt, event })),
    ...noteRows.map(({ note, authorName }) => ({ kind: "note" as const, at: note.createdAt, note, authorName })),
    ...callbackRows.flatMap((callback) => [
      { kind: "callback" as const, at: createdAtInTimeline(callback, replyTimes), phase: "created" as const, callback },
      ...(callback.status === "done" && callback.completedAt ? [{ kind: "callback" as const, at: callback.completedAt, phase: "completed" as const, callback }] : []),
    ]),
    ...bookingRows.map((booking) => ({ kind: "booking" as const, at: booking.createdAt, booking })),
  ];
  // Array.prototype.sort is stable: same instant and kind keep the queries' (time, id) order.
  return items.sort((a, b) => a.at.getTime() - b.at.getTime() || ORDER[a.kind] - ORDER[b.kind]);
}

/**
 * Where a callback task reads in the timeline: when it was opened, or (a task a later reply made
 * hot, lib/messaging/receive-sms.ts escalateCallback, which points it at that reply) right after
 * the reply it now quotes, never above it.
 */
function createdAtInTimeline(callback: Callback, replyTimes: Map<string, Date>): Date {
  const reply = callback.messageId ? replyTimes.get(callback.messageId) : undefined;
  return reply && reply.getTime() > callback.createdAt.getTime() ? reply : callback.createdAt;
}

/** A key unique within one timeline, for React lists. */
export function timelineKey(item: TimelineItem): string {
  switch (item.kind) {
    case "call":
      return `call-${item.call.id}`;
    case "message":
      return `message-${item.message.id}`;
    case "event":
      return `event-${item.event.id}`;
    case "note":
      return `note-${item.note.id}`;
    case "callback":
      return `callback-${item.callback.id}-${item.phase}`;
    case "booking":
      return `booking-${item.booking.id}`;
  }
}
