import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { members, organizations, type Member } from "../schema";

export async function findMemberByEmail(db: Executor, { email }: { email: string }): Promise<Member | null> {
  const [row] = await db.select().from(members).where(sql`lower(${members.email}) = ${email.trim().toLowerCase()}`).limit(1);
  return row ?? null;
}

export type SessionMember = { id: string; orgId: string; orgName: string; email: string; name: string; role: Member["role"] };

/** The member behind a session, read fresh each request: a removed member or changed role takes effect at once. */
export async function getSessionMember(db: Executor, { memberId }: { memberId: string }): Promise<SessionMember | null> {
  const [row] = await db
    .select({ id: members.id, orgId: members.orgId, orgName: organizations.name, email: members.email, name: members.name, role: members.role })
    .from(members)
    .innerJoin(organizations, eq(organizations.id, members.orgId))
    .where(and(eq(members.id, memberId)))
    .limit(1);
  return row ?? null;
}
