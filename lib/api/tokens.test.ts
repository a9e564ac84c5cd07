import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bearerToken, hashApiToken, looksLikeApiToken, newApiToken } from "./tokens";

describe("API tokens", () => {
  it("are rb_ and 32 random bytes, stored only as their SHA-256, shown by a short prefix", () => {
    const { token, tokenHash, prefix } = newApiToken();
    expect(token).toMatch(/^rb_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice(3), "base64url")).toHaveLength(32);
    expect(tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(hashApiToken(token)).toBe(tokenHash);
    expect(prefix).toBe(token.slice(0, 9));
    expect(looksLikeApiToken(token)).toBe(true);
  });

  it("never repeat", () => {
    expect(new Set(Array.from({ length: 200 }, () => newApiToken().token)).size).toBe(200);
  });

  it("are read from a Bearer header only", () => {
    expect(bearerToken("Bearer rb_abc")).toBe("rb_abc");
    expect(bearerToken("bearer   rb_abc ")).toBe("rb_abc");
    expect(bearerToken("Basic cmI6YWJj")).toBeNull();
    expect(bearerToken("Bearer")).toBeNull();
    expect(bearerToken("Bearer a b")).toBeNull();
    expect(bearerToken(null)).toBeNull();
  });

  it("anything not shaped like a token is refused before any look-up", () => {
    expect(looksLikeApiToken("rb_short")).toBe(false);
    expect(looksLikeApiToken(`xx_${"a".repeat(43)}`)).toBe(false);
    expect(looksLikeApiToken(`rb_${"a".repeat(42)}/`)).toBe(false);
  });
});
