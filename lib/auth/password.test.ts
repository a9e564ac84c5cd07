import { describe, expect, it } from "vitest";
import { DUMMY_HASH, hashPassword, needsRehash, SCRYPT_PARAMS, scryptMaxmem, verifyPassword } from "./password";

describe("password hashing (scrypt at OWASP's minimum)", () => {
  it("hashes at N=2^17, r=8, p=1 and stores the parameters with the hash", async () => {
    expect(SCRYPT_PARAMS).toEqual({ N: 131072, r: 8, p: 1 });
    const stored = await hashPassword("correct-horse-battery");
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{88}$/);
    expect(await verifyPassword("correct-horse-battery", stored)).toBe(true);
    expect(await verifyPassword("correct-horse-batterY", stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it("node's default maxmem (32 MiB) is too small for N=2^17: 128·N·r = 128 MiB, allowed twice that", () => {
    expect(128 * SCRYPT_PARAMS.N * SCRYPT_PARAMS.r).toBe(128 * 1024 * 1024);
    expect(scryptMaxmem(SCRYPT_PARAMS)).toBe(256 * 1024 * 1024);
  });

  it("an old N=2^14 hash still checks out, and is marked for a rehash", async () => {
    const old = "scrypt$16384$8$1$c2FsdHNhbHRzYWx0c2FsdA==$" + Buffer.alloc(64, 1).toString("base64");
    expect(needsRehash(old)).toBe(true);
    expect(await verifyPassword("anything", old)).toBe(false);
  });

  it("refuses stored parameters that are not ours (a memory bomb) without computing them", async () => {
    expect(await verifyPassword("x", "scrypt$4194304$8$1$AAAA$AAAA")).toBe(false);
    expect(await verifyPassword("x", "scrypt$1000$8$1$AAAA$AAAA")).toBe(false);
    expect(await verifyPassword("x", "bcrypt$2b$10$abc")).toBe(false);
    expect(needsRehash("garbage")).toBe(true);
  });

  it("the dummy hash has today's parameters (an unknown email takes as long) and matches nothing", async () => {
    expect(needsRehash(DUMMY_HASH)).toBe(false);
    expect(await verifyPassword("", DUMMY_HASH)).toBe(false);
  });
});
