// Checking an email and password, behind the sign-in rate limit: 10 failures for one email from one
// address, or 30 from one address whatever the emails, within 15 minutes, and further attempts from
// there are refused (before any password is checked) until the oldest of those failures is 15
// minutes old. Never per email alone: strangers guessing an owner's password from elsewhere must
// not lock the owner out at the front desk. The ledger is in Postgres, so the limit holds across
// every app server. Each attempt is written first and counted with the others (an unchecked attempt
// counts as a failure), so a burst of parallel guesses cannot slip past it. A success starts its own
// (email, address) count over; it resets no other count.
import { getDb, type Db } from "@/db/client";
import type { Member } from "@/db/schema";
import { findMemberByEmail, replacePasswordHash } from "@/db/queries/members";
import { finishSignInAttempt, listAddressAttempts, listEmailAddressFailures, type Failure } from "@/db/queries/sign-in-attempts";
import { logError } from "@/lib/log";
import { lockedUntil, minutesUntil, reserveAttempt } from "./attempt-limit";
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from "./password";

export { tooManyAttemptsMessage } from "./attempt-limit";

export const SIGN_IN_WINDOW_MINUTES = 15;
/** Failures for one email from one address. */
export const MAX_FAILURES_PER_EMAIL_AND_ADDRESS = 10;
/** Higher than per email: a spa's front desk signs in from one office address. */
export const MAX_FAILURES_PER_ADDRESS = 30;

const WINDOW_MS = SIGN_IN_WINDOW_MINUTES * 60_000;

export type SignInCheck = { ok: true; member: Member } | { ok: false; reason: "mismatch" } | { ok: false; reason: "rate_limited"; retryAfterMinutes: number };

/** Whether one more attempt for this email from this address is refused, and until when. */
async function lock(db: Db, input: { email: string; ip: string | null; now: Date; ignore?: number }): Promise<number | null> {
  const since = new Date(input.now.getTime() - WINDOW_MS);
  const others = (failures: Failure[]) => failures.filter((f) => f.id !== input.ignore);
  const [byPair, byAddress] = await Promise.all([
    listEmailAddressFailures({ email: input.email, ip: input.ip, since }, db),
    listAddressAttempts({ action: "sign_in", ip: input.ip, since, failuresOnly: true }, db),
  ]);
  const until = [lockedUntil(others(byPair), MAX_FAILURES_PER_EMAIL_AND_ADDRESS, WINDOW_MS), lockedUntil(others(byAddress), MAX_FAILURES_PER_ADDRESS, WINDOW_MS)].filter(
    (t): t is number => t !== null,
  );
  return until.length ? Math.max(...until) : null;
}

export async function checkCredentials(input: { email: string; password: string; ip: string | null; now?: Date }): Promise<SignInCheck> {
  const db = await getDb();
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  const reserved = await reserveAttempt(db, { action: "sign_in", email, ip: input.ip, now }, (attemptId) => lock(db, { email, ip: input.ip, now, ignore: attemptId }));
  if (!reserved.ok) return { ok: false, reason: "rate_limited", retryAfterMinutes: reserved.retryAfterMinutes };
  const { attemptId } = reserved;

  const member = await findMemberByEmail({ email });
  const matches = await verifyPassword(input.password, member?.passwordHash ?? DUMMY_HASH);
  await finishSignInAttempt({ id: attemptId, succeeded: Boolean(member && matches) });
  if (member && matches) {
    await upgradeHash(db, member, input.password);
    return { ok: true, member };
  }

  // The failure that reaches the limit already says so, rather than letting the next try find out.
  const lockedFrom = await lock(db, { email, ip: input.ip, now });
  return lockedFrom !== null ? { ok: false, reason: "rate_limited", retryAfterMinutes: minutesUntil(lockedFrom, now) } : { ok: false, reason: "mismatch" };
}

/** A hash made with weaker parameters is replaced while the password is at hand; a failure here never blocks the sign-in. */
async function upgradeHash(db: Db, member: Member, password: string): Promise<void> {
  if (!needsRehash(member.passwordHash)) return;
  try {
    const stronger = await hashPassword(password);
    await replacePasswordHash({ memberId: member.id, from: member.passwordHash, to: stronger }, db);
  } catch (error) {
    logError("auth", error, "could not upgrade a password hash (the sign-in went ahead)");
  }
}
