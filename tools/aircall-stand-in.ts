// Local stand-in for the Aircall Public API (node:http only), for tests and the simulator, reached
// through AIRCALL_API_BASE. Serves what Rebound calls: native send on a number, and the numbers
// list (docs/provider-formats.md#aircall-sending). Basic auth api_id:api_token; every answer carries
// X-AircallApi-Limit / -Remaining / -Reset (a per-company budget per minute, 429 past it). Aircall
// documents no endpoint to list or fetch messages, so neither does this stand-in: it can post the
// message.* webhooks Aircall fires for API-sent texts instead (postWebhook, autoWebhooks).
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { E164, readJson, Script, sendJson, serve, waitUntil, WindowLimiter, type Json, type ScriptedReply } from "./json-stand-in";

export type { ScriptedReply } from "./json-stand-in";

export type AircallRoute = "messages.send" | "numbers";
export type AircallNumber = { id: number; name: string; digits: string; country: string; time_zone: string; open: boolean; availability_status: string; is_ivr: boolean };
export type AircallStandInMessage = { id: string; numberId: number; from: string; to: string; body: string; status: string; createdAt: string; receivedAtEpochMs: number };
export type AircallAttempt = { kind: "send"; at: number; to: string | null; outcome: "accepted" | "hang" | "accept-and-hang" | number | null };

export type AircallStandIn = {
  url: string;
  apiId: string;
  apiToken: string;
  numbers: AircallNumber[];
  messages: AircallStandInMessage[];
  requests: { method: string; path: string; query: string; authorization: string | null }[];
  attempts: AircallAttempt[];
  failNextSends(replies: ScriptedReply[]): void;
  failNextSendsTo(e164: string, replies: ScriptedReply[]): void;
  failNext(route: AircallRoute, replies: ScriptedReply[]): void;
  setNumbers(numbers: AircallNumber[]): void;
  /** The company's request budget per minute (Aircall: 60, or 120 on some plans); null turns it off. */
  setRateLimit(perMinute: number | null): void;
  /** Posts an Aircall webhook about a message this stand-in accepted (the envelope of docs/provider-formats.md#aircall). */
  postWebhook(event: "message.sent" | "message.status_updated", messageId: string, status?: string): Promise<number>;
  waitForMessages(count: number, timeoutMs?: number): Promise<AircallStandInMessage[]>;
  reset(): void;
  close(): Promise<void>;
};

export const DEFAULT_AIRCALL_API_ID = "aircall-stand-in-id";
export const DEFAULT_AIRCALL_API_TOKEN = "aircall-stand-in-token-000000";
/** The demo spa's Aircall number (tools/simulate-scenarios.ts) and the id the stand-in gives it. */
export const DEMO_AIRCALL_NUMBER = "+13105550170";
export const DEMO_AIRCALL_NUMBER_ID = 170170;

/** "+13105550170" → "+1 310-555-0170", as Aircall writes `digits`; other countries keep their E.164. */
export function aircallDigits(e164: string): string {
  const us = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return us ? `+1 ${us[1]}-${us[2]}-${us[3]}` : e164;
}

export function aircallNumber(e164: string, id: number, overrides: Partial<AircallNumber> = {}): AircallNumber {
  return {
    id,
    name: "Front desk",
    digits: aircallDigits(e164),
    country: "US",
    time_zone: "America/Los_Angeles",
    open: true,
    availability_status: "open",
    is_ivr: false,
    ...overrides,
  };
}

const numberJson = (n: AircallNumber): Json => ({
  ...n,
  direct_link: `https://api.aircall.io/v1/numbers/${n.id}`,
  created_at: new Date(0).toISOString(),
  live_recording_activated: false,
  priority: null,
});

const messageJson = (m: AircallStandInMessage, n: AircallNumber | undefined): Json => ({
  id: m.id,
  direction: "outbound",
  external_number: m.to,
  raw_digits: m.to,
  body: m.body,
  status: m.status,
  media_details: [],
  created_at: m.createdAt,
  updated_at: m.createdAt,
  number: n ? numberJson(n) : { id: m.numberId },
  contact: null,
});

const TITLES: Record<number, string> = { 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 429: "Too Many Requests", 500: "Internal Server Error" };

