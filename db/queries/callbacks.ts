import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { callbacks, type Callback } from "../schema";

export type NewCallback = typeof callbacks.$inferInsert;

export async function insertCallback(db: Executor, callback: NewCallback): Promise<Callback> {
  const [row] = await db.insert(callbacks).values(callback).returning();
  if (!row) throw new Error("callback insert returned nothing");
  return row;
}

/** Not done yet: waiting, being worked on, or snoozed. */
const UNFINISHED: Callback["status"][] = ["open", "claimed", "snoozed"];

/** The conversation's unfinished hot callback, if any: a second hot reply must not open another. */
export async function findOpenHotCallback(db: Executor, { orgId, conversationId }: { orgId: string; conversationId: string }): Promise<Callback | null> {
  const [row] = await db
    .select()
    .from(callbacks)
    .where(
      and(
        eq(callbacks.orgId, orgId),
        eq(callbacks.conversationId, conversationId),
        eq(callbacks.priority, "hot"),
        inArray(callbacks.status, UNFINISHED),
      ),
    )
    .orderBy(callbacks.dueAt)
    .limit(1);
  return row ?? null;
}

/** The conversation's oldest unfinished normal callback, which a hot reply escalates instead of adding a second card. */
export async function findUnfinishedNormalCallback(db: Executor, { orgId, conversationId }: { orgId: string; conversationId: string }): Promise<Callback | null> {
  const [row] = await db
    .select()
    .from(callbacks)
    .where(and(eq(callbacks.orgId, orgId), eq(callbacks.conversationId, conversationId), eq(callbacks.priority, "normal"), inArray(callbacks.status, UNFINISHED)))
    .orderBy(callbacks.createdAt)
    .limit(1);
  return row ?? null;
}

export async function escalateCallback(
  db: Executor,
  { orgId, callbackId, reason, dueAt, messageId }: { orgId: string; callbackId: string; reason: string; dueAt: Date; messageId: string | null },
): Promise<void> {
  await db
    .update(callbacks)
    .set({ priority: "hot", reason, messageId, dueAt: sql`least(${callbacks.dueAt}, ${dueAt.toISOString()}::timestamptz)`, status: "open" })
    .where(and(eq(callbacks.orgId, orgId), eq(callbacks.id, callbackId)));
}
