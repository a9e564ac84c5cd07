import { and, eq, gt, inArray, ne, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { bookings, callbacks, messages } from "../schema";

export type SendSignals = {
  /** The caller texted back after this text was queued. */
  replied: boolean;
  /** A booking was recorded for the contact after this text was queued. */
  booked: boolean;
  /** A coordinator reached the caller by phone after this text was queued. */
  calledBack: boolean;
  /** A coordinator texted the caller after this text was queued. */
  humanTexted: boolean;
  /** Automatic texts actually sent to the contact in the last 24 h (any location). */
  autoTextsSent24h: number;
};

/** What happened since an automatic text was queued, to decide at send time whether it still should go. */
export async function sendSignals(
  db: Executor,
  { orgId, contactId, conversationId, messageId, queuedAt, now }: { orgId: string; contactId: string; conversationId: string; messageId: string; queuedAt: Date; now: Date },
): Promise<SendSignals> {
  const since = queuedAt.toISOString();
  const dayAgo = new Date(now.getTime() - 24 * 3600 * 1000).toISOString();
  const [msg] = await db
    .select({
      replied: sql<boolean>`bool_or(${messages.direction} = 'inbound' and ${messages.createdAt} > ${since}::timestamptz)`,
      humanTexted: sql<boolean>`bool_or(${messages.direction} = 'outbound' and not ${messages.automated} and ${messages.createdAt} > ${since}::timestamptz)`,
      autoTexts: sql<number>`count(*) filter (where ${messages.automated} and ${messages.direction} = 'outbound' and ${messages.sentAt} >= ${dayAgo}::timestamptz)`.mapWith(Number),
    })
    .from(messages)
    .where(and(eq(messages.orgId, orgId), eq(messages.contactId, contactId), ne(messages.id, messageId)));
  const [replyHere] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.direction, "inbound"), gt(messages.createdAt, queuedAt)));
  const [booking] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(bookings)
    .where(and(eq(bookings.orgId, orgId), eq(bookings.contactId, contactId), gt(bookings.createdAt, queuedAt)));
  const [reached] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(callbacks)
    .where(
      and(
        eq(callbacks.orgId, orgId),
        eq(callbacks.contactId, contactId),
        eq(callbacks.status, "done"),
        inArray(callbacks.outcome, ["reached", "booked"]),
        gt(callbacks.completedAt, queuedAt),
      ),
    );
  return {
    replied: Boolean(msg?.replied) || (replyHere?.n ?? 0) > 0,
    booked: (booking?.n ?? 0) > 0,
    calledBack: (reached?.n ?? 0) > 0,
    humanTexted: Boolean(msg?.humanTexted),
    autoTextsSent24h: msg?.autoTexts ?? 0,
  };
}
