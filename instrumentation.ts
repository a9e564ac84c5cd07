// Runs once when a server process starts (../shared/DESIGN.md: `npm start` alone is the whole system).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("./lib/server/start");
    await startServer();
  }
}
