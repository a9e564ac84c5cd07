// The sign-in attempts ledger behind the sign-in rate limit (lib/auth/sign-in.ts). A failure is any
// attempt not marked succeeded, so an attempt whose password is still being checked counts too.
import { and, asc, eq, gt, gte, isNull, lt, max, or } from "drizzle-orm";
import type { Executor } from "../client";
import { signInAttempts } from "../schema";

const notSucceeded = or(isNull(signInAttempts.succeeded), eq(signInAttempts.succeeded, false));

export async function insertSignInAttempt(db: Executor, { email, ip, at }: { email: string; ip: string | null; at: Date }): Promise<number> {
  const [row] = await db.insert(signInAttempts).values({ email, ip, attemptedAt: at }).returning({ id: signInAttempts.id });
  if (!row) throw new Error("sign-in attempt insert returned nothing");
  return row.id;
}

export async function finishSignInAttempt(db: Executor, { id, succeeded }: { id: number; succeeded: boolean }): Promise<void> {
  await db.update(signInAttempts).set({ succeeded }).where(eq(signInAttempts.id, id));
}

/** A refused attempt is not kept: it checked no password, and counting it would extend the lock forever. */
export async function deleteSignInAttempt(db: Executor, { id }: { id: number }): Promise<void> {
  await db.delete(signInAttempts).where(eq(signInAttempts.id, id));
}

export async function pruneSignInAttempts(db: Executor, { before }: { before: Date }): Promise<void> {
  await db.delete(signInAttempts).where(lt(signInAttempts.attemptedAt, before));
}

/** A failed (or still unchecked) attempt: its id and time. */
export type Failure = { id: number; at: Date };

/** Failures for an email after `since`, oldest first, counted from its last success (a success starts the count over). */
export async function listEmailFailures(db: Executor, { email, since }: { email: string; since: Date }): Promise<Failure[]> {
  const [last] = await db
    .select({ id: max(signInAttempts.id) })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, email), eq(signInAttempts.succeeded, true), gte(signInAttempts.attemptedAt, since)));
  return db
    .select({ id: signInAttempts.id, at: signInAttempts.attemptedAt })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, email), gt(signInAttempts.attemptedAt, since), gt(signInAttempts.id, last?.id ?? 0), notSucceeded))
    .orderBy(asc(signInAttempts.attemptedAt), asc(signInAttempts.id));
}

/** Failures from one address after `since`, oldest first, whichever emails they tried; a success resets nothing here. */
export async function listIpFailures(db: Executor, { ip, since }: { ip: string; since: Date }): Promise<Failure[]> {
  return db
    .select({ id: signInAttempts.id, at: signInAttempts.attemptedAt })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.ip, ip), gt(signInAttempts.attemptedAt, since), notSucceeded))
    .orderBy(asc(signInAttempts.attemptedAt), asc(signInAttempts.id));
}
