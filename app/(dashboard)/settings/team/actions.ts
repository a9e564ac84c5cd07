"use server";

import { revalidatePath } from "next/cache";
import type { FlatErrors } from "@/lib/form-errors";
import { OWNERS, runAction } from "@/lib/server/action";
import { createInvitation, withdrawInvitation } from "@/lib/team/invitations";
import { changeMemberRole, removeMember } from "@/lib/team/members";
import { changeRoleSchema, invitationIdSchema, inviteSchema, memberIdSchema } from "@/lib/team/schemas";

export type InviteState = {
  errors?: { email?: string[]; role?: string[] };
  message?: string;
  invite?: { url: string; email: string; role: "owner" | "coordinator"; expiresAt: string };
  values?: { email: string; role: string };
};

export type TeamActionState = { ok?: boolean; message?: string; at?: number };

/** An owner's action on the team; a failure is one sentence, logged as `[team] <what> failed`. */
const spec = (what: string) => ({ access: OWNERS, log: ["team", `${what} failed`] as const, fail: (message: string): TeamActionState => ({ ok: false, message }) });

export async function inviteAction(_previous: InviteState, formData: FormData): Promise<InviteState> {
  const values = { email: String(formData.get("email") ?? ""), role: String(formData.get("role") ?? "") };
  return runAction(
    {
      access: OWNERS,
      log: ["team", "invite failed"],
      fail: (message): InviteState => ({ message, values }),
      input: { schema: inviteSchema, value: values, invalid: ({ fieldErrors }) => ({ errors: { email: fieldErrors.email, role: fieldErrors.role }, values }) },
    },
    async ({ member, input }) => {
      const created = await createInvitation({ orgId: member.orgId, invitedById: member.id, ...input });
      if (!created.ok) return { errors: { email: [created.message] }, values };
      revalidatePath("/settings/team");
      return { invite: { url: created.url, email: created.email, role: created.role, expiresAt: created.expiresAt.toISOString() } };
    },
  );
}

export async function revokeInvitationAction(_previous: TeamActionState, formData: FormData): Promise<TeamActionState> {
  const value = { invitationId: formData.get("invitationId") };
  return runAction(
    { ...spec("revoke invitation"), input: { schema: invitationIdSchema, value, invalid: () => ({ ok: false, message: "Unknown invitation. Reload the page." }) } },
    async ({ member, input }) => {
      const revoked = await withdrawInvitation({ orgId: member.orgId, invitationId: input.invitationId });
      revalidatePath("/settings/team");
      return revoked
        ? { ok: true, message: "Invitation withdrawn: the link no longer works.", at: Date.now() }
        : { ok: false, message: "That invitation was already used or withdrawn." };
    },
  );
}

export async function changeRoleAction(_previous: TeamActionState, formData: FormData): Promise<TeamActionState> {
  const value = { memberId: formData.get("memberId"), role: formData.get("role") };
  // One sentence for the form: the first refusal, whichever field it is about.
  const invalid = ({ formErrors, fieldErrors }: FlatErrors) => ({ ok: false, message: [...formErrors, ...Object.values(fieldErrors).flat()][0] ?? "Choose a role." });
  return runAction({ ...spec("change role"), input: { schema: changeRoleSchema, value, invalid } }, async ({ member, input }) => {
    const result = await changeMemberRole({ orgId: member.orgId, actorId: member.id, ...input });
    revalidatePath("/settings/team");
    return { ...result, at: Date.now() };
  });
}

export async function removeMemberAction(_previous: TeamActionState, formData: FormData): Promise<TeamActionState> {
  const value = { memberId: formData.get("memberId") };
  return runAction(
    { ...spec("remove member"), input: { schema: memberIdSchema, value, invalid: () => ({ ok: false, message: "Unknown member. Reload the page." }) } },
    async ({ member, input }) => {
      const result = await removeMember({ orgId: member.orgId, actorId: member.id, memberId: input.memberId });
      revalidatePath("/settings/team");
      return { ...result, at: Date.now() };
    },
  );
}
