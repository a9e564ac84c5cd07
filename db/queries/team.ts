// The team of an organization: members, invitations, and the sessions a removal revokes.
import { and, asc, count, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { resolveDb, type Executor } from "../client";
import { invitations, members, organizations, sessions, type Invitation, type Member } from "../schema";

export type TeamMember = Pick<Member, "id" | "name" | "email" | "role" | "createdAt">;

/** One page of members, owners first, then by name; `total` drives the pager. */
export async function listMembers({ orgId, limit, offset }: { orgId: string; limit: number; offset: number }, ex?: Executor): Promise<{ rows: TeamMember[]; total: number }> {
  const db = await resolveDb(ex);
  const [rows, [totals]] = await Promise.all([
    db
      .select({ id: members.id, name: members.name, email: members.email, role: members.role, createdAt: members.createdAt })
      .from(members)
      .where(eq(members.orgId, orgId))
      .orderBy(asc(members.role), asc(sql`lower(${members.name})`), asc(members.id))
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(members).where(eq(members.orgId, orgId)),
  ]);
  return { rows, total: totals?.total ?? 0 };
}

export type PendingInvitation = Pick<Invitation, "id" | "email" | "role" | "expiresAt" | "createdAt"> & { invitedBy: string | null };

/** Invitations nobody accepted or revoked (expired ones included, so the owner sees them lapse). */
export async function listPendingInvitations(
  { orgId, limit, offset }: { orgId: string; limit: number; offset: number },
  ex?: Executor,
): Promise<{ rows: PendingInvitation[]; total: number }> {
  const db = await resolveDb(ex);
  const pending = and(eq(invitations.orgId, orgId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt));
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: invitations.id,
        email: invitations.email,
        role: invitations.role,
        expiresAt: invitations.expiresAt,
        createdAt: invitations.createdAt,
        invitedBy: members.name,
      })
      .from(invitations)
      .leftJoin(members, eq(members.id, invitations.invitedById))
      .where(pending)
      .orderBy(desc(invitations.createdAt), desc(invitations.id))
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(invitations).where(pending),
  ]);
  return { rows, total: totals?.total ?? 0 };
}

export async function insertInvitation(
  invitation: { orgId: string; email: string; role: Member["role"]; tokenHash: string; invitedById: string; expiresAt: Date },
  ex?: Executor,
): Promise<Invitation> {
  const db = await resolveDb(ex);
  const [row] = await db.insert(invitations).values(invitation).returning();
  if (!row) throw new Error("invitation insert returned nothing");
  return row;
}

/** False when there is no such pending invitation in this organization. */
export async function revokeInvitation({ orgId, invitationId, at }: { orgId: string; invitationId: string; at: Date }, ex?: Executor): Promise<boolean> {
  const db = await resolveDb(ex);
  const rows = await db
    .update(invitations)
    .set({ revokedAt: at })
    .where(and(eq(invitations.orgId, orgId), eq(invitations.id, invitationId), isNull(invitations.revokedAt), isNull(invitations.acceptedAt)))
    .returning({ id: invitations.id });
  return rows.length > 0;
}

/** Earlier links for the same person stop working when a new one is made. */
export async function revokePendingInvitationsFor({ orgId, email, at }: { orgId: string; email: string; at: Date }, ex?: Executor): Promise<number> {
  const db = await resolveDb(ex);
  const rows = await db
    .update(invitations)
    .set({ revokedAt: at })
    .where(and(eq(invitations.orgId, orgId), sql`lower(${invitations.email}) = ${email.trim().toLowerCase()}`, isNull(invitations.revokedAt), isNull(invitations.acceptedAt)))
    .returning({ id: invitations.id });
  return rows.length;
}

export type InvitationWithOrg = Invitation & { orgName: string };

/** The invitation behind a link (looked up by the token's hash; the token itself is never stored). */
export async function findInvitationByTokenHash({ tokenHash }: { tokenHash: string }, ex?: Executor): Promise<InvitationWithOrg | null> {
  const db = await resolveDb(ex);
  const [row] = await db
    .select({ invitation: invitations, orgName: organizations.name })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.orgId))
    .where(eq(invitations.tokenHash, tokenHash))
    .limit(1);
  return row ? { ...row.invitation, orgName: row.orgName } : null;
}

