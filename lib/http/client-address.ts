// The client's address, for the per-address rate limits (sign-in, signup, invitation acceptance).
//
// X-Forwarded-For is written by whoever sent the request, so it is trusted only as far as the
// operator says proxies sit in front (TRUST_PROXY_HOPS):
// - 0 (the default): the header is ignored and the TCP peer's address is used. Route handlers and
//   server actions cannot see the socket, and Next.js copies it into X-Forwarded-For only when the
//   request has no such header (`req.headers['x-forwarded-for'] ??= socket.remoteAddress` in
//   next/dist/server/base-server.js): a client-sent header would survive untouched. So
//   `installClientAddressHook` (called from instrumentation.ts, before the first request) replaces
//   the header with the socket's address on every request the HTTP server receives.
// - N: each trusted proxy appends the address it received the request from, so the Nth entry from
//   the right is the one the outermost trusted proxy saw: the client. Entries further left were
//   written by the client and are ignored. With fewer than N entries the leftmost is used. The app
//   servers must then be reachable only through those proxies.
import { isIP } from "node:net";
import type { IncomingMessage } from "node:http";

const MAX_LENGTH = 64;

/** "::ffff:192.0.2.1" → "192.0.2.1"; anything that is not an address is kept (cut short) so it still has a bucket. */
export function normaliseAddress(raw: string): string {
  const trimmed = raw.trim().replace(/^\[(.*)\]$/, "$1");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed)?.[1];
  const address = mapped ?? trimmed;
  return (isIP(address) ? address.toLowerCase() : address).slice(0, MAX_LENGTH);
}

/** The client's address from the request headers, given how many proxies are trusted; null when unknown. */
export function clientAddress(headers: Headers, trustProxyHops: number): string | null {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  if (!entries.length) return null;
  // Hops 0: the hook wrote the socket's address as the only entry (the last one, if it did not run).
  const picked = trustProxyHops === 0 ? entries.at(-1) : (entries.at(-trustProxyHops) ?? entries[0]);
  return picked ? normaliseAddress(picked) : null;
}

const INSTALLED = Symbol.for("rebound.clientAddressHook");

/**
 * With no trusted proxy, makes X-Forwarded-For the TCP peer's address on every request any HTTP
 * server in this process receives (the client's own header is dropped). Patches
 * `Server.prototype.emit` because `next start` creates its server before instrumentation runs.
 */
export async function installClientAddressHook(trustProxyHops: number): Promise<void> {
  if (trustProxyHops !== 0) return;
  const scope = globalThis as { [INSTALLED]?: boolean };
  if (scope[INSTALLED]) return;
  scope[INSTALLED] = true;
  const http = await import("node:http");
  const emit = http.Server.prototype.emit as (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
  http.Server.prototype.emit = function patchedEmit(this: unknown, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const request = args[0] as IncomingMessage;
      const peer = request.socket?.remoteAddress;
      if (peer) request.headers["x-forwarded-for"] = peer;
      else delete request.headers["x-forwarded-for"];
    }
    return emit.call(this, event, ...args);
  } as typeof http.Server.prototype.emit;
}
