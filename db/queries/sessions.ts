import { and, eq, isNull } from "drizzle-orm";
import { resolveDb, type Executor } from "../client";
import { sessions } from "../schema";

export async function createSession({ memberId, expiresAt }: { memberId: string; expiresAt: Date }, ex?: Executor): Promise<string> {
  const db = await resolveDb(ex);
  const [row] = await db.insert(sessions).values({ memberId, expiresAt }).returning({ id: sessions.id });
  if (!row) throw new Error("session insert returned nothing");
  return row.id;
}

export async function revokeSession({ sessionId, at }: { sessionId: string; at: Date }, ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  await db
    .update(sessions)
    .set({ revokedAt: at })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}
