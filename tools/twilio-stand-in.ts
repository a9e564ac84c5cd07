// Local stand-in for the Twilio REST API (node:http only), for tests, benchmarks and
// `npm run twilio:stand-in`. Serves the paths twilio-node 6 calls once its origin is swapped
// (docs/stack-notes.md#no-base-url-option): Messages create/list/fetch (2010-04-01), Lookup v2 and
// the Calls list of a parent call's legs (twilio-stand-in-calls.ts).
// Shapes follow docs/provider-formats.md#twilio-send-message and #twilio-lookup; the handlers are in
// twilio-stand-in-messages.ts and twilio-stand-in-lookup.ts.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import twilio from "twilio";
import { callsStandIn, type CallsControl } from "./twilio-stand-in-calls";
import { fail, send } from "./twilio-stand-in-http";
import { lookup } from "./twilio-stand-in-lookup";
import { createStandInNumbers, INCOMING_NUMBERS, type StandInNumbers } from "./twilio-stand-in-numbers";
import { createMessage, listMessages, messageJson, rfc2822, type MessagesContext, type MessageState } from "./twilio-stand-in-messages";
import { createA2pStandIn, type TwilioA2pStandIn } from "./twilio-stand-in-a2p";

export type StandInMessage = { sid: string; accountSid: string; to: string; from: string; body: string; statusCallback?: string; receivedAt: number; receivedAtEpochMs: number };
/**
 * The next send's fate. "hang": never answered and never accepted (until close()). "accept-and-hang":
 * accepted (it is in the message list and gets a sid) but the answer never comes, as when Twilio took
 * the text and the connection died. `delayMs` holds the answer (error or success) back that long.
 */
export type ScriptedReply = { status: number; code?: number; message?: string; delayMs?: number } | "hang" | "accept-and-hang";
/** One send attempt or message-list lookup, in arrival order, for tests that check what was tried when. */
export type StandInAttempt = { kind: "send" | "list"; at: number; to: string | null; outcome: "accepted" | "hang" | "accept-and-hang" | number | null };
export type TwilioStandIn = {
  url: string;
  accountSid: string;
  authToken: string;
  messages: StandInMessage[];
  /** Every request seen (path = pathname, without the query string). */
  requests: { method: string; path: string }[];
  /** Every send attempt (with how it was answered) and message-list lookup, oldest first. */
  attempts: StandInAttempt[];
  failNextSends(replies: ScriptedReply[]): void;
  /** The next sends to this number get these replies, whatever else is sent meanwhile. */
  failNextSendsTo(e164: string, replies: ScriptedReply[]): void;
  setLineType(e164: string, type: string): void;
  /** Calls list (child legs of a parent call): tools/twilio-stand-in-calls.ts. */
  calls: CallsControl;
  /** The account's IncomingPhoneNumbers (tools/twilio-stand-in-numbers.ts): every number by default. */
  numbers: StandInNumbers;
  waitForMessages(count: number, timeoutMs?: number): Promise<StandInMessage[]>;
  sendStatusCallback(sid: string, status: string, errorCode?: number): Promise<number>;
  /** Messaging v1 A2P answers (tools/twilio-stand-in-a2p.ts): `a2p.set(MG…, { numbers, campaign, brand })`. */
  a2p: TwilioA2pStandIn;
  reset(): void;
  close(): Promise<void>;
};
type Options = {
  port?: number;
  host?: string;
  accountSid?: string;
  authToken?: string;
  /** After each accepted send with a StatusCallback, post signed "sent" then "delivered" callbacks ~50 ms apart (failures ignored). */
  autoDeliver?: boolean;
  /** Called for each accepted message (the CLI logs them). */
  onMessage?: (message: StandInMessage) => void;
};

export const DEFAULT_ACCOUNT_SID = "AC" + "0".repeat(31) + "1";
export const DEFAULT_AUTH_TOKEN = "5ec0000000000000000000000000de57";
const MESSAGES = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;
const MESSAGE = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\/([^/]+)\.json$/;
const LOOKUP = /^\/v2\/PhoneNumbers\/([^/]+)$/;

