// What the JSON REST stand-ins (tools/quo-stand-in.ts, tools/aircall-stand-in.ts) share: reading
// and writing JSON, the scripted fates tests hand them (an error, a hang, an accepted text whose
// answer never comes), a sliding-window request limiter, and starting / closing the server.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Json = Record<string, unknown>;

export const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * The next matching request's fate. An object answers with that HTTP status (the stand-in writes
 * its provider's error body; a 2xx status accepts as usual). "hang": never answered, nothing
 * accepted (until close()). "accept-and-hang": a send is accepted (it shows in `messages` and in
 * any list) but its answer never comes, as when the provider took the text and the connection died.
 * `delayMs` holds the answer back; `retryAfter` (seconds) adds a Retry-After header.
 */
export type ScriptedReply = { status: number; code?: string; message?: string; delayMs?: number; retryAfter?: number } | "hang" | "accept-and-hang";

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

/** The request's JSON body, or undefined when it is not JSON. */
export function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown);
      } catch {
        resolve(undefined);
      }
    });
    req.on("error", reject);
  });
}

/** At most `limit` requests per key in any `windowMs`: what a provider's per-key rate limit does. */
export class WindowLimiter {
  private readonly seen = new Map<string, number[]>();
  constructor(
    public limit: number,
    private readonly windowMs: number,
  ) {}
  /** Counts the request and says whether it is within the limit, how many remain and when the oldest leaves the window. */
  take(key: string, now = Date.now()): { allowed: boolean; remaining: number; resetAt: number } {
    const times = (this.seen.get(key) ?? []).filter((t) => t > now - this.windowMs);
    const allowed = times.length < this.limit;
    if (allowed) times.push(now);
    this.seen.set(key, times);
    return { allowed, remaining: Math.max(0, this.limit - times.length), resetAt: (times[0] ?? now) + this.windowMs };
  }
  reset(): void {
    this.seen.clear();
  }
}

/** Scripted replies per route name, plus per-recipient ones for sends; taken off in order. */
export class Script<Route extends string> {
  private readonly byRoute = new Map<Route, ScriptedReply[]>();
  private readonly byRecipient = new Map<string, ScriptedReply[]>();
  push(route: Route, replies: ScriptedReply[]): void {
    this.byRoute.set(route, [...(this.byRoute.get(route) ?? []), ...replies]);
  }
  pushFor(recipient: string, replies: ScriptedReply[]): void {
    this.byRecipient.set(recipient, [...(this.byRecipient.get(recipient) ?? []), ...replies]);
  }
  next(route: Route, recipient?: string): ScriptedReply | undefined {
    return (recipient !== undefined ? this.byRecipient.get(recipient)?.shift() : undefined) ?? this.byRoute.get(route)?.shift();
  }
  reset(): void {
    this.byRoute.clear();
    this.byRecipient.clear();
  }
}

export type Running = { url: string; later: (ms: number, fn: () => void) => void; close: () => Promise<void> };

/** Starts a node:http server on 127.0.0.1 (port 0 unless asked); close() also ends hung requests. */
export async function serve(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  options: { port?: number; host?: string },
  onError: (res: ServerResponse, err: unknown) => void,
): Promise<Running> {
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) onError(res, err);
    });
  });
  // Outlive the client's idle-socket timeout so a reused socket is never closed under it.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    later(ms, fn) {
      const t = setTimeout(() => {
        timers.delete(t);
        if (!closed) fn();
      }, ms);
      timers.add(t);
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await done;
    },
  };
}

/** Waits until `ready()` holds, checked whenever `notify` fires; rejects after timeoutMs. */
export function waitUntil<T>(ready: () => T | undefined, subscribe: (notify: () => void) => () => void, timeoutMs: number, what: string): Promise<T> {
  const now = ready();
  if (now !== undefined) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const unsubscribe = subscribe(() => {
      const value = ready();
      if (value === undefined) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(value);
    });
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`stand-in: ${what} within ${timeoutMs} ms`));
    }, timeoutMs);
  });
}
