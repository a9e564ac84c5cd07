import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { resolveDb, type Executor } from "../client";
import { members, organizations, sessions, type Member } from "../schema";

export async function findMemberByEmail({ email }: { email: string }, ex?: Executor): Promise<Member | null> {
  const db = await resolveDb(ex);
  const [row] = await db
    .select()
    .from(members)
    .where(sql`lower(${members.email}) = ${email.trim().toLowerCase()}`)
    .limit(1);
  return row ?? null;
}

export type SessionMember = { id: string; orgId: string; orgName: string; email: string; name: string; role: Member["role"] };

/**
 * The member behind a live session, read fresh each request: signing out, removing a member or
 * changing a role takes effect at once.
 */
export async function getSessionMember({ sessionId, now }: { sessionId: string; now: Date }, ex?: Executor): Promise<SessionMember | null> {
  const db = await resolveDb(ex);
  const [row] = await db
    .select({ id: members.id, orgId: members.orgId, orgName: organizations.name, email: members.email, name: members.name, role: members.role })
    .from(sessions)
    .innerJoin(members, eq(members.id, sessions.memberId))
    .innerJoin(organizations, eq(organizations.id, members.orgId))
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .limit(1);
  return row ?? null;
}

/** The organization's owner (the first one, when there are several): billing callbacks go to them. */
export async function findOwner({ orgId }: { orgId: string }, ex?: Executor): Promise<Member | null> {
  const db = await resolveDb(ex);
  const [row] = await db
    .select()
    .from(members)
    .where(and(eq(members.orgId, orgId), eq(members.role, "owner")))
    .orderBy(asc(members.createdAt), asc(members.id))
    .limit(1);
  return row ?? null;
}

/**
 * Replaces a member's password hash with one made with today's parameters, only if it is still the
 * hash that was just checked (a password change in between wins). True when it was replaced.
 */
export async function replacePasswordHash({ memberId, from, to }: { memberId: string; from: string; to: string }, ex?: Executor): Promise<boolean> {
  const db = await resolveDb(ex);
  const rows = await db
    .update(members)
    .set({ passwordHash: to })
    .where(and(eq(members.id, memberId), eq(members.passwordHash, from)))
    .returning({ id: members.id });
  return rows.length > 0;
}
