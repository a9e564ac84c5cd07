// Changing a member's role and removing a member, with the owners locked for the decision so the
// organization can never end up without one.
import { getDb } from "@/db/client";
import { deleteMember, getTeamMember, lockOwners, revokeMemberSessions, updateMemberRole } from "@/db/queries/team";
import type { Member } from "@/db/schema";
import { checkRemoval, checkRoleChange } from "./guards";

export type TeamResult = { ok: true; message: string } | { ok: false; message: string };

const NOT_FOUND: TeamResult = { ok: false, message: "That person is no longer on the team. Reload the page." };

export async function changeMemberRole(input: { orgId: string; actorId: string; memberId: string; role: Member["role"] }): Promise<TeamResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const ownerIds = await lockOwners(tx, { orgId: input.orgId });
    const target = await getTeamMember(tx, { orgId: input.orgId, memberId: input.memberId });
    if (!target) return NOT_FOUND;
    const verdict = checkRoleChange({ actorId: input.actorId, target, ownerIds, newRole: input.role });
    if (!verdict.ok) return verdict;
    if (target.role === input.role) return { ok: true, message: `${target.name} is already ${article(input.role)}.` };
    await updateMemberRole(tx, { orgId: input.orgId, memberId: target.id, role: input.role });
    return { ok: true, message: `${target.name} is now ${article(input.role)}.` };
  });
}

/** Removes the member and ends their sessions at once: an open tab stops working on its next request. */
export async function removeMember(input: { orgId: string; actorId: string; memberId: string; now?: Date }): Promise<TeamResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const ownerIds = await lockOwners(tx, { orgId: input.orgId });
    const target = await getTeamMember(tx, { orgId: input.orgId, memberId: input.memberId });
    if (!target) return NOT_FOUND;
    const verdict = checkRemoval({ actorId: input.actorId, target, ownerIds });
    if (!verdict.ok) return verdict;
    await revokeMemberSessions(tx, { memberId: target.id, at: input.now ?? new Date() });
    await deleteMember(tx, { orgId: input.orgId, memberId: target.id });
    return { ok: true, message: `${target.name} was removed and signed out everywhere.` };
  });
}

function article(role: Member["role"]): string {
  return role === "owner" ? "an owner" : "a coordinator";
}
