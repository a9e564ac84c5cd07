// Inviting someone to the team and accepting the invitation. Rebound sends no email yet: the owner
// copies the link (shown once, at creation) and sends it themselves.
import { transaction } from "@/db/client";
import { claimInvitation, findInvitationByTokenHash, insertInvitation, insertMember, memberEmailTaken, revokeInvitation, revokePendingInvitationsFor } from "@/db/queries/team";
import type { Invitation, Member } from "@/db/schema";
import { takeAttempt } from "@/lib/auth/attempt-limit";
import { hashPassword } from "@/lib/auth/password";
import { env } from "@/lib/env";
import { hashInviteToken, invitationExpiry, inviteUrl, looksLikeInviteToken, newInviteToken } from "./tokens";

export type InvitationState = "usable" | "expired" | "revoked" | "accepted";

export function invitationState(invitation: Pick<Invitation, "acceptedAt" | "revokedAt" | "expiresAt">, now: Date): InvitationState {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt.getTime() <= now.getTime()) return "expired";
  return "usable";
}

/** What the invite page says when a link cannot be used. */
export const UNUSABLE_INVITATION: Record<Exclude<InvitationState, "usable"> | "unknown", string> = {
  unknown: "This invitation link is not valid. Check that you copied the whole link, or ask the owner for a new one.",
  expired: "This invitation has expired (links last 7 days). Ask the owner of the spa for a new one.",
  revoked: "This invitation was withdrawn. Ask the owner of the spa for a new link if you still need access.",
  accepted: "This invitation has already been used. Sign in with the email and password chosen then.",
};

/** One sentence for an email that already has an account, the same whoever asks (issue 12, item 14). */
export const INVITATION_REFUSED =
  "This invitation could not be accepted with these details. If you already use Rebound, sign in instead; to join another spa's team, ask its owner to invite a different email.";

export type CreatedInvitation = { ok: true; url: string; email: string; role: Member["role"]; expiresAt: Date } | { ok: false; message: string };

export async function createInvitation(input: { orgId: string; invitedById: string; email: string; role: Member["role"]; now?: Date }): Promise<CreatedInvitation> {
  const now = input.now ?? new Date();
  // No "this email already has an account" here: any owner (anyone, with open signup) could use it to
  // learn who Rebound's customers are. Such an invitation is made like any other and cannot be
  // accepted; the person it names is told so, in the same words signup uses.
  const { token, tokenHash } = newInviteToken();
  const invitation = await transaction(async (tx) => {
    await revokePendingInvitationsFor({ orgId: input.orgId, email: input.email, at: now }, tx);
    return insertInvitation(
      {
        orgId: input.orgId,
        email: input.email,
        role: input.role,
        tokenHash,
        invitedById: input.invitedById,
        expiresAt: invitationExpiry(now),
      },
      tx,
    );
  });
  return { ok: true, url: inviteUrl(env().appUrl, token), email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt };
}

export async function withdrawInvitation({ orgId, invitationId, now = new Date() }: { orgId: string; invitationId: string; now?: Date }): Promise<boolean> {
  return revokeInvitation({ orgId, invitationId, at: now });
}

export type InvitationView =
  { state: "usable"; orgName: string; email: string; role: Member["role"]; expiresAt: Date } | { state: Exclude<InvitationState, "usable"> | "unknown"; message: string };

/** What the invite page shows for a token from a link. */
export async function readInvitation(token: string, now: Date = new Date()): Promise<InvitationView> {
  if (!looksLikeInviteToken(token)) return { state: "unknown", message: UNUSABLE_INVITATION.unknown };
  const invitation = await findInvitationByTokenHash({ tokenHash: hashInviteToken(token) });
  if (!invitation) return { state: "unknown", message: UNUSABLE_INVITATION.unknown };
  const state = invitationState(invitation, now);
  if (state !== "usable") return { state, message: UNUSABLE_INVITATION[state] };
  return { state, orgName: invitation.orgName, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt };
}

export type AcceptResult = { ok: true; email: string } | { ok: false; message: string };

class AcceptRefused extends Error {}

/**
 * Creates the member and uses up the invitation in one transaction: two tabs submitting the same
 * link make one member, and a failure leaves the link usable. The token is checked first (a SHA-256
 * look-up), and only a usable invitation pays for the password hash: a stream of
 * made-up links costs the server nothing. Attempts are limited per address (`ip`).
 */
export async function acceptInvitation(input: { token: string; name: string; password: string; ip: string | null; now?: Date }): Promise<AcceptResult> {
  const now = input.now ?? new Date();
  const verdict = await takeAttempt({ action: "accept_invite", email: "", ip: input.ip, now });
  if (!verdict.ok) return { ok: false, message: verdict.message };
  if (!looksLikeInviteToken(input.token)) return { ok: false, message: UNUSABLE_INVITATION.unknown };
  const tokenHash = hashInviteToken(input.token);
  const found = await findInvitationByTokenHash({ tokenHash });
  const state = found ? invitationState(found, now) : "unknown";
  if (state !== "usable") return { ok: false, message: UNUSABLE_INVITATION[state] };
  const passwordHash = await hashPassword(input.password); // slow on purpose: before any lock is taken
  try {
    return await transaction(async (tx) => {
      // Claimed again: the invitation may have been used, withdrawn or revoked while the password hashed.
      const invitation = await claimInvitation({ tokenHash, now }, tx);
      if (!invitation) {
        const current = await findInvitationByTokenHash({ tokenHash }, tx);
        const state = current ? invitationState(current, now) : "unknown";
        throw new AcceptRefused(UNUSABLE_INVITATION[state === "usable" ? "accepted" : state]);
      }
      if (await memberEmailTaken({ email: invitation.email }, tx)) {
        throw new AcceptRefused(INVITATION_REFUSED);
      }
      await insertMember({ orgId: invitation.orgId, email: invitation.email, name: input.name, role: invitation.role, passwordHash }, tx);
      return { ok: true, email: invitation.email } as const;
    });
  } catch (error) {
    if (error instanceof AcceptRefused) return { ok: false, message: error.message };
    throw error;
  }
}
