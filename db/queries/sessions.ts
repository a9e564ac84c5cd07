import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "../client";
import { sessions } from "../schema";

export async function createSession(db: Executor, { memberId, expiresAt }: { memberId: string; expiresAt: Date }): Promise<string> {
  const [row] = await db.insert(sessions).values({ memberId, expiresAt }).returning({ id: sessions.id });
  if (!row) throw new Error("session insert returned nothing");
  return row.id;
}

export async function revokeSession(db: Executor, { sessionId, at }: { sessionId: string; at: Date }): Promise<void> {
  await db.update(sessions).set({ revokedAt: at }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}
