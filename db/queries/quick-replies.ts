import { and, asc, count, eq, gt, isNotNull, isNull, lte } from "drizzle-orm";
import { resolveDb, type Executor } from "../client";
import { QUICK_REPLY_UNDO_MS } from "@/lib/inbox/quick-reply-undo";
import { quickReplies, type QuickReply } from "../schema";

/** A spa keeps a handful of saved replies; the limit keeps the picker a picker. */
export const MAX_QUICK_REPLIES = 50;

const live = isNull(quickReplies.deletedAt);

export async function listQuickReplies({ orgId }: { orgId: string }, ex?: Executor): Promise<QuickReply[]> {
  const db = await resolveDb(ex);
  return db
    .select()
    .from(quickReplies)
    .where(and(eq(quickReplies.orgId, orgId), live))
    .orderBy(asc(quickReplies.title), asc(quickReplies.id))
    .limit(MAX_QUICK_REPLIES);
}

async function liveCount(db: Executor, orgId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(quickReplies)
    .where(and(eq(quickReplies.orgId, orgId), live));
  return row?.n ?? 0;
}

/** Null when the organization already has the maximum number of quick replies. */
export async function insertQuickReply({ orgId, title, body }: { orgId: string; title: string; body: string }, ex?: Executor): Promise<QuickReply | null> {
  const db = await resolveDb(ex);
  if ((await liveCount(db, orgId)) >= MAX_QUICK_REPLIES) return null;
  const [row] = await db.insert(quickReplies).values({ orgId, title, body }).returning();
  return row ?? null;
}

/**
 * Deletes for the whole team, restorable until QUICK_REPLY_UNDO_MS has passed (restoreQuickReply).
 * Returns the deleted reply's title, or null when there was nothing to delete in this organization
 * (already gone, or another spa's). Replies deleted longer ago than the undo window are purged here.
 */
export async function deleteQuickReply(
  { orgId, quickReplyId, now = new Date() }: { orgId: string; quickReplyId: string; now?: Date },
  ex?: Executor,
): Promise<{ title: string } | null> {
  const db = await resolveDb(ex);
  await db
    .delete(quickReplies)
    .where(and(eq(quickReplies.orgId, orgId), isNotNull(quickReplies.deletedAt), lte(quickReplies.deletedAt, new Date(now.getTime() - QUICK_REPLY_UNDO_MS))));
  const [row] = await db
    .update(quickReplies)
    .set({ deletedAt: now })
    .where(and(eq(quickReplies.orgId, orgId), eq(quickReplies.id, quickReplyId), live))
    .returning({ title: quickReplies.title });
  return row ?? null;
}

export type RestoreResult = { ok: true; title: string } | { ok: false; reason: "gone" | "full" };

/**
 * Undoes a delete within the undo window. "gone": not deleted, deleted too long ago, or another
 * spa's; "full": the team has added replies up to the limit since.
 */
export async function restoreQuickReply({ orgId, quickReplyId, now = new Date() }: { orgId: string; quickReplyId: string; now?: Date }, ex?: Executor): Promise<RestoreResult> {
  const db = await resolveDb(ex);
  if ((await liveCount(db, orgId)) >= MAX_QUICK_REPLIES) return { ok: false, reason: "full" };
  const [row] = await db
    .update(quickReplies)
    .set({ deletedAt: null })
    .where(
      and(
        eq(quickReplies.orgId, orgId),
        eq(quickReplies.id, quickReplyId),
        isNotNull(quickReplies.deletedAt),
        gt(quickReplies.deletedAt, new Date(now.getTime() - QUICK_REPLY_UNDO_MS)),
      ),
    )
    .returning({ title: quickReplies.title });
  return row ? { ok: true, title: row.title } : { ok: false, reason: "gone" };
}
