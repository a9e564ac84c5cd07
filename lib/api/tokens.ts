// Bearer tokens for the read API (/api/v1). A token is "rb_" + 32 random bytes (base64url); only
// its SHA-256 is stored, with a short prefix so an owner can tell tokens apart. Checking a token is
// a look-up by hash: no secret is ever compared character by character.
import { createHash, randomBytes } from "node:crypto";
import { findActiveApiToken, insertApiToken, revokeApiToken as revokeApiTokenRow, touchApiToken } from "@/db/queries/api-tokens";
import { AppError } from "@/lib/errors";

export const TOKEN_PREFIX = "rb_";
const TOKEN_SHAPE = /^rb_[A-Za-z0-9_-]{43}$/;
/** lastUsedAt is written at most this often per token. */
export const LAST_USED_EVERY_MS = 60_000;

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** What an owner sees of a token after creation: "rb_" and its first six random characters. */
export function displayPrefix(token: string): string {
  return token.slice(0, TOKEN_PREFIX.length + 6);
}

export function newApiToken(): { token: string; tokenHash: string; prefix: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, tokenHash: hashApiToken(token), prefix: displayPrefix(token) };
}

export function looksLikeApiToken(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | null): string | null {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? "");
  return match?.[1] ?? null;
}

export async function createApiToken(input: { orgId: string; createdById: string | null; name: string }): Promise<{ id: string; token: string; prefix: string; name: string }> {
  const { token, tokenHash, prefix } = newApiToken();
  const row = await insertApiToken({ orgId: input.orgId, name: input.name, tokenHash, prefix, createdById: input.createdById });
  return { id: row.id, token, prefix: row.prefix, name: row.name };
}

export async function revokeApiToken({ orgId, tokenId, now = new Date() }: { orgId: string; tokenId: string; now?: Date }): Promise<boolean> {
  return revokeApiTokenRow({ orgId, id: tokenId, at: now });
}

export type ApiCaller = { orgId: string; tokenId: string };

const UNAUTHORIZED = "Send a valid API token as `Authorization: Bearer rb_…` (an owner creates one in Settings → API).";

/** The organization a request's bearer token belongs to; an AppError 401 for a missing, unknown or revoked token. */
export async function authenticateApiRequest(request: Request, now: Date = new Date()): Promise<ApiCaller> {
  const token = bearerToken(request.headers.get("authorization"));
  if (!token || !looksLikeApiToken(token)) throw new AppError("unauthorized", UNAUTHORIZED);
  const found = await findActiveApiToken({ tokenHash: hashApiToken(token) });
  if (!found) throw new AppError("unauthorized", UNAUTHORIZED);
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() >= LAST_USED_EVERY_MS) {
    await touchApiToken({ id: found.id, at: now, everyMs: LAST_USED_EVERY_MS });
  }
  return { orgId: found.orgId, tokenId: found.id };
}
