// Invitation links carry a 32-byte random token; only its SHA-256 is stored, so a copy of the
// database cannot be turned into working links.
import { createHash, randomBytes } from "node:crypto";

export const INVITATION_DAYS = 7;

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function newInviteToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInviteToken(token) };
}

/** A token as it appears in a link: 43 base64url characters. Anything else is not worth a lookup. */
export function looksLikeInviteToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

export function invitationExpiry(now: Date): Date {
  return new Date(now.getTime() + INVITATION_DAYS * 24 * 3600 * 1000);
}

export function inviteUrl(appUrl: string, token: string): string {
  return `${appUrl.replace(/\/+$/, "")}/invite/${token}`;
}
