// The sweeper inside every server process: sends due and retried texts, and delivers CRM webhooks.
// Claims use SKIP LOCKED, so running it on N servers never sends anything twice.
import { sweepCrmDeliveries } from "@/lib/crm/deliver";
import { sweepOutbox } from "./outbox";
import { logError } from "@/lib/log";

export type Sweeper = { stop: () => Promise<void> };

const BATCH = 25;

export function startSweeper({ intervalMs = 1000 }: { intervalMs?: number } = {}): Sweeper {
  let stopped = false;
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

  const tick = () => {
    running = Promise.all([drain("text", () => sweepOutbox(BATCH)), drain("CRM", () => sweepCrmDeliveries(BATCH))])
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
