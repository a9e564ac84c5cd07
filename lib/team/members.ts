// Changing a member's role and removing a member, with the owners locked for the decision so the
// organization can never end up without one. An owner who is removed or made a coordinator loses
// what only an owner could make, in the same transaction: the read-API tokens they created and the
// invitations they issued that nobody has used yet (each logged as an event).
import { transaction, type Executor } from "@/db/client";
import { revokeApiTokensCreatedBy } from "@/db/queries/api-tokens";
import { recordEvents } from "@/db/queries/events";
import { deleteMember, getTeamMember, lockOwners, revokeInvitationsIssuedBy, revokeMemberSessions, updateMemberRole } from "@/db/queries/team";
import type { Member } from "@/db/schema";
import { checkRemoval, checkRoleChange } from "./guards";

export type TeamResult = { ok: true; message: string } | { ok: false; message: string };

const NOT_FOUND: TeamResult = { ok: false, message: "That person is no longer on the team. Reload the page." };

export async function changeMemberRole(input: { orgId: string; actorId: string; memberId: string; role: Member["role"]; now?: Date }): Promise<TeamResult> {
  return transaction(async (tx) => {
    const ownerIds = await lockOwners({ orgId: input.orgId }, tx);
    const target = await getTeamMember({ orgId: input.orgId, memberId: input.memberId }, tx);
    if (!target) return NOT_FOUND;
    const verdict = checkRoleChange({ actorId: input.actorId, target, ownerIds, newRole: input.role });
    if (!verdict.ok) return verdict;
    if (target.role === input.role) return { ok: true, message: `${target.name} is already ${article(input.role)}.` };
    await updateMemberRole({ orgId: input.orgId, memberId: target.id, role: input.role }, tx);
    const revoked =
      input.role === "owner"
        ? 0
        : await revokeOwnerGrants(tx, { orgId: input.orgId, memberId: target.id, actorId: input.actorId, why: "member_demoted", at: input.now ?? new Date() });
    return { ok: true, message: `${target.name} is now ${article(input.role)}.${revokedNote(revoked)}` };
  });
}

/** Removes the member and ends their sessions at once: an open tab stops working on its next request. */
export async function removeMember(input: { orgId: string; actorId: string; memberId: string; now?: Date }): Promise<TeamResult> {
  return transaction(async (tx) => {
    const ownerIds = await lockOwners({ orgId: input.orgId }, tx);
    const target = await getTeamMember({ orgId: input.orgId, memberId: input.memberId }, tx);
    if (!target) return NOT_FOUND;
    const verdict = checkRemoval({ actorId: input.actorId, target, ownerIds });
    if (!verdict.ok) return verdict;
    const at = input.now ?? new Date();
    await revokeMemberSessions({ memberId: target.id, at }, tx);
    // Before the delete: it empties created_by / invited_by, and the rows could no longer be found.
    const revoked = await revokeOwnerGrants(tx, { orgId: input.orgId, memberId: target.id, actorId: input.actorId, why: "member_removed", at });
    await deleteMember({ orgId: input.orgId, memberId: target.id }, tx);
    return { ok: true, message: `${target.name} was removed and signed out everywhere.${revokedNote(revoked)}` };
  });
}

/** Revokes the member's API tokens and pending invitations, with an event for each; how many. */
async function revokeOwnerGrants(
  tx: Executor,
  { orgId, memberId, actorId, why, at }: { orgId: string; memberId: string; actorId: string; why: "member_removed" | "member_demoted"; at: Date },
): Promise<number> {
  const tokenIds = await revokeApiTokensCreatedBy({ orgId, memberId, at }, tx);
  const invitationIds = await revokeInvitationsIssuedBy({ orgId, memberId, at }, tx);
  await recordEvents(
    [
      ...tokenIds.map((tokenId) => ({ orgId, type: "api_token_revoked" as const, reason: why, detail: { tokenId, memberId, by: actorId }, createdAt: at })),
      ...invitationIds.map((invitationId) => ({ orgId, type: "invitation_revoked" as const, reason: why, detail: { invitationId, memberId, by: actorId }, createdAt: at })),
    ],
    tx,
  );
  return tokenIds.length + invitationIds.length;
}

const revokedNote = (revoked: number) => (revoked ? " The API tokens and invitations they made were revoked." : "");

function article(role: Member["role"]): string {
  return role === "owner" ? "an owner" : "a coordinator";
}
