// Work that runs after the response: next/server `after` inside a request. Outside one (integration
// tests calling a route module, scripts) `after` throws, and the task starts at once instead; it is
// tracked so the caller can wait for it (`settleDeferred`).
import { after } from "next/server";
import { logError } from "@/lib/log";

export type Defer = (task: () => Promise<void>) => void;

const started = new Set<Promise<void>>();

export const deferAfterResponse: Defer = (task) => {
  try {
    after(task);
  } catch {
    const run: Promise<void> = task()
      .catch((error: unknown) => logError("defer", error, "deferred task failed"))
      .finally(() => started.delete(run));
    started.add(run);
  }
};

/** Resolves when every task started outside a request has finished (tests). */
export async function settleDeferred(): Promise<void> {
  while (started.size > 0) await Promise.all([...started]);
}
