import { eq } from "drizzle-orm";
import { resolveDb, type Executor } from "../client";
import { linkClicks, trackedLinks, type TrackedLink } from "../schema";

export type NewTrackedLink = Omit<typeof trackedLinks.$inferInsert, "id" | "createdAt">;

/**
 * Stores tracked links in one statement. A token already taken (about 10^-12 likely, see
 * generateToken) fails it on the unique index: the caller's transaction rolls back rather than
 * send a text whose link leads to someone else's.
 */
export async function insertTrackedLinks(links: NewTrackedLink[], ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  if (links.length) await db.insert(trackedLinks).values(links);
}

/**
 * The link behind a `/b/<token>` URL. No organization to scope by: the visitor has no session, and
 * the unguessable token is what proves the link was sent to them.
 */
export async function findTrackedLinkByToken({ token }: { token: string }, ex?: Executor): Promise<TrackedLink | null> {
  const db = await resolveDb(ex);
  const [row] = await db.select().from(trackedLinks).where(eq(trackedLinks.token, token)).limit(1);
  return row ?? null;
}

export async function insertLinkClick({ linkId, userAgent, clickedAt }: { linkId: string; userAgent: string | null; clickedAt: Date }, ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  await db.insert(linkClicks).values({ linkId, userAgent, clickedAt });
}
