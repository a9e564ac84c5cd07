// Read-API bearer tokens: only the SHA-256 of a token is stored (lib/api/tokens.ts makes and checks
// them). Every query but the bearer look-up is scoped by organization.
import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { resolveDb, type Executor } from "../client";
import { apiTokens, members, type ApiToken } from "../schema";

export type ApiTokenListRow = Pick<ApiToken, "id" | "name" | "prefix" | "createdAt" | "lastUsedAt" | "revokedAt"> & { createdBy: string | null };

export async function insertApiToken(token: { orgId: string; name: string; tokenHash: string; prefix: string; createdById: string | null }, ex?: Executor): Promise<ApiToken> {
  const db = await resolveDb(ex);
  const [row] = await db.insert(apiTokens).values(token).returning();
  if (!row) throw new Error("api token insert returned nothing");
  return row;
}

/** The organization's tokens, active ones first, newest first within each group. */
export async function listApiTokens({ orgId, limit = 200 }: { orgId: string; limit?: number }, ex?: Executor): Promise<ApiTokenListRow[]> {
  const db = await resolveDb(ex);
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      createdBy: members.name,
    })
    .from(apiTokens)
    .leftJoin(members, eq(members.id, apiTokens.createdById))
    .where(eq(apiTokens.orgId, orgId))
    .orderBy(sql`${apiTokens.revokedAt} is not null`, desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(limit);
}

/** The unrevoked token with this hash (the hash is unique across organizations), or null. */
export async function findActiveApiToken({ tokenHash }: { tokenHash: string }, ex?: Executor): Promise<Pick<ApiToken, "id" | "orgId" | "lastUsedAt"> | null> {
  const db = await resolveDb(ex);
  const [row] = await db
    .select({ id: apiTokens.id, orgId: apiTokens.orgId, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
    .limit(1);
  return row ?? null;
}

/** Records a use, at most once per `everyMs` (a conditional update: concurrent requests write once). */
export async function touchApiToken({ id, at, everyMs }: { id: string; at: Date; everyMs: number }, ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  await db
    .update(apiTokens)
    .set({ lastUsedAt: at })
    .where(and(eq(apiTokens.id, id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(at.getTime() - everyMs)))));
}

/** Revokes one of the organization's tokens; false when it is unknown or already revoked. */
export async function revokeApiToken({ orgId, id, at }: { orgId: string; id: string; at: Date }, ex?: Executor): Promise<boolean> {
  const db = await resolveDb(ex);
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.orgId, orgId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

/** Revokes every live token a member created (they were removed or are no longer an owner); the revoked ids. */
export async function revokeApiTokensCreatedBy({ orgId, memberId, at }: { orgId: string; memberId: string; at: Date }, ex?: Executor): Promise<string[]> {
  const db = await resolveDb(ex);
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.createdById, memberId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.map((r) => r.id);
}
