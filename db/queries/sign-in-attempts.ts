// The attempts ledger behind the rate limits on sign-in, signup and invitation acceptance
// (lib/auth/sign-in.ts, lib/auth/attempt-limit.ts). A sign-in failure is any attempt not marked
// succeeded, so an attempt whose password is still being checked counts too. An unknown address
// (null) is a bucket of its own, never a way around the limit.
import { and, asc, eq, gt, gte, isNull, lt, max, or, type SQL } from "drizzle-orm";
import { resolveDb, type Executor } from "../client";
import { signInAttempts } from "../schema";

/** What an attempt was: each action is limited on its own. */
export type AttemptAction = "sign_in" | "signup" | "accept_invite";

const notSucceeded = or(isNull(signInAttempts.succeeded), eq(signInAttempts.succeeded, false));
const fromAddress = (ip: string | null): SQL => (ip === null ? isNull(signInAttempts.ip) : eq(signInAttempts.ip, ip));

export async function insertSignInAttempt({ action, email, ip, at }: { action: AttemptAction; email: string; ip: string | null; at: Date }, ex?: Executor): Promise<number> {
  const db = await resolveDb(ex);
  const [row] = await db.insert(signInAttempts).values({ action, email, ip, attemptedAt: at }).returning({ id: signInAttempts.id });
  if (!row) throw new Error("sign-in attempt insert returned nothing");
  return row.id;
}

export async function finishSignInAttempt({ id, succeeded }: { id: number; succeeded: boolean }, ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  await db.update(signInAttempts).set({ succeeded }).where(eq(signInAttempts.id, id));
}

/** A refused attempt is not kept: it checked nothing, and counting it would extend the lock forever. */
export async function deleteSignInAttempt({ id }: { id: number }, ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  await db.delete(signInAttempts).where(eq(signInAttempts.id, id));
}

export async function pruneSignInAttempts({ before }: { before: Date }, ex?: Executor): Promise<void> {
  const db = await resolveDb(ex);
  await db.delete(signInAttempts).where(lt(signInAttempts.attemptedAt, before));
}

/** A failed (or still unchecked) attempt: its id and time. */
export type Failure = { id: number; at: Date };

/**
 * Sign-in failures for one email from one address after `since`, oldest first, counted from the
 * last success of that email from that address (a success starts this count over).
 */
export async function listEmailAddressFailures({ email, ip, since }: { email: string; ip: string | null; since: Date }, ex?: Executor): Promise<Failure[]> {
  const db = await resolveDb(ex);
  const pair = and(eq(signInAttempts.action, "sign_in"), eq(signInAttempts.email, email), fromAddress(ip));
  const [last] = await db
    .select({ id: max(signInAttempts.id) })
    .from(signInAttempts)
    .where(and(pair, eq(signInAttempts.succeeded, true), gte(signInAttempts.attemptedAt, since)));
  return db
    .select({ id: signInAttempts.id, at: signInAttempts.attemptedAt })
    .from(signInAttempts)
    .where(and(pair, gt(signInAttempts.attemptedAt, since), gt(signInAttempts.id, last?.id ?? 0), notSucceeded))
    .orderBy(asc(signInAttempts.attemptedAt), asc(signInAttempts.id));
}

/**
 * Attempts of an action from one address after `since`, oldest first, whichever emails they tried:
 * every one (signup, invitations), or only the failures (sign-in; a success resets nothing here).
 */
export async function listAddressAttempts(
  { action, ip, since, failuresOnly = false }: { action: AttemptAction; ip: string | null; since: Date; failuresOnly?: boolean },
  ex?: Executor,
): Promise<Failure[]> {
  const db = await resolveDb(ex);
  return db
    .select({ id: signInAttempts.id, at: signInAttempts.attemptedAt })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.action, action), fromAddress(ip), gt(signInAttempts.attemptedAt, since), failuresOnly ? notSucceeded : undefined))
    .orderBy(asc(signInAttempts.attemptedAt), asc(signInAttempts.id));
}
