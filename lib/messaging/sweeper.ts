// The background work inside every server process, as seven independent loops, each on its own
// timer and none awaiting another: stored webhooks nobody processed yet (the intake's backstop),
// due and retried texts, CRM webhook deliveries, the ROI rollup, re-proving numbers on their
// providers' accounts, checking their A2P registration, and pruning the intake's ledger. A tenant's
// CRM endpoint that hangs until its timeout therefore delays only that tenant's CRM events, never
// anyone's text-back. Claims use SKIP LOCKED, so N servers never send twice.
import { pruneInboundEvents } from "@/db/queries/inbound-events";
import { refreshRollups } from "@/db/queries/roi";
import { A2P_CHECK_BATCH, checkDueNumbers } from "@/lib/telephony/a2p/check-due";
import { sweepCrmDeliveries } from "@/lib/crm/deliver";
import { processInbound } from "@/lib/intake/process-batch";
import { logError } from "@/lib/log";
import { proveStaleNumbers } from "@/lib/telephony/numbers/prove-stale-numbers";
import { sweepOutbox } from "./outbox";

export type Sweeper = { stop: () => Promise<void> };

const TEXT_BATCH = 25;
/** Processed webhooks are kept 30 days, then deleted, 5,000 at a time. */
export const INBOUND_RETENTION_MS = 30 * 24 * 3600 * 1000;
const PRUNE_BATCH = 5_000;

/**
 * Runs `work` every `intervalMs`, and again at once while it says more is waiting. A failure is
 * logged and the loop carries on; `stop` waits for the run in progress, then nothing starts.
 *
 * One interval timer for the life of the loop, never a new timeout set at the end of each run:
 * in development React's server renderer (loaded by `next dev` into this process) follows every
 * async operation back to the one that started it and keeps that chain, with a stack trace per
 * link, while its last link lives. A timeout set by the previous run makes every run a link of one
 * endless chain: ~4 KB a run held for good, and with the database queries of the three loops the
 * dev server's heap grew by hundreds of MB an hour (docs/benchmarks.md, "Development server
 * memory"). Runs started by the same interval are not linked to each other.
 */
export function startLoop(name: string, intervalMs: number, work: () => Promise<boolean>): Sweeper {
  let stopped = false;
  let running: Promise<void> | null = null;
  const run = async () => {
    try {
      while ((await work()) && !stopped);
    } catch (error: unknown) {
      logError("sweeper", error, `${name} loop failed; will retry`);
    }
  };
  const timer = setInterval(() => {
    if (running || stopped) return; // the run before is still going: this tick is skipped
    running = run().finally(() => {
      running = null;
    });
  }, intervalMs);
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

export function startSweeper({
  intervalMs = 1000,
  rollupEveryMs = 30_000,
  proofEveryMs = 60_000,
}: { intervalMs?: number; rollupEveryMs?: number; proofEveryMs?: number } = {}): Sweeper {
  const loops = [
    // Events a crash, a lost connection or a busy server left behind, and voicemails waiting for their call.
    startLoop("intake", intervalMs, async () => {
      await processInbound();
      return false;
    }),
    startLoop("text", intervalMs, async () => (await sweepOutbox(TEXT_BATCH)) >= TEXT_BATCH),
    // A2P 10DLC readiness: daily per number, hourly while paused, and soon after a send was blocked.
    startLoop("A2P check", rollupEveryMs, async () => (await checkDueNumbers()) >= A2P_CHECK_BATCH),
    // Bounded per sweep and per organization (CRM_SWEEP); each request times out after 5 s. It
    // always waits its interval, so a queue of failing deliveries cannot spin.
    startLoop("CRM", intervalMs, async () => {
      await sweepCrmDeliveries();
      return false;
    }),
    startLoop("ROI rollup", rollupEveryMs, async () => {
      await refreshRollups();
      return false;
    }),
    // Numbers proven a day ago (or never) are asked about again, a few a minute (lib/telephony/numbers/).
    startLoop("number proofs", proofEveryMs, async () => {
      await proveStaleNumbers();
      return false;
    }),
    // The intake's ledger keeps processed webhooks for a while (support, audits), not for ever.
    startLoop("intake pruning", rollupEveryMs, async () => (await pruneInboundEvents({ before: new Date(Date.now() - INBOUND_RETENTION_MS), limit: PRUNE_BATCH })) >= PRUNE_BATCH),
  ];
  return {
    stop: async () => {
      await Promise.all(loops.map((loop) => loop.stop()));
    },
  };
}
