// Local stand-in for the Quo (OpenPhone) REST API (node:http only), for tests and the simulator,
// reached through OPENPHONE_API_BASE. Serves what Rebound calls: v1 send / list / get messages,
// v1 phone numbers, and the 2026-03-30 A2P registration (docs/provider-formats.md#quo-sending).
// Auth is the raw API key in `Authorization` (no Bearer); 10 requests a second per key, then 429.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { E164, readJson, Script, sendJson, serve, waitUntil, WindowLimiter, type Json, type ScriptedReply } from "./json-stand-in";

export type { ScriptedReply } from "./json-stand-in";

export type QuoRoute = "messages.send" | "messages.list" | "messages.get" | "phone-numbers" | "a2p-registration";
export type QuoRestriction = "restricted" | "unrestricted";
export type QuoNumber = {
  id: string;
  number: string;
  name: string;
  users: { id: string; email: string; firstName: string; lastName: string; role: string }[];
  restrictions: { messaging: { US: QuoRestriction; CA: QuoRestriction; Intl: QuoRestriction }; calling: { US: QuoRestriction; CA: QuoRestriction; Intl: QuoRestriction } };
};
export type QuoStandInMessage = { id: string; from: string; phoneNumberId: string; to: string; content: string; status: string; createdAt: string; receivedAtEpochMs: number };
export type QuoAttempt = { kind: "send" | "list"; at: number; to: string | null; outcome: "accepted" | "hang" | "accept-and-hang" | number | null };
export type QuoA2p = { status: string; statusMessages: { errorCode: number; errorReason: string; fieldName?: string; fields?: string[] }[] };
/** Which error body to write: the v1 spec's `{message, code, status, title}` or the live API's `{error: {message, key, trace}}`. */
export type QuoErrorShape = "v1" | "wrapped";
export type QuoScriptedReply = ScriptedReply | (Exclude<ScriptedReply, string> & { shape?: QuoErrorShape });

export type QuoStandIn = {
  url: string;
  apiKey: string;
  numbers: QuoNumber[];
  messages: QuoStandInMessage[];
  /** Every request (path without query), its query string and the headers Rebound must get right. */
  requests: { method: string; path: string; query: string; authorization: string | null; apiVersion: string | null }[];
  attempts: QuoAttempt[];
  failNextSends(replies: QuoScriptedReply[]): void;
  failNextSendsTo(e164: string, replies: QuoScriptedReply[]): void;
  failNext(route: QuoRoute, replies: QuoScriptedReply[]): void;
  setA2p(a2p: QuoA2p): void;
  setNumbers(numbers: QuoNumber[]): void;
  /** null turns the 10/s limit off (a load test); a number sets another one. */
  setRateLimit(perSecond: number | null): void;
  waitForMessages(count: number, timeoutMs?: number): Promise<QuoStandInMessage[]>;
  reset(): void;
  close(): Promise<void>;
};

export const DEFAULT_QUO_API_KEY = "quo-stand-in-key-0000000000000000";
/** The demo spa's Quo number (tools/simulate-scenarios.ts) and the id the stand-in gives it. */
export const DEMO_QUO_NUMBER = "+13105550160";
export const DEMO_QUO_NUMBER_ID = "PNdemo0160";
/** The documented error codes Rebound maps (docs/provider-formats.md#quo-sending); pass to failNextSends. */
export const QUO_ERRORS = {
  notRegistered: { status: 400, code: "0206400", message: "A2P registration is not approved for this phone number." },
  noCredits: { status: 402, code: "0200402", message: "Not enough credits to send this message." },
  notNumberUser: { status: 403, code: "0202403", message: "You are not a user of this phone number." },
} as const;

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  402: "Not Enough Credits",
  403: "Forbidden",
  404: "Not Found",
  429: "Too Many Requests",
  500: "Internal Server Error",
};
const quoId = (prefix: string) => prefix + randomBytes(12).toString("hex");

/** A phone-number resource with the account's defaults filled in. */
export function quoNumber(number: string, overrides: Partial<QuoNumber> = {}): QuoNumber {
  const open = { US: "unrestricted", CA: "unrestricted", Intl: "restricted" } as const;
  return {
    id: quoId("PN"),
    number,
    name: "Front desk",
    users: [{ id: "USstandin01", email: "owner@glow.test", firstName: "Maya", lastName: "Owner", role: "owner" }],
    restrictions: { messaging: { ...open }, calling: { ...open } },
    ...overrides,
  };
}

export function quoErrorBody(status: number, code: string, message: string, shape: QuoErrorShape = "v1"): Json {
  const trace = randomBytes(8).toString("hex");
  if (shape === "wrapped") return { error: { message, key: (TITLES[status] ?? "Error").replaceAll(" ", ""), trace } };
  return { message, code, status, docs: "https://quo.com/docs", title: TITLES[status] ?? "Error", trace, errors: [] };
}

