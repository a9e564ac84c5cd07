// Server start-up (Node.js runtime only): refuse to start with a broken environment, open the
// database (a new embedded one gets the demo spa outside production), and run the background loops
// (texts, CRM deliveries, ROI rollup) inside the process.
import { getDbHandle } from "@/db/client";
import { env, EnvError } from "@/lib/env";
import { redactSecrets } from "@/lib/log";
import { ALLOW_PRIVATE_ENV } from "@/lib/crm/url-policy";
import { startSweeper } from "@/lib/messaging/sweeper";
import { seedNewEmbeddedDatabase } from "./demo-seed";
import { startMemoryLog } from "./memory-log";

const STARTED = Symbol.for("rebound.serverStarted");

/**
 * Once per process. Next calls instrumentation's register() once per server, but in development a
 * change to it or to anything it imports evaluates this module again: without the guard every such
 * reload started another three sweeper loops (each polling the database every second, for good)
 * and added another pair of signal listeners.
 */
export function startServer(): Promise<void> {
  const scope = globalThis as { [STARTED]?: Promise<void> };
  scope[STARTED] ??= start();
  return scope[STARTED];
}

async function start(): Promise<void> {
  try {
    env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`\nRebound cannot start: ${redactSecrets(error.message)}\n`);
      process.exit(1);
    }
    throw error;
  }
  seedNewEmbeddedDatabase(env().nodeEnv);
  try {
    await getDbHandle();
  } catch (error) {
    console.error(`\nRebound cannot open its database: ${redactSecrets(error instanceof Error ? error.message : String(error))}\n`);
    process.exit(1);
  }
  if (env().nodeEnv === "production" && process.env[ALLOW_PRIVATE_ENV]) {
    console.warn(`${ALLOW_PRIVATE_ENV} is set: CRM webhooks may reach these private addresses. It is meant for tests; unset it in a real deployment.`);
  }
  startMemoryLog();
  const sweeper = startSweeper();
  // Next closes the HTTP server and exits on SIGTERM / SIGINT; stop claiming new work first (each
  // loop finishes the run in progress: at most one CRM request timeout, 5 s).
  const stop = () => void sweeper.stop();
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
