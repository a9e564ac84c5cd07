// What the per-provider senders read about texts already sent: Aircall's per-number segment caps
// count what left a number in the last day; its reconciliation asks whether an Aircall webhook
// about the text gave it its id meanwhile (lib/messaging/senders/aircall.ts).
import { and, eq, gte, inArray, isNotNull, sql } from "drizzle-orm";
import { resolveDb, type Executor } from "../client";
import { messages, type Message } from "../schema";

/** Statuses of texts that reached the provider (a simulated, failed or cancelled one cost nothing). */
const LEFT: Message["status"][] = ["accepted", "queued", "sending", "sent", "delivered", "undelivered"];

/**
 * The bodies and send times of the texts that left `fromNumber` since `since`, newest first (at
 * most 10,001: one more than Aircall's daily cap in single-segment texts is already over it).
 */
export async function listTextsSentFrom(
  { orgId, fromNumber, since }: { orgId: string; fromNumber: string; since: Date },
  ex?: Executor,
): Promise<{ body: string; sentAt: Date }[]> {
  const db = await resolveDb(ex);
  const rows = await db
    .select({ body: messages.body, sentAt: messages.sentAt })
    .from(messages)
    .where(
      and(
        eq(messages.orgId, orgId),
        eq(messages.direction, "outbound"),
        eq(messages.fromNumber, fromNumber),
        inArray(messages.status, LEFT),
        gte(messages.sentAt, since),
        // Bounds the scan on messages_org_outbound_idx: a text is sent within days of being queued.
        gte(messages.createdAt, sql`${since.toISOString()}::timestamptz - interval '30 days'`),
      ),
    )
    .orderBy(sql`${messages.sentAt} desc`)
    .limit(10_001);
  return rows.flatMap((r) => (r.sentAt ? [{ body: r.body, sentAt: r.sentAt }] : []));
}

/**
 * The provider id is already another message's in this organization (messages_org_provider_sid_key):
 * a provider's webhook recorded the same text first, as one typed in its app (its words differed).
 */
export function isDuplicateProviderSid(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e: unknown = error; e && typeof e === "object" && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    const { code, constraint_name: constraint } = e as { code?: unknown; constraint_name?: unknown };
    if (code === "23505" && (constraint === undefined || constraint === "messages_org_provider_sid_key")) return true;
  }
  return false;
}

/** The provider id and status a message already has (an echo webhook may set them while its send was in doubt). */
export async function getSentIdentity({ messageId }: { messageId: string }, ex?: Executor): Promise<{ providerSid: string; status: Message["status"] } | null> {
  const db = await resolveDb(ex);
  const [row] = await db
    .select({ providerSid: messages.providerSid, status: messages.status })
    .from(messages)
    .where(and(eq(messages.id, messageId), isNotNull(messages.providerSid)))
    .limit(1);
  return row?.providerSid ? { providerSid: row.providerSid, status: row.status } : null;
}
