import { and, eq } from "drizzle-orm";
import { resolveDb, type Executor } from "../client";
import { events } from "../schema";

export type NewEvent = typeof events.$inferInsert;

/** Appends to the audit log. Events are never updated or deleted. */
export async function recordEvent(event: NewEvent, ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  await db.insert(events).values(event);
}

/** Appends several events in one statement; they get their ids (and so their order) as listed. */
export async function recordEvents(list: NewEvent[], ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  if (list.length) await db.insert(events).values(list);
}

/**
 * Whether the organization's log already has an event of `type` about this message (events written
 * once per message); read through its conversation, which the log is indexed by.
 */
export async function hasMessageEvent(
  { orgId, conversationId, messageId, type }: { orgId: string; conversationId: string; messageId: string; type: NewEvent["type"] },
  ex?: Executor,
): Promise<boolean> {
  const db = await resolveDb(ex);
  const [row] = await db
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.conversationId, conversationId), eq(events.orgId, orgId), eq(events.messageId, messageId), eq(events.type, type)))
    .limit(1);
  return Boolean(row);
}
