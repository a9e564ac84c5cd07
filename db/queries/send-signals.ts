import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "../client";
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

/**
 * What happened since an automatic text was queued, to decide at send time whether it still should
 * go. One round trip (it runs before every automatic text): each signal is a subquery.
 */
export async function sendSignals(
  db: Executor,
  { orgId, contactId, conversationId, messageId, queuedAt, now }: { orgId: string; contactId: string; conversationId: string; messageId: string; queuedAt: Date; now: Date },
): Promise<SendSignals> {
  const since = queuedAt.toISOString();
  const dayAgo = new Date(now.getTime() - 24 * 3600 * 1000).toISOString();
  const result = await db.execute(sql`
    select
      coalesce(m.replied, false) or exists (
        select 1 from ${messages} r
        where r.conversation_id = ${conversationId} and r.direction = 'inbound' and r.created_at > ${since}::timestamptz
      ) as "replied",
      coalesce(m.human_texted, false) as "humanTexted",
      coalesce(m.auto_texts, 0)::int as "autoTexts",
      exists (
        select 1 from ${bookings} b where b.org_id = ${orgId} and b.contact_id = ${contactId} and b.created_at > ${since}::timestamptz
      ) as "booked",
      exists (
        select 1 from ${callbacks} c
        where c.org_id = ${orgId} and c.contact_id = ${contactId} and c.status = 'done'
          and c.outcome in ('reached', 'booked') and c.completed_at > ${since}::timestamptz
      ) as "calledBack"
    from (
      select
        bool_or(direction = 'inbound' and created_at > ${since}::timestamptz) as replied,
        bool_or(direction = 'outbound' and not automated and created_at > ${since}::timestamptz) as human_texted,
        count(*) filter (where automated and direction = 'outbound' and sent_at >= ${dayAgo}::timestamptz) as auto_texts
      from ${messages}
      where org_id = ${orgId} and contact_id = ${contactId} and id <> ${messageId}
    ) m`);
  const [row] = rowsOf<{ replied: boolean; humanTexted: boolean; autoTexts: number; booked: boolean; calledBack: boolean }>(result);
  return {
    replied: Boolean(row?.replied),
    booked: Boolean(row?.booked),
    calledBack: Boolean(row?.calledBack),
    humanTexted: Boolean(row?.humanTexted),
    autoTextsSent24h: Number(row?.autoTexts ?? 0),
  };
}
