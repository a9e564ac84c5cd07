import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashInviteToken, invitationExpiry, inviteUrl, looksLikeInviteToken, newInviteToken } from "./tokens";

describe("invitation tokens", () => {
  it("a token is 32 random bytes in base64url, stored only as its SHA-256", () => {
    const { token, tokenHash } = newInviteToken();
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(tokenHash).not.toContain(token);
    expect(looksLikeInviteToken(token)).toBe(true);
  });

  it("two invitations never share a token", () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newInviteToken().token));
    expect(tokens.size).toBe(200);
  });

  it("rejects anything that is not a token before any lookup", () => {
    expect(looksLikeInviteToken("abc")).toBe(false);
    expect(looksLikeInviteToken(`${"a".repeat(42)}/`)).toBe(false);
    expect(looksLikeInviteToken("a".repeat(44))).toBe(false);
  });

  it("expires 7 days later and links under APP_URL", () => {
    const now = new Date("2026-05-12T17:00:00Z");
    expect(invitationExpiry(now).toISOString()).toBe("2026-05-19T17:00:00.000Z");
    expect(inviteUrl("https://app.example.com/", "tok")).toBe("https://app.example.com/invite/tok");
    expect(hashInviteToken("tok")).toHaveLength(64);
  });
});
