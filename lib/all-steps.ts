// Statements issued together on one transaction: postgres.js pipelines them (one round trip for the
// lot) and Postgres runs them in the order they were issued.

/**
 * Waits for every step, then throws the first failure: the transaction rolls back only once
 * nothing of it is still in flight (after a failure the others fail fast, the transaction being
 * aborted).
 */
export async function allSteps(steps: Promise<unknown>[]): Promise<void> {
  const settled = await Promise.allSettled(steps);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) throw failed.reason;
}
