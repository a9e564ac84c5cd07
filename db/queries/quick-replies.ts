import { and, asc, count, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { quickReplies, type QuickReply } from "../schema";

/** A spa keeps a handful of saved replies; the limit keeps the picker a picker. */
export const MAX_QUICK_REPLIES = 50;

export async function listQuickReplies(db: Executor, { orgId }: { orgId: string }): Promise<QuickReply[]> {
  return db
    .select()
    .from(quickReplies)
    .where(eq(quickReplies.orgId, orgId))
    .orderBy(asc(quickReplies.title), asc(quickReplies.id))
    .limit(MAX_QUICK_REPLIES);
}

/** Null when the organization already has the maximum number of quick replies. */
export async function insertQuickReply(db: Executor, { orgId, title, body }: { orgId: string; title: string; body: string }): Promise<QuickReply | null> {
  const [existing] = await db.select({ n: count() }).from(quickReplies).where(eq(quickReplies.orgId, orgId));
  if ((existing?.n ?? 0) >= MAX_QUICK_REPLIES) return null;
  const [row] = await db.insert(quickReplies).values({ orgId, title, body }).returning();
  return row ?? null;
}

/** False when there was nothing to delete in this organization (already gone, or another spa's). */
export async function deleteQuickReply(db: Executor, { orgId, quickReplyId }: { orgId: string; quickReplyId: string }): Promise<boolean> {
  const rows = await db
    .delete(quickReplies)
    .where(and(eq(quickReplies.orgId, orgId), eq(quickReplies.id, quickReplyId)))
    .returning({ id: quickReplies.id });
  return rows.length > 0;
}
