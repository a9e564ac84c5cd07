// The sweeper inside every server process: sends due and retried texts, delivers CRM webhooks, and
// every half minute folds new activity into the ROI rollup (so the dashboard rarely has to).
// Claims use SKIP LOCKED, so running it on N servers never sends anything twice.
import { getDb } from "@/db/client";
import { refreshRollups } from "@/db/queries/roi";
import { sweepCrmDeliveries } from "@/lib/crm/deliver";
import { sweepOutbox } from "./outbox";
import { logError } from "@/lib/log";

export type Sweeper = { stop: () => Promise<void> };

const BATCH = 25;

export function startSweeper({ intervalMs = 1000, rollupEveryMs = 30_000 }: { intervalMs?: number; rollupEveryMs?: number } = {}): Sweeper {
  let stopped = false;
  let rolledUpAt = Date.now();
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  // Each queue drains on its own: a CRM endpoint hanging for its timeout never holds up a text-back.
  const drain = async (name: string, sweep: () => Promise<number>) => {
    try {
      while (!stopped && (await sweep()) >= BATCH) {}
    } catch (error) {
      logError("sweeper", error, `${name} sweep failed; will retry`);
    }
  };

  const rollup = async () => {
    if (Date.now() - rolledUpAt < rollupEveryMs) return;
    rolledUpAt = Date.now();
    try {
      await refreshRollups(await getDb());
    } catch (error) {
      logError("sweeper", error, "ROI rollup refresh failed; will retry");
    }
  };

  const tick = () => {
    running = Promise.all([drain("text", () => sweepOutbox(BATCH)), drain("CRM", () => sweepCrmDeliveries(BATCH)), rollup()])
      .then(() => undefined)
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  timer = setTimeout(tick, intervalMs);

  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
