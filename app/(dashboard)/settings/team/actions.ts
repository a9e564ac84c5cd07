"use server";

import { revalidatePath } from "next/cache";
import { requireMember } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { safeErrorSummary } from "@/lib/integrations/safe-error";
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

function failure(error: unknown, what: string): { message: string } {
  if (error instanceof AppError) return { message: error.message };
  console.error(`[team] ${what} failed: ${safeErrorSummary(error)}`);
  return { message: "That did not work. Try again." };
}

export async function inviteAction(_previous: InviteState, formData: FormData): Promise<InviteState> {
  const values = { email: String(formData.get("email") ?? ""), role: String(formData.get("role") ?? "") };
  try {
    const member = await requireMember(["owner"]);
    const parsed = inviteSchema.safeParse(values);
    if (!parsed.success) {
      const { fieldErrors } = parsed.error.flatten();
      return { errors: { email: fieldErrors.email, role: fieldErrors.role }, values };
    }
    const created = await createInvitation({ orgId: member.orgId, invitedById: member.id, ...parsed.data });
    if (!created.ok) return { errors: { email: [created.message] }, values };
    revalidatePath("/settings/team");
    return { invite: { url: created.url, email: created.email, role: created.role, expiresAt: created.expiresAt.toISOString() } };
  } catch (error) {
    return { ...failure(error, "invite"), values };
  }
}

export async function revokeInvitationAction(_previous: TeamActionState, formData: FormData): Promise<TeamActionState> {
  try {
    const member = await requireMember(["owner"]);
    const parsed = invitationIdSchema.safeParse({ invitationId: formData.get("invitationId") });
    if (!parsed.success) return { ok: false, message: "Unknown invitation. Reload the page." };
    const revoked = await withdrawInvitation({ orgId: member.orgId, invitationId: parsed.data.invitationId });
    revalidatePath("/settings/team");
    return revoked ? { ok: true, message: "Invitation withdrawn: the link no longer works.", at: Date.now() } : { ok: false, message: "That invitation was already used or withdrawn." };
  } catch (error) {
    return { ok: false, ...failure(error, "revoke invitation") };
  }
}

export async function changeRoleAction(_previous: TeamActionState, formData: FormData): Promise<TeamActionState> {
  try {
    const member = await requireMember(["owner"]);
    const parsed = changeRoleSchema.safeParse({ memberId: formData.get("memberId"), role: formData.get("role") });
    if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Choose a role." };
    const result = await changeMemberRole({ orgId: member.orgId, actorId: member.id, ...parsed.data });
    revalidatePath("/settings/team");
    return { ...result, at: Date.now() };
  } catch (error) {
    return { ok: false, ...failure(error, "change role") };
  }
}

export async function removeMemberAction(_previous: TeamActionState, formData: FormData): Promise<TeamActionState> {
  try {
    const member = await requireMember(["owner"]);
    const parsed = memberIdSchema.safeParse({ memberId: formData.get("memberId") });
    if (!parsed.success) return { ok: false, message: "Unknown member. Reload the page." };
    const result = await removeMember({ orgId: member.orgId, actorId: member.id, memberId: parsed.data.memberId });
    revalidatePath("/settings/team");
    return { ...result, at: Date.now() };
  } catch (error) {
    return { ok: false, ...failure(error, "remove member") };
  }
}
