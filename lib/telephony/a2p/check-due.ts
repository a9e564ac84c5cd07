// The sweeper's readiness loop: every number is checked once a day, a paused one every hour, and a
// number paused since its last check (a send was just blocked) within the loop's next run.
import { claimNumbersDueA2pCheck } from "@/db/queries/a2p";
import { logError } from "@/lib/log";
import { checkNumberA2p, newCheckRound } from "./check-number";

export const A2P_CHECK_EVERY_MS = 24 * 3600 * 1000;
export const A2P_PAUSED_CHECK_EVERY_MS = 3600 * 1000;
export const A2P_CHECK_BATCH = 20;

/** Checks the numbers due; returns how many were claimed (a full batch: more may be waiting). */
export async function checkDueNumbers(now: Date = new Date()): Promise<number> {
  const due = await claimNumbersDueA2pCheck({ now, everyMs: A2P_CHECK_EVERY_MS, pausedEveryMs: A2P_PAUSED_CHECK_EVERY_MS, limit: A2P_CHECK_BATCH });
  const round = newCheckRound();
  for (const number of due) {
    try {
      await checkNumberA2p({ orgId: number.orgId, numberId: number.id, now, round });
    } catch (error: unknown) {
      // One number's failure (a database error) must not stop the others; it is retried on the next round.
      logError("a2p", error, "readiness check failed");
    }
  }
  return due.length;
}
