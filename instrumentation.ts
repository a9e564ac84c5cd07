// Runs once when a server process starts: refuse to start with a broken environment, open the
// database, and run the outbox sweeper inside the server (no second process to forget).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env, EnvError } = await import("./lib/env");
  try {
    env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`\nRebound cannot start: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const { getDbHandle } = await import("./db/client");
  try {
    await getDbHandle();
  } catch (error) {
    console.error(`\nRebound cannot open its database: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const { startSweeper } = await import("./lib/messaging/sweeper");
  const sweeper = startSweeper();
  // Next closes the HTTP server and exits on SIGTERM / SIGINT; stop claiming new work first.
  const stop = () => void sweeper.stop();
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
