// The sweeper inside every server process: retries pending texts and sends delayed ones. Claims
// use SKIP LOCKED, so running it on N servers never sends a text twice.
import { sweepOutbox } from "./outbox";

export type Sweeper = { stop: () => Promise<void> };

export function startSweeper({ intervalMs = 1000 }: { intervalMs?: number } = {}): Sweeper {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const tick = () => {
    running = (async () => {
      try {
        // Keep going while there is a full batch: a backlog drains without waiting for ticks.
        while (!stopped && (await sweepOutbox()) >= 25) {}
      } catch (error) {
        console.error("[sweeper] sweep failed; will retry", error);
      }
    })().finally(() => {
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
