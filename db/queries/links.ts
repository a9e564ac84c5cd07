import { eq } from "drizzle-orm";
import type { Executor } from "../client";
import { linkClicks, trackedLinks, type TrackedLink } from "../schema";

export type NewTrackedLink = Omit<typeof trackedLinks.$inferInsert, "id" | "createdAt">;

/** Stores a tracked link; false when the token is already taken (the caller draws another). */
export async function insertTrackedLink(db: Executor, link: NewTrackedLink): Promise<boolean> {
  const rows = await db.insert(trackedLinks).values(link).onConflictDoNothing({ target: trackedLinks.token }).returning({ id: trackedLinks.id });
  return rows.length > 0;
}

/**
 * The link behind a `/b/<token>` URL. No organization to scope by: the visitor has no session, and
 * the unguessable token is what proves the link was sent to them.
 */
export async function findTrackedLinkByToken(db: Executor, { token }: { token: string }): Promise<TrackedLink | null> {
  const [row] = await db.select().from(trackedLinks).where(eq(trackedLinks.token, token)).limit(1);
  return row ?? null;
}

export async function insertLinkClick(db: Executor, { linkId, userAgent, clickedAt }: { linkId: string; userAgent: string | null; clickedAt: Date }): Promise<void> {
  await db.insert(linkClicks).values({ linkId, userAgent, clickedAt });
}
