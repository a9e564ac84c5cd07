import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../client";
import { calls, events, messages, outbox, type Call, type Event, type Message } from "../schema";

export type TimelineItem =
  | { kind: "call"; at: Date; call: Call }
  | { kind: "message"; at: Date; message: Message; scheduledFor: Date | null }
  | { kind: "event"; at: Date; event: Event };

/** Events a coordinator should see in the timeline: decisions and changes, not bookkeeping. */
const VISIBLE_EVENTS = [
  "text_skipped",
  "text_canceled",
  "text_rescheduled",
  "opted_out",
  "opted_in",
  "voicemail_left",
  "voicemail_transcribed",
  "text_failed",
  "text_undelivered",
  "link_clicked",
  "reply_classified",
  "callback_created",
];

/** One chronological timeline of a conversation: the contact's calls at the location, texts and decisions. */
export async function getTimeline(
  db: Executor,
  { orgId, conversationId, contactId, locationId }: { orgId: string; conversationId: string; contactId: string; locationId: string },
): Promise<TimelineItem[]> {
  const [callRows, messageRows, eventRows] = await Promise.all([
    db
      .select()
      .from(calls)
      .where(and(eq(calls.orgId, orgId), eq(calls.contactId, contactId), eq(calls.locationId, locationId)))
      .orderBy(asc(calls.startedAt))
      .limit(500),
    db
      .select({ message: messages, nextAttemptAt: outbox.nextAttemptAt, outboxStatus: outbox.status })
      .from(messages)
      .leftJoin(outbox, eq(outbox.messageId, messages.id))
      .where(and(eq(messages.orgId, orgId), eq(messages.conversationId, conversationId)))
      .orderBy(asc(messages.createdAt))
      .limit(1000),
    db
      .select()
      .from(events)
      .where(and(eq(events.orgId, orgId), eq(events.conversationId, conversationId), inArray(events.type, VISIBLE_EVENTS)))
      .orderBy(asc(events.createdAt))
      .limit(500),
  ]);
  const items: TimelineItem[] = [
    ...callRows.map((call) => ({ kind: "call" as const, at: call.startedAt, call })),
    ...messageRows.map(({ message, nextAttemptAt, outboxStatus }) => {
      // A text waiting for its time (a follow-up, a send delay) sits in the timeline where it will go out.
      const scheduledFor = outboxStatus === "pending" && nextAttemptAt && nextAttemptAt.getTime() > Date.now() + 60_000 ? nextAttemptAt : null;
      return { kind: "message" as const, at: scheduledFor ?? message.createdAt, message, scheduledFor };
    }),
    ...eventRows.map((event) => ({ kind: "event" as const, at: event.createdAt, event })),
  ];
  const order = { call: 0, event: 1, message: 2 };
  return items.sort((a, b) => a.at.getTime() - b.at.getTime() || order[a.kind] - order[b.kind]);
}
