// The attempts ledger's one mechanism, behind every rate limit on accounts (sign_in_attempts, by
// action): an attempt is written first and then counted with the others, so parallel requests cannot
// slip past; a refused attempt is deleted (it checked nothing, and waiting out the window always
// works). Sign-in (./sign-in.ts) counts failures per (email, address) and per address; signup and
// invitation acceptance count every attempt per address: a signup creates an organization and
// answers whether an email is free, and each hashes a password.
import { getDb, type Db } from "@/db/client";
import { deleteSignInAttempt, insertSignInAttempt, listAddressAttempts, pruneSignInAttempts, type AttemptAction, type Failure } from "@/db/queries/sign-in-attempts";
import { recordRefusal } from "@/lib/security/refusal";

export const ATTEMPT_LIMITS = {
  /** A spa signs up once; an office signing up many spas in an hour is a script. */
  signup: { max: 20, windowMinutes: 60 },
  /** A new team joining from one office, with some retyped passwords. */
  accept_invite: { max: 20, windowMinutes: 15 },
} as const;
export type LimitedAction = keyof typeof ATTEMPT_LIMITS;

const KEEP_MS = 24 * 3600_000;

export function tooManyAttemptsMessage(minutes: number): string {
  return `Too many attempts, try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** When `failures` (oldest first) stop refusing the next attempt, or null if they do not refuse it. */
export function lockedUntil(failures: readonly Failure[], limit: number, windowMs: number): number | null {
  const oldestThatCounts = failures[failures.length - limit];
  return oldestThatCounts ? oldestThatCounts.at.getTime() + windowMs : null;
}

export const minutesUntil = (until: number, now: Date) => Math.max(1, Math.ceil((until - now.getTime()) / 60_000));

export type Reservation = { ok: true; attemptId: number } | { ok: false; retryAfterMinutes: number };

/**
 * Writes an attempt, then asks `refusedUntil` (given the new attempt's id, to leave it out of the
 * count) whether the ones before it refuse it, and until when; a refused attempt is deleted.
 */
export async function reserveAttempt(
  db: Db,
  { action, email, ip, now }: { action: AttemptAction; email: string; ip: string | null; now: Date },
  refusedUntil: (attemptId: number) => Promise<number | null>,
): Promise<Reservation> {
  await pruneSignInAttempts({ before: new Date(now.getTime() - KEEP_MS) }, db);
  const attemptId = await insertSignInAttempt({ action, email, ip, at: now }, db);
  const until = await refusedUntil(attemptId);
  if (until === null) return { ok: true, attemptId };
  await deleteSignInAttempt({ id: attemptId }, db);
  return { ok: false, retryAfterMinutes: minutesUntil(until, now) };
}

export type AttemptVerdict = { ok: true } | { ok: false; message: string };

/** Signup or invitation acceptance from `ip`: may it go ahead? A refusal is logged (no organization is known yet). */
export async function takeAttempt(input: { action: LimitedAction; email: string; ip: string | null; now?: Date }): Promise<AttemptVerdict> {
  const db = await getDb();
  const now = input.now ?? new Date();
  const { max, windowMinutes } = ATTEMPT_LIMITS[input.action];
  const windowMs = windowMinutes * 60_000;
  const since = new Date(now.getTime() - windowMs);
  const email = input.email.trim().toLowerCase().slice(0, 320);
  const reserved = await reserveAttempt(db, { action: input.action, email, ip: input.ip, now }, async (attemptId) => {
    const earlier = (await listAddressAttempts({ action: input.action, ip: input.ip, since })).filter((a) => a.id !== attemptId);
    return lockedUntil(earlier, max, windowMs);
  });
  if (reserved.ok) return { ok: true };
  await recordRefusal({ orgId: null, reason: "rate_limited", detail: { action: input.action } });
  return { ok: false, message: tooManyAttemptsMessage(reserved.retryAfterMinutes) };
}
