// Password hashing with scrypt (memory-hard, in node:crypto) at OWASP's minimum: N=2^17, r=8, p=1.
// Stored as scrypt$N$r$p$<salt b64>$<hash b64>, so a hash made with older parameters still checks
// out and is replaced on the member's next successful sign-in (needsRehash).
//
// One hash needs 128·N·r = 128 MiB of memory for ~0.4 s. At most MAX_CONCURRENT run at once per
// process: that bounds the memory a burst of sign-ins can take (256 MiB), and leaves libuv's
// threadpool (4 threads, shared with DNS look-ups and file reads) threads for everything else.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;
const MAX_CONCURRENT = 2;
/** Stored parameters beyond these are not ours: refused rather than computed (a memory bomb). */
const MAX_N = 2 ** 20;
const MAX_R = 16;
const MAX_P = 4;

type Params = { N: number; r: number; p: number };

/** Node refuses scrypt above `maxmem` (32 MiB by default); 128·N·r is what it needs, doubled for headroom. */
export function scryptMaxmem({ N, r }: Params): number {
  return 128 * N * r * 2;
}

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

function derive(plain: string, salt: Buffer, params: Params): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: scryptMaxmem(params) };
  return withSlot(
    () => new Promise((resolve, reject) => scrypt(plain.normalize("NFKC"), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)))),
  );
}

export async function hashPassword(plain: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(plain, salt, SCRYPT_PARAMS);
  return ["scrypt", SCRYPT_PARAMS.N, SCRYPT_PARAMS.r, SCRYPT_PARAMS.p, salt.toString("base64"), key.toString("base64")].join("$");
}

type Parsed = Params & { salt: Buffer; hash: Buffer };

function parseHash(stored: string): Parsed | null {
  const [scheme, n, r, p, salt, hash, ...rest] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !hash || rest.length) return null;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const powerOfTwo = Number.isInteger(params.N) && params.N > 1 && (params.N & (params.N - 1)) === 0;
  if (!powerOfTwo || params.N > MAX_N || !Number.isInteger(params.r) || params.r < 1 || params.r > MAX_R || !Number.isInteger(params.p) || params.p < 1 || params.p > MAX_P) {
    return null;
  }
  return { ...params, salt: Buffer.from(salt, "base64"), hash: Buffer.from(hash, "base64") };
}

export async function verifyPassword(plain: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await derive(plain, parsed.salt, parsed);
  return key.length === parsed.hash.length && timingSafeEqual(key, parsed.hash);
}

/** Whether a stored hash was made with other parameters than today's (checked after a successful sign-in). */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  return !parsed || parsed.N !== SCRYPT_PARAMS.N || parsed.r !== SCRYPT_PARAMS.r || parsed.p !== SCRYPT_PARAMS.p || parsed.hash.length !== KEY_LENGTH;
}

/**
 * Checked against when the email is unknown, with today's parameters, so an unknown email takes as
 * long as a known one. No password matches it (its key is all zeros).
 */
export const DUMMY_HASH = ["scrypt", SCRYPT_PARAMS.N, SCRYPT_PARAMS.r, SCRYPT_PARAMS.p, Buffer.alloc(16).toString("base64"), Buffer.alloc(KEY_LENGTH).toString("base64")].join("$");