/**
 * Claims a usable invitation: only one request can accept it, and only before it expires or is
 * revoked. Null when it is no longer usable (the caller re-reads it to say why).
 */
export async function claimInvitation({ tokenHash, now }: { tokenHash: string; now: Date }, ex?: Executor): Promise<Invitation | null> {
  const db = await resolveDb(ex);
  const [row] = await db
    .update(invitations)
    .set({ acceptedAt: now })
    .where(and(eq(invitations.tokenHash, tokenHash), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)))
    .returning();
  return row ?? null;
}

export async function insertMember(member: { orgId: string; email: string; name: string; role: Member["role"]; passwordHash: string }, ex?: Executor): Promise<Member> {
  const db = await resolveDb(ex);
  const [row] = await db.insert(members).values(member).returning();
  if (!row) throw new Error("member insert returned nothing");
  return row;
}

/** Whether any organization already has a member with this email (emails are unique across Rebound). */
export async function memberEmailTaken({ email }: { email: string }, ex?: Executor): Promise<boolean> {
  const db = await resolveDb(ex);
  const [row] = await db
    .select({ id: members.id })
    .from(members)
    .where(sql`lower(${members.email}) = ${email.trim().toLowerCase()}`)
    .limit(1);
  return Boolean(row);
}

/**
 * The organization's owners, locked until the transaction ends: two owners demoting each other at
 * the same moment are serialised, so the organization can never be left without one.
 */
export async function lockOwners({ orgId }: { orgId: string }, tx: Executor): Promise<string[]> {
  const rows = await tx
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.orgId, orgId), eq(members.role, "owner")))
    .orderBy(asc(members.id))
    .for("update");
  return rows.map((r) => r.id);
}

export async function getTeamMember({ orgId, memberId }: { orgId: string; memberId: string }, ex?: Executor): Promise<TeamMember | null> {
  const db = await resolveDb(ex);
  const [row] = await db
    .select({ id: members.id, name: members.name, email: members.email, role: members.role, createdAt: members.createdAt })
    .from(members)
    .where(and(eq(members.orgId, orgId), eq(members.id, memberId)))
    .limit(1);
  return row ?? null;
}

export async function updateMemberRole({ orgId, memberId, role }: { orgId: string; memberId: string; role: Member["role"] }, ex?: Executor): Promise<boolean> {
  const db = await resolveDb(ex);
  const rows = await db
    .update(members)
    .set({ role })
    .where(and(eq(members.orgId, orgId), eq(members.id, memberId)))
    .returning({ id: members.id });
  return rows.length > 0;
}

/** Ends every live session of a member at once (each request re-reads the session row). */
export async function revokeMemberSessions({ memberId, at }: { memberId: string; at: Date }, ex?: Executor): Promise<number> {
  const db = await resolveDb(ex);
  const rows = await db
    .update(sessions)
    .set({ revokedAt: at })
    .where(and(eq(sessions.memberId, memberId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length;
}

/** Their conversations, callbacks and bookings stay; the author and assignee links become empty. */
export async function deleteMember({ orgId, memberId }: { orgId: string; memberId: string }, ex?: Executor): Promise<boolean> {
  const db = await resolveDb(ex);
  const rows = await db
    .delete(members)
    .where(and(eq(members.orgId, orgId), eq(members.id, memberId)))
    .returning({ id: members.id });
  return rows.length > 0;
}

/** Withdraws every pending invitation a member issued (they were removed or are no longer an owner); the withdrawn ids. */
export async function revokeInvitationsIssuedBy({ orgId, memberId, at }: { orgId: string; memberId: string; at: Date }, ex?: Executor): Promise<string[]> {
  const db = await resolveDb(ex);
  const rows = await db
    .update(invitations)
    .set({ revokedAt: at })
    .where(and(eq(invitations.orgId, orgId), eq(invitations.invitedById, memberId), isNull(invitations.revokedAt), isNull(invitations.acceptedAt)))
    .returning({ id: invitations.id });
  return rows.map((r) => r.id);
}
