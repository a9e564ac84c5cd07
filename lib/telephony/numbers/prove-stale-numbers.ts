// The sweeper's daily re-check: a few numbers at a time whose proof is a day old (or missing), so a
// number that left its provider's account is found even when nobody calls it.
import { listStaleNumbers } from "@/db/queries/number-proofs";
import { logError } from "@/lib/log";
import { PROOF_MAX_AGE_MS, proveNumber, recentlyFailedIds } from "./prove-number";

/** Few at a time, one after another: Aircall allows 60 requests a minute per company, and a proof can take several. */
export const PROOF_BATCH = 5;

/** Proves up to `limit` stale numbers; returns how many it asked about. */
export async function proveStaleNumbers(limit = PROOF_BATCH, now = new Date()): Promise<number> {
  const stale = await listStaleNumbers({ checkedBefore: new Date(now.getTime() - PROOF_MAX_AGE_MS), limit, skip: recentlyFailedIds(now) });
  for (const number of stale) {
    try {
      await proveNumber(number, now);
    } catch (error) {
      logError("number proof", error, `daily re-check of ${number.id} failed`);
    }
  }
  return stale.length;
}
