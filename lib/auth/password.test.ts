import { scryptSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ARGON2_PARAMS, DUMMY_HASH, hashPassword, needsRehash, scryptMaxmem, verifyPassword } from "./password";

/** A hash as this codebase stored them before argon2id (scrypt at N=2^14), made here with Node's scrypt. */
function legacyScrypt(plain: string, N = 2 ** 14): string {
  const salt = Buffer.from("saltsaltsaltsalt");
  const key = scryptSync(plain.normalize("NFKC"), salt, 64, { N, r: 8, p: 1, maxmem: scryptMaxmem({ N, r: 8, p: 1 }) });
  return ["scrypt", N, 8, 1, salt.toString("base64"), key.toString("base64")].join("$");
}

describe("password hashing (argon2id at OWASP's settings)", () => {
  it("hashes with argon2id, m = 19 MiB, t = 2, p = 1, and checks the password", async () => {
    expect(ARGON2_PARAMS).toEqual({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    const stored = await hashPassword("correct horse battery staple");
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await verifyPassword("correct horse battery staple", stored)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it("salts every hash: the same password never hashes the same twice", async () => {
    expect(await hashPassword("same password")).not.toBe(await hashPassword("same password"));
  });

  it("an older scrypt hash still signs in, and is marked for rehashing", async () => {
    const old = legacyScrypt("an old password");
    expect(await verifyPassword("an old password", old)).toBe(true);
    expect(await verifyPassword("another password", old)).toBe(false);
    expect(needsRehash(old)).toBe(true);
  });

  it("refuses stored hashes with parameters larger than ours instead of computing them (a memory bomb)", async () => {
    const ours = await hashPassword("x");
    const bigger = ours.replace("m=19456", "m=4194304");
    expect(await verifyPassword("x", bigger)).toBe(false);
    expect(await verifyPassword("x", ours.replace("t=2", "t=99"))).toBe(false);
    expect(await verifyPassword("x", "scrypt$4194304$8$1$AAAA$AAAA")).toBe(false);
    expect(await verifyPassword("x", "scrypt$1000$8$1$AAAA$AAAA")).toBe(false);
    expect(await verifyPassword("x", "garbage")).toBe(false);
    expect(needsRehash("garbage")).toBe(true);
  });

  it("the dummy hash for unknown emails has today's parameters and matches no password", async () => {
    expect(needsRehash(DUMMY_HASH)).toBe(false);
    expect(await verifyPassword("", DUMMY_HASH)).toBe(false);
    expect(await verifyPassword("rebound-demo", DUMMY_HASH)).toBe(false);
  });
});