const messageJson = (m: QuoStandInMessage, userId: string | null): Json => ({
  id: m.id,
  to: [m.to],
  from: m.from,
  text: m.content,
  phoneNumberId: m.phoneNumberId,
  conversationId: "CN" + m.phoneNumberId.slice(2) + m.to.slice(-4),
  direction: "outgoing",
  userId,
  status: m.status,
  createdAt: m.createdAt,
  updatedAt: m.createdAt,
  media: [],
});

type Options = { port?: number; host?: string; apiKey?: string; numbers?: QuoNumber[]; a2p?: QuoA2p; onMessage?: (m: QuoStandInMessage) => void };

export async function startQuoStandIn(options: Options = {}): Promise<QuoStandIn> {
  const apiKey = options.apiKey ?? DEFAULT_QUO_API_KEY;
  const initialNumbers = () => options.numbers ?? [quoNumber(DEMO_QUO_NUMBER, { id: DEMO_QUO_NUMBER_ID })];
  const numbers: QuoNumber[] = initialNumbers();
  const messages: QuoStandInMessage[] = [];
  const requests: QuoStandIn["requests"] = [];
  const attempts: QuoAttempt[] = [];
  const script = new Script<QuoRoute>();
  const limiter = new WindowLimiter(10, 1000);
  let limitOn = true;
  let a2p: QuoA2p = options.a2p ?? { status: "approved", statusMessages: [] };
  const listeners = new Set<() => void>();

  const error = (res: ServerResponse, status: number, code: string, message: string, shape: QuoErrorShape = "v1", headers: Record<string, string> = {}) =>
    sendJson(res, status, quoErrorBody(status, code, message, shape), headers);

  /** Answers a scripted error (after its delay); true when the script took the request. */
  async function scripted(reply: QuoScriptedReply | undefined, res: ServerResponse): Promise<boolean> {
    if (typeof reply !== "object" || reply.status < 300) return false;
    if (reply.delayMs) await new Promise<void>((resolve) => running.later(reply.delayMs ?? 0, resolve));
    const headers: Record<string, string> = reply.retryAfter !== undefined ? { "Retry-After": String(reply.retryAfter) } : {};
    const shape = "shape" in reply ? reply.shape : undefined;
    error(res, reply.status, reply.code ?? `0200${reply.status}`, reply.message ?? TITLES[reply.status] ?? "Error", shape, headers);
    return true;
  }

  async function send(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = (await readJson(req)) as { content?: unknown; from?: unknown; to?: unknown } | undefined;
    const to = Array.isArray(body?.to) && typeof body.to[0] === "string" ? body.to[0] : null;
    const attempt: QuoAttempt = { kind: "send", at: Date.now(), to, outcome: null };
    attempts.push(attempt);
    const reply = script.next("messages.send", to ?? undefined);
    if (reply === "hang") return void (attempt.outcome = "hang");
    if (typeof reply === "object" && reply.status >= 300) {
      attempt.outcome = reply.status;
      await scripted(reply, res);
      return;
    }
    const invalid = (status: number, code: string, message: string) => {
      attempt.outcome = status;
      error(res, status, code, message);
    };
    const content = body?.content;
    if (typeof content !== "string" || content.length < 1 || content.length > 1600) return invalid(400, "0200400", "content must be 1 to 1600 characters");
    if (!Array.isArray(body?.to) || body.to.length !== 1 || !to || !E164.test(to)) return invalid(400, "0200400", "to must hold exactly one E.164 number");
    const from = numbers.find((n) => n.id === body?.from || n.number === body?.from);
    if (!from) return invalid(404, "0200404", "Phone number not found");
    const now = Date.now();
    const msg: QuoStandInMessage = {
      id: quoId("AC"),
      from: from.number,
      phoneNumberId: from.id,
      to,
      content,
      status: "queued",
      createdAt: new Date(now).toISOString(),
      receivedAtEpochMs: now,
    };
    messages.push(msg);
    attempt.outcome = reply === "accept-and-hang" ? "accept-and-hang" : "accepted";
    options.onMessage?.(msg);
    for (const notify of listeners) notify();
    if (reply === "accept-and-hang") return;
    if (typeof reply === "object" && reply.delayMs) await new Promise<void>((resolve) => running.later(reply.delayMs ?? 0, resolve));
    sendJson(res, 202, { data: messageJson(msg, from.users[0]?.id ?? null) });
  }

  function list(url: URL, res: ServerResponse): void {
    const q = url.searchParams;
    const participants = [...q.getAll("participants[]"), ...q.getAll("participants")];
    attempts.push({ kind: "list", at: Date.now(), to: participants[0] ?? null, outcome: null });
    const phoneNumberId = q.get("phoneNumberId");
    if (!phoneNumberId || participants.length === 0) return error(res, 400, "0200400", "phoneNumberId and participants are required");
    const max = Math.min(100, Math.max(1, Number(q.get("maxResults")) || 10));
    const after = Date.parse(q.get("createdAfter") ?? "");
    const before = Date.parse(q.get("createdBefore") ?? "");
    const matching = messages
      .filter((m) => m.phoneNumberId === phoneNumberId && participants.includes(m.to))
      .filter((m) => (Number.isNaN(after) || m.receivedAtEpochMs > after) && (Number.isNaN(before) || m.receivedAtEpochMs < before))
      .reverse();
    const start = Number(q.get("pageToken")) || 0;
    const page = matching.slice(start, start + max);
    const userId = numbers.find((n) => n.id === phoneNumberId)?.users[0]?.id ?? null;
    sendJson(res, 200, { data: page.map((m) => messageJson(m, userId)), totalItems: matching.length, nextPageToken: start + max < matching.length ? String(start + max) : null });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const method = req.method ?? "GET";
    const header = (name: string) => (typeof req.headers[name] === "string" ? (req.headers[name] as string) : null);
    requests.push({ method, path: url.pathname, query: url.search, authorization: header("authorization"), apiVersion: header("quo-api-version") });
    const route: QuoRoute | null =
      url.pathname === "/v1/messages"
        ? method === "POST"
          ? "messages.send"
          : "messages.list"
        : /^\/v1\/messages\/[^/]+$/.test(url.pathname)
          ? "messages.get"
          : url.pathname === "/v1/phone-numbers"
            ? "phone-numbers"
            : url.pathname === "/a2p-registration"
              ? "a2p-registration"
              : null;
    if (!route) return error(res, 404, "0200404", `Not found: ${url.pathname}`);
    if (header("authorization") !== apiKey) return error(res, 401, "0200401", "Unauthorized", "wrapped");
    if (limitOn && !limiter.take(apiKey).allowed) return error(res, 429, "0200429", "Rate limit exceeded: 10 requests per second per API key", "v1", { "Retry-After": "1" });
    if (route === "messages.send") return send(req, res);
    const reply = script.next(route);
    if (reply === "hang" || reply === "accept-and-hang") return;
    if (await scripted(reply, res)) return;
    if (route === "messages.list") return list(url, res);
    if (route === "messages.get") {
      const id = decodeURIComponent(url.pathname.split("/")[3] ?? "");
      const m = messages.find((x) => x.id === id);
      return m ? sendJson(res, 200, { data: messageJson(m, null) }) : error(res, 404, "0200404", "Message not found");
    }
    if (route === "phone-numbers") return sendJson(res, 200, { data: numbers });
    if (!header("quo-api-version")) return error(res, 400, "0200400", "The Quo-Api-Version header is required");
    const at = new Date(0).toISOString();
    const assignedPnId = numbers[0]?.id ?? null;
    return sendJson(res, 200, { data: { id: "RGstandin01", draft: false, ...a2p, type: "standard", assignedPnId, firstSubmittedAt: at, createdAt: at, updatedAt: at } });
  }

  const running = await serve(handle, options, (res, err) => error(res, 500, "0200500", err instanceof Error ? err.message : "Internal Server Error"));

  return {
    url: running.url,
    apiKey,
    numbers,
    messages,
    requests,
    attempts,
    failNextSends: (replies) => script.push("messages.send", replies),
    failNextSendsTo: (e164, replies) => script.pushFor(e164, replies),
    failNext: (route, replies) => script.push(route, replies),
    setA2p: (next) => void (a2p = next),
    setNumbers: (next) => void numbers.splice(0, numbers.length, ...next),
    setRateLimit: (perSecond) => {
      limitOn = perSecond !== null;
      if (perSecond !== null) limiter.limit = perSecond;
    },
    waitForMessages: (count, timeoutMs = 5000) =>
      waitUntil(
        () => (messages.length >= count ? messages.slice() : undefined),
        (notify) => {
          listeners.add(notify);
          return () => listeners.delete(notify);
        },
        timeoutMs,
        `expected ${count} Quo message(s), got ${messages.length}`,
      ),
    reset() {
      messages.length = 0;
      requests.length = 0;
      attempts.length = 0;
      script.reset();
      limiter.reset();
      numbers.splice(0, numbers.length, ...initialNumbers());
      a2p = options.a2p ?? { status: "approved", statusMessages: [] };
    },
    close: () => running.close(),
  };
}
