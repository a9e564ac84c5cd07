// Per-address limits on signup and invitation acceptance, on the same ledger as sign-in
// (sign_in_attempts, by action). Every attempt counts, successful or not: a signup creates an
// organization and answers whether an email is free, and each hashes a password (~0.4 s, 128 MiB).
// The attempt is written first and then counted, so parallel requests cannot slip past; a refused
// attempt is deleted (waiting out the window always works).
import { getDb } from "@/db/client";
import { deleteSignInAttempt, insertSignInAttempt, listAddressAttempts, pruneSignInAttempts } from "@/db/queries/sign-in-attempts";
import { lockedUntil, minutesUntil } from "./sign-in";

export const ATTEMPT_LIMITS = {
  /** A spa signs up once; an office signing up many spas in an hour is a script. */
  signup: { max: 20, windowMinutes: 60 },
  /** A new team joining from one office, with some retyped passwords. */
  accept_invite: { max: 20, windowMinutes: 15 },
} as const;
export type LimitedAction = keyof typeof ATTEMPT_LIMITS;

const KEEP_MS = 24 * 3600_000;

export type AttemptVerdict = { ok: true; attemptId: number } | { ok: false; retryAfterMinutes: number };

/** Records an attempt of `action` from `ip` and says whether it may go ahead. */
export async function takeAttempt(input: { action: LimitedAction; email: string; ip: string | null; now?: Date }): Promise<AttemptVerdict> {
  const db = await getDb();
  const now = input.now ?? new Date();
  const { max, windowMinutes } = ATTEMPT_LIMITS[input.action];
  const windowMs = windowMinutes * 60_000;
  await pruneSignInAttempts(db, { before: new Date(now.getTime() - KEEP_MS) });
  const attemptId = await insertSignInAttempt(db, { action: input.action, email: input.email.trim().toLowerCase().slice(0, 320), ip: input.ip, at: now });
  const earlier = (await listAddressAttempts(db, { action: input.action, ip: input.ip, since: new Date(now.getTime() - windowMs) })).filter((a) => a.id !== attemptId);
  const until = lockedUntil(earlier, max, windowMs);
  if (until === null) return { ok: true, attemptId };
  await deleteSignInAttempt(db, { id: attemptId });
  return { ok: false, retryAfterMinutes: minutesUntil(until, now) };
}