export async function startTwilioStandIn(options: Options = {}): Promise<TwilioStandIn> {
  const accountSid = options.accountSid ?? DEFAULT_ACCOUNT_SID;
  const authToken = options.authToken ?? DEFAULT_AUTH_TOKEN;
  const messages: StandInMessage[] = [];
  const requests: { method: string; path: string }[] = [];
  const attempts: StandInAttempt[] = [];
  const state = new Map<string, MessageState>();
  const lineTypes = new Map<string, string>();
  const calls = callsStandIn(accountSid);
  const numbers = createStandInNumbers(accountSid);
  let scripted: ScriptedReply[] = [];
  const scriptedFor = new Map<string, ScriptedReply[]>();
  let waiters: { count: number; resolve: (m: StandInMessage[]) => void }[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;
  const a2p = createA2pStandIn(accountSid);

  function authorized(req: IncomingMessage, pathAccount?: string): boolean {
    const [scheme, encoded] = (req.headers.authorization ?? "").split(" ");
    if (scheme !== "Basic" || !encoded) return false;
    const decoded = Buffer.from(encoded, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    const user = decoded.slice(0, colon);
    return colon > 0 && user === accountSid && decoded.slice(colon + 1) === authToken && (pathAccount ?? user) === user;
  }

  function later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      timers.delete(t);
      if (!closed) fn();
    }, ms);
    timers.add(t);
  }

  const context: MessagesContext = {
    accountSid,
    messages,
    attempts,
    state,
    nextReply: (to) => scriptedFor.get(to)?.shift() ?? scripted.shift(),
    later,
    accepted: (msg) => {
      if (options.onMessage) options.onMessage(msg);
      const ready = waiters.filter((w) => messages.length >= w.count);
      waiters = waiters.filter((w) => messages.length < w.count);
      for (const w of ready) w.resolve(messages.slice());
      if (options.autoDeliver && msg.statusCallback) {
        later(50, () => void api.sendStatusCallback(msg.sid, "sent").catch(() => undefined));
        later(100, () => void api.sendStatusCallback(msg.sid, "delivered").catch(() => undefined));
      }
    },
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const method = req.method ?? "GET";
    requests.push({ method, path: url.pathname });
    const notFound = () => fail(res, 404, 20404, `The requested resource ${url.pathname} was not found`);
    const callsAccount = calls.accountOf(url.pathname);
    if (callsAccount) return authorized(req, callsAccount) ? calls.handle(method, url, res) : fail(res, 401, 20003, "Authenticate");
    const incoming = INCOMING_NUMBERS.exec(url.pathname);
    if (incoming && method === "GET") return authorized(req, incoming[1]) ? numbers.list(url, res) : fail(res, 401, 20003, "Authenticate");
    const list = MESSAGES.exec(url.pathname);
    const one = MESSAGE.exec(url.pathname);
    const num = LOOKUP.exec(url.pathname);
    if (a2p.handles(url.pathname)) return authorized(req) ? a2p.handle(req, url, res) : fail(res, 401, 20003, "Authenticate");
    if (!list && !one && !num) return notFound();
    if (!authorized(req, list?.[1] ?? one?.[1])) return fail(res, 401, 20003, "Authenticate");
    if (list && method === "POST") return createMessage(context, req, res);
    if (list && method === "GET") return listMessages(context, url, res);
    if (one && method === "GET") {
      const s = state.get(decodeURIComponent(one[2] ?? ""));
      return s ? send(res, 200, messageJson(s)) : notFound();
    }
    if (num && method === "GET") return lookup(lineTypes, decodeURIComponent(num[1] ?? ""), url, res);
    return fail(res, 405, 20004, "Method not allowed");
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) fail(res, 500, 20500, err instanceof Error ? err.message : "Internal Server Error");
    });
  });
  // Outlive the client's idle-socket timeout (Node's agent: 5 s) so a reused socket is never closed under it.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  const api: TwilioStandIn = {
    url: `http://${host}:${address.port}`,
    accountSid,
    authToken,
    messages,
    requests,
    attempts,
    failNextSends: (replies) => {
      scripted.push(...replies);
    },
    failNextSendsTo: (e164, replies) => {
      scriptedFor.set(e164, [...(scriptedFor.get(e164) ?? []), ...replies]);
    },
    setLineType: (e164, type) => {
      lineTypes.set(e164, type);
    },
    calls: calls.control,
    numbers: numbers.api,
    waitForMessages(count, timeoutMs = 5000) {
      if (messages.length >= count) return Promise.resolve(messages.slice());
      return new Promise((resolve, reject) => {
        const waiter = {
          count,
          resolve: (m: StandInMessage[]) => {
            clearTimeout(timer);
            resolve(m);
          },
        };
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== waiter);
          reject(new Error(`twilio stand-in: expected ${count} message(s) within ${timeoutMs} ms, got ${messages.length}`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    async sendStatusCallback(sid, status, errorCode) {
      const s = state.get(sid);
      if (!s) throw new Error(`twilio stand-in: unknown message ${sid}`);
      if (!s.msg.statusCallback) throw new Error(`twilio stand-in: message ${sid} has no StatusCallback`);
      s.status = status;
      s.errorCode = errorCode ?? null;
      s.dateUpdated = rfc2822(Date.now());
      const params: Record<string, string> = {
        MessageSid: sid,
        SmsSid: sid,
        AccountSid: accountSid,
        From: s.msg.from,
        To: s.msg.to,
        MessageStatus: status,
        SmsStatus: status,
        ApiVersion: "2010-04-01",
      };
      if (s.messagingServiceSid) params.MessagingServiceSid = s.messagingServiceSid;
      if (errorCode !== undefined) params.ErrorCode = String(errorCode);
      const res = await fetch(s.msg.statusCallback, {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          "X-Twilio-Signature": twilio.getExpectedTwilioSignature(authToken, s.msg.statusCallback, params),
          "User-Agent": "TwilioProxy/1.1",
        },
        body: new URLSearchParams(params).toString(),
        signal: AbortSignal.timeout(15_000),
      });
      await res.arrayBuffer().catch(() => undefined);
      return res.status;
    },
    a2p,
    reset() {
      a2p.reset();
      messages.length = 0;
      requests.length = 0;
      attempts.length = 0;
      state.clear();
      lineTypes.clear();
      calls.reset();
      numbers.reset();
      scripted = [];
      scriptedFor.clear();
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections(); // includes "hang" requests and idle keep-alive sockets
      await done;
    },
  };
  return api;
}
