// Password hashing with argon2id at OWASP's first recommendation (m = 19 MiB, t = 2, p = 1), stored
// in the standard PHC form ($argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>). Hashes made before it
// (scrypt$N$r$p$<salt>$<hash>, at N=2^14 and, briefly, N=2^17) still check out and are replaced on
// the member's next successful sign-in (needsRehash).
//
// argon2id rather than scrypt at N=2^17: both meet OWASP's minimum, but scrypt at N=2^17 needs
// 128 MiB for each hash, which a sign-in added on top of the server's working set (peak RSS 290 →
// 426 MB in `npm run bench`, past its 400 MB target); argon2id needs 19 MiB and ~50 ms here.
// At most MAX_CONCURRENT hashes run at once per process, so a burst of sign-ins cannot take more
// memory than that, and libuv's threadpool keeps threads for everything else.
import { scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { hash as argon2Hash, verify as argon2Verify } from "@node-rs/argon2";

/** OWASP Password Storage Cheat Sheet: argon2id, 19 MiB of memory, 2 iterations, 1 lane. */
export const ARGON2_PARAMS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const ARGON2_PREFIX = `$argon2id$v=19$m=${ARGON2_PARAMS.memoryCost},t=${ARGON2_PARAMS.timeCost},p=${ARGON2_PARAMS.parallelism}$`;
const MAX_CONCURRENT = 2;
/** `Algorithm.Argon2id` in @node-rs/argon2 (an ambient const enum, which isolated modules cannot read). */
const ARGON2ID = 2;

let running = 0;
const waiting: (() => void)[] = [];

async function withSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

export async function hashPassword(plain: string): Promise<string> {
  return withSlot(() => argon2Hash(plain.normalize("NFKC"), { algorithm: ARGON2ID, ...ARGON2_PARAMS }));
}

export async function verifyPassword(plain: string, stored: string): Promise<boolean> {
  if (stored.startsWith("$argon2id$")) {
    if (!plausibleArgon2(stored)) return false;
    return withSlot(() => argon2Verify(stored, plain.normalize("NFKC")).catch(() => false));
  }
  return verifyScrypt(plain, stored);
}

/** Whether a stored hash is anything but argon2id with today's parameters (checked after a successful sign-in). */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith(ARGON2_PREFIX);
}

/**
 * Checked against when the email is unknown, with today's parameters, so an unknown email takes as
 * long as a known one. No password matches it (its hash is all zeros).
 */
export const DUMMY_HASH = `${ARGON2_PREFIX}${Buffer.alloc(16).toString("base64").replace(/=+$/, "")}$${Buffer.alloc(32).toString("base64").replace(/=+$/, "")}`;

/**
 * An argon2id hash we would have made: our parameters or smaller ones (an older setting), never
 * larger ones, which would let a planted hash take any amount of memory or time (a memory bomb).
 */
function plausibleArgon2(stored: string): boolean {
  const match = /^\$argon2id\$v=19\$m=(\d{1,6}),t=(\d{1,2}),p=(\d{1,2})\$[A-Za-z0-9+/]{11,64}\$[A-Za-z0-9+/]{22,128}$/.exec(stored);
  if (!match) return false;
  const [m, t, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return m >= 8 && m <= ARGON2_PARAMS.memoryCost && t >= 1 && t <= ARGON2_PARAMS.timeCost && p >= 1 && p <= ARGON2_PARAMS.parallelism;
}

// ---- scrypt: read-only, for hashes made before argon2id ----

type ScryptParams = { N: number; r: number; p: number };
/** Stored parameters beyond these are not ours: refused rather than computed (a memory bomb). */
const MAX_N = 2 ** 17;
const MAX_R = 16;
const MAX_P = 4;

/** Node refuses scrypt above `maxmem` (32 MiB by default); 128·N·r is what it needs, doubled for headroom. */
export function scryptMaxmem({ N, r }: ScryptParams): number {
  return 128 * N * r * 2;
}

function parseScrypt(stored: string): (ScryptParams & { salt: Buffer; hash: Buffer }) | null {
  const [scheme, n, r, p, salt, hash, ...rest] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !hash || rest.length) return null;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const powerOfTwo = Number.isInteger(params.N) && params.N > 1 && (params.N & (params.N - 1)) === 0;
  if (!powerOfTwo || params.N > MAX_N || !Number.isInteger(params.r) || params.r < 1 || params.r > MAX_R || !Number.isInteger(params.p) || params.p < 1 || params.p > MAX_P) {
    return null;
  }
  return { ...params, salt: Buffer.from(salt, "base64"), hash: Buffer.from(hash, "base64") };
}

async function verifyScrypt(plain: string, stored: string): Promise<boolean> {
  const parsed = parseScrypt(stored);
  if (!parsed) return false;
  const options: ScryptOptions = { N: parsed.N, r: parsed.r, p: parsed.p, maxmem: scryptMaxmem(parsed) };
  const key = await withSlot(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scrypt(plain.normalize("NFKC"), parsed.salt, parsed.hash.length || 64, options, (error, derived) => (error ? reject(error) : resolve(derived))),
      ),
  );
  return key.length === parsed.hash.length && timingSafeEqual(key, parsed.hash);
}