type Options = {
  port?: number;
  host?: string;
  apiId?: string;
  apiToken?: string;
  numbers?: AircallNumber[];
  /** Where postWebhook (and autoWebhooks) deliver, with the token Aircall puts in each body. */
  webhook?: { url: string; token: string };
  /** After each accepted send, post message.sent then message.status_updated ("delivered") ~50 ms apart (failures ignored). */
  autoWebhooks?: boolean;
  onMessage?: (m: AircallStandInMessage) => void;
};

export async function startAircallStandIn(options: Options = {}): Promise<AircallStandIn> {
  const apiId = options.apiId ?? DEFAULT_AIRCALL_API_ID;
  const apiToken = options.apiToken ?? DEFAULT_AIRCALL_API_TOKEN;
  const initialNumbers = () => options.numbers ?? [aircallNumber(DEMO_AIRCALL_NUMBER, DEMO_AIRCALL_NUMBER_ID)];
  const numbers = initialNumbers();
  const messages: AircallStandInMessage[] = [];
  const requests: AircallStandIn["requests"] = [];
  const attempts: AircallAttempt[] = [];
  const script = new Script<AircallRoute>();
  const limiter = new WindowLimiter(60, 60_000);
  let limitOn = true;
  const listeners = new Set<() => void>();
  let rate = { remaining: limiter.limit, resetAt: Date.now() + 60_000 };

  const headers = (extra: Record<string, string> = {}) => ({
    "X-AircallApi-Limit": String(limiter.limit),
    "X-AircallApi-Remaining": String(rate.remaining),
    "X-AircallApi-Reset": String(Math.ceil(rate.resetAt / 1000)),
    ...extra,
  });
  const answer = (res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) => sendJson(res, status, body, headers(extra));
  const error = (res: ServerResponse, status: number, message: string, extra: Record<string, string> = {}) =>
    answer(res, status, { error: message || TITLES[status] || "Error", troubleshoot: "See https://developer.aircall.io/api-references/" }, extra);

  async function scripted(reply: ScriptedReply | undefined, res: ServerResponse): Promise<boolean> {
    if (typeof reply !== "object" || reply.status < 300) return false;
    if (reply.delayMs) await new Promise<void>((resolve) => running.later(reply.delayMs ?? 0, resolve));
    error(res, reply.status, reply.message ?? TITLES[reply.status] ?? "Error", reply.retryAfter !== undefined ? { "Retry-After": String(reply.retryAfter) } : {});
    return true;
  }

  async function send(numberId: number, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = (await readJson(req)) as { to?: unknown; body?: unknown } | undefined;
    const to = typeof body?.to === "string" ? body.to : null;
    const attempt: AircallAttempt = { kind: "send", at: Date.now(), to, outcome: null };
    attempts.push(attempt);
    const reply = script.next("messages.send", to ?? undefined);
    if (reply === "hang") return void (attempt.outcome = "hang");
    if (typeof reply === "object" && reply.status >= 300) {
      attempt.outcome = reply.status;
      await scripted(reply, res);
      return;
    }
    const invalid = (status: number, message: string) => {
      attempt.outcome = status;
      error(res, status, message);
    };
    const number = numbers.find((n) => n.id === numberId);
    if (!number) return invalid(404, "Number not found");
    if (!to || !E164.test(to)) return invalid(400, "to must be an E.164 phone number");
    const text = body?.body;
    if (typeof text !== "string" || text.length < 1 || text.length > 1600) return invalid(400, "body must be 1 to 1600 characters");
    const now = Date.now();
    const id = `${now}${randomBytes(8).toString("hex")}`;
    const msg: AircallStandInMessage = {
      id,
      numberId,
      from: number.digits.replace(/[^\d+]/g, ""),
      to,
      body: text,
      status: "pending",
      createdAt: new Date(now).toISOString(),
      receivedAtEpochMs: now,
    };
    messages.push(msg);
    attempt.outcome = reply === "accept-and-hang" ? "accept-and-hang" : "accepted";
    options.onMessage?.(msg);
    for (const notify of listeners) notify();
    if (options.autoWebhooks) {
      running.later(50, () => void api.postWebhook("message.sent", id, "sent").catch(() => undefined));
      running.later(100, () => void api.postWebhook("message.status_updated", id, "delivered").catch(() => undefined));
    }
    if (reply === "accept-and-hang") return;
    if (typeof reply === "object" && reply.delayMs) await new Promise<void>((resolve) => running.later(reply.delayMs ?? 0, resolve));
    answer(res, 200, messageJson(msg, number));
  }

  function listNumbers(url: URL, res: ServerResponse): void {
    const perPage = Math.min(50, Math.max(1, Number(url.searchParams.get("per_page")) || 20));
    const page = Math.max(1, Number(url.searchParams.get("page")) || 1);
    const items = numbers.slice((page - 1) * perPage, page * perPage);
    const link = (p: number) => `https://api.aircall.io/v1/numbers?page=${p}&per_page=${perPage}`;
    answer(res, 200, {
      meta: {
        count: items.length,
        total: numbers.length,
        current_page: page,
        per_page: perPage,
        next_page_link: page * perPage < numbers.length ? link(page + 1) : null,
        previous_page_link: page > 1 ? link(page - 1) : null,
      },
      numbers: items.map(numberJson),
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const method = req.method ?? "GET";
    const authorization = typeof req.headers.authorization === "string" ? req.headers.authorization : null;
    requests.push({ method, path: url.pathname, query: url.search, authorization });
    const sendPath = /^\/v1\/numbers\/(\d+)\/messages\/native\/send$/.exec(url.pathname);
    const route: AircallRoute | null = sendPath && method === "POST" ? "messages.send" : url.pathname === "/v1/numbers" && method === "GET" ? "numbers" : null;
    if (!route) return error(res, 404, `Not found: ${method} ${url.pathname}`);
    if (authorization !== `Basic ${Buffer.from(`${apiId}:${apiToken}`).toString("base64")}`) return error(res, 401, "Unauthorized");
    if (limitOn) {
      const taken = limiter.take(apiId);
      rate = { remaining: taken.remaining, resetAt: taken.resetAt };
      if (!taken.allowed) return error(res, 429, "Too Many Requests", { "Retry-After": String(Math.max(1, Math.ceil((taken.resetAt - Date.now()) / 1000))) });
    }
    if (route === "messages.send") return send(Number(sendPath?.[1]), req, res);
    const reply = script.next(route);
    if (reply === "hang" || reply === "accept-and-hang") return;
    if (await scripted(reply, res)) return;
    return listNumbers(url, res);
  }

  const running = await serve(handle, options, (res, err) => error(res, 500, err instanceof Error ? err.message : "Internal Server Error"));

  const api: AircallStandIn = {
    url: running.url,
    apiId,
    apiToken,
    numbers,
    messages,
    requests,
    attempts,
    failNextSends: (replies) => script.push("messages.send", replies),
    failNextSendsTo: (e164, replies) => script.pushFor(e164, replies),
    failNext: (route, replies) => script.push(route, replies),
    setNumbers: (next) => void numbers.splice(0, numbers.length, ...next),
    setRateLimit: (perMinute) => {
      limitOn = perMinute !== null;
      if (perMinute !== null) limiter.limit = perMinute;
    },
    async postWebhook(event, messageId, status) {
      if (!options.webhook) throw new Error("aircall stand-in: no webhook configured");
      const msg = messages.find((m) => m.id === messageId);
      if (!msg) throw new Error(`aircall stand-in: unknown message ${messageId}`);
      if (status) msg.status = status;
      const payload = {
        resource: "message",
        event,
        timestamp: Math.floor(Date.now() / 1000),
        token: options.webhook.token,
        data: messageJson(
          msg,
          numbers.find((n) => n.id === msg.numberId),
        ),
      };
      const res = await fetch(options.webhook.url, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(15_000),
      });
      await res.arrayBuffer().catch(() => undefined);
      return res.status;
    },
    waitForMessages: (count, timeoutMs = 5000) =>
      waitUntil(
        () => (messages.length >= count ? messages.slice() : undefined),
        (notify) => {
          listeners.add(notify);
          return () => listeners.delete(notify);
        },
        timeoutMs,
        `expected ${count} Aircall message(s), got ${messages.length}`,
      ),
    reset() {
      messages.length = 0;
      requests.length = 0;
      attempts.length = 0;
      script.reset();
      limiter.reset();
      rate = { remaining: limiter.limit, resetAt: Date.now() + 60_000 };
      numbers.splice(0, numbers.length, ...initialNumbers());
    },
    close: () => running.close(),
  };
  return api;
}
