// Checking an email and password, behind the sign-in rate limit: 10 failures for one email, or 30
// from one address, within 15 minutes and further attempts are refused (before any password is
// checked) until the oldest of those failures is 15 minutes old. The ledger is in Postgres, so the
// limit holds across every app server. Each attempt is written first and counted with the others
// (an unchecked attempt counts as a failure), so a burst of parallel guesses cannot slip past it.
// A success starts its own email's count over; it resets no other email's count, nor the address's.
import { getDb } from "@/db/client";
import type { Member } from "@/db/schema";
import { findMemberByEmail } from "@/db/queries/members";
import {
  deleteSignInAttempt,
  finishSignInAttempt,
  insertSignInAttempt,
  listEmailFailures,
  listIpFailures,
  pruneSignInAttempts,
  type Failure,
} from "@/db/queries/sign-in-attempts";
import { verifyPassword } from "./password";

export const SIGN_IN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_EMAIL = 10;
/** Higher than per email: a spa's front desk signs in from one office address. */
export const MAX_FAILURES_PER_IP = 30;

const WINDOW_MS = SIGN_IN_WINDOW_MINUTES * 60_000;
const KEEP_MS = 24 * 3600_000;
/** Hashed against when the email is unknown, so timing does not reveal which emails exist. */
const DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$" + "A".repeat(86) + "==";

export type SignInCheck =
  | { ok: true; member: Member }
  | { ok: false; reason: "mismatch" }
  | { ok: false; reason: "rate_limited"; retryAfterMinutes: number };

export function tooManyAttemptsMessage(minutes: number): string {
  return `Too many attempts, try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** When `failures` (oldest first) stop refusing the next attempt, or null if they do not refuse it. */
function lockedUntil(failures: Failure[], limit: number): number | null {
  const oldestThatCounts = failures[failures.length - limit];
  return oldestThatCounts ? oldestThatCounts.at.getTime() + WINDOW_MS : null;
}

/** Whether one more attempt for this email / from this address is refused, and until when. */
async function lock(input: { email: string; ip: string | null; now: Date; ignore?: number }): Promise<number | null> {
  const db = await getDb();
  const since = new Date(input.now.getTime() - WINDOW_MS);
  const others = (failures: Failure[]) => failures.filter((f) => f.id !== input.ignore);
  const [byEmail, byIp] = await Promise.all([
    listEmailFailures(db, { email: input.email, since }),
    input.ip ? listIpFailures(db, { ip: input.ip, since }) : Promise.resolve([]),
  ]);
  const until = [lockedUntil(others(byEmail), MAX_FAILURES_PER_EMAIL), lockedUntil(others(byIp), MAX_FAILURES_PER_IP)].filter((t): t is number => t !== null);
  return until.length ? Math.max(...until) : null;
}

const minutesUntil = (until: number, now: Date) => Math.max(1, Math.ceil((until - now.getTime()) / 60_000));

export async function checkCredentials(input: { email: string; password: string; ip: string | null; now?: Date }): Promise<SignInCheck> {
  const db = await getDb();
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  await pruneSignInAttempts(db, { before: new Date(now.getTime() - KEEP_MS) });

  const attemptId = await insertSignInAttempt(db, { email, ip: input.ip, at: now });
  const refusedUntil = await lock({ email, ip: input.ip, now, ignore: attemptId });
  if (refusedUntil !== null) {
    await deleteSignInAttempt(db, { id: attemptId });
    return { ok: false, reason: "rate_limited", retryAfterMinutes: minutesUntil(refusedUntil, now) };
  }

  const member = await findMemberByEmail(db, { email });
  const matches = await verifyPassword(input.password, member?.passwordHash ?? DUMMY_HASH);
  await finishSignInAttempt(db, { id: attemptId, succeeded: Boolean(member && matches) });
  if (member && matches) return { ok: true, member };

  // The failure that reaches the limit already says so, rather than letting the next try find out.
  const lockedFrom = await lock({ email, ip: input.ip, now });
  return lockedFrom !== null ? { ok: false, reason: "rate_limited", retryAfterMinutes: minutesUntil(lockedFrom, now) } : { ok: false, reason: "mismatch" };
}

/** The client's address: the last X-Forwarded-For entry, the one the nearest proxy (or Next itself) wrote. */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",").map((part) => part.trim()).filter(Boolean);
  return forwarded?.at(-1)?.slice(0, 64) ?? headers.get("x-real-ip")?.trim().slice(0, 64) ?? null;
}
