// The background work inside every server process, as three independent loops, each on its own
// timer and none awaiting another: due and retried texts, CRM webhook deliveries, and the ROI
// rollup. A tenant's CRM endpoint that hangs until its timeout therefore delays only that tenant's
// CRM events, never anyone's text-back. Claims use SKIP LOCKED, so N servers never send twice.
import { getDb } from "@/db/client";
import { refreshRollups } from "@/db/queries/roi";
import { sweepCrmDeliveries } from "@/lib/crm/deliver";
import { logError } from "@/lib/log";
import { sweepOutbox } from "./outbox";

export type Sweeper = { stop: () => Promise<void> };

const TEXT_BATCH = 25;

/**
 * Runs `work` every `intervalMs`, or again at once when it says more is waiting. A failure is
 * logged and the loop carries on; `stop` waits for the run in progress, then nothing starts.
 */
export function startLoop(name: string, intervalMs: number, work: () => Promise<boolean>): Sweeper {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = work()
      .catch((error: unknown) => {
        logError("sweeper", error, `${name} loop failed; will retry`);
        return false;
      })
      .then((more) => {
        if (!stopped) timer = setTimeout(tick, more ? 0 : intervalMs);
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

export function startSweeper({
  intervalMs = 1000,
  rollupEveryMs = 30_000,
}: { intervalMs?: number; rollupEveryMs?: number } = {}): Sweeper {
  const loops = [
    startLoop("text", intervalMs, async () => (await sweepOutbox(TEXT_BATCH)) >= TEXT_BATCH),
    // Bounded per sweep and per organization (CRM_SWEEP); each request times out after 5 s. It
    // always waits its interval, so a queue of failing deliveries cannot spin.
    startLoop("CRM", intervalMs, async () => {
      await sweepCrmDeliveries();
      return false;
    }),
    startLoop("ROI rollup", rollupEveryMs, async () => {
      await refreshRollups(await getDb());
      return false;
    }),
  ];
  return {
    stop: async () => {
      await Promise.all(loops.map((loop) => loop.stop()));
    },
  };
}
