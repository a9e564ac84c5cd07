// Runs once when a server process starts (docs/architecture.md#the-loop: `npm start` alone is the whole system).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("./lib/server/start");
    await startServer();
    // Before the first request: with no trusted proxy, X-Forwarded-For becomes the socket's address.
    const [{ installClientAddressHook }, { env }] = await Promise.all([import("./lib/http/client-address"), import("./lib/env")]);
    await installClientAddressHook(env().trustProxyHops);
  }
}
