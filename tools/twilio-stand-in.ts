// Local stand-in for the Twilio REST API (node:http only), for tests, benchmarks and
// `npm run twilio:stand-in`. Serves the paths twilio-node 6 calls once its origin is swapped
// (docs/stack-notes.md#no-base-url-option): Messages create/list/fetch (2010-04-01) and Lookup v2.
// Shapes follow docs/provider-formats.md#twilio-send-message and #twilio-lookup.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import twilio from "twilio";

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
  waitForMessages(count: number, timeoutMs?: number): Promise<StandInMessage[]>;
  sendStatusCallback(sid: string, status: string, errorCode?: number): Promise<number>;
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
/** Per-message state the REST answers need beyond StandInMessage. */
type MessageState = {
  msg: StandInMessage;
  messagingServiceSid: string | null;
  status: string;
  errorCode: number | null;
  dateCreated: string;
  dateUpdated: string;
  numSegments: number;
};
type Json = Record<string, unknown>;

export const DEFAULT_ACCOUNT_SID = "AC" + "0".repeat(31) + "1";
export const DEFAULT_AUTH_TOKEN = "5ec0000000000000000000000000de57";
const E164 = /^\+[1-9]\d{6,14}$/;
const MESSAGES = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;
const MESSAGE = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\/([^/]+)\.json$/;
const LOOKUP = /^\/v2\/PhoneNumbers\/([^/]+)$/;
const COUNTRY: Record<string, string> = { "1": "US", "44": "GB", "61": "AU", "33": "FR", "49": "DE", "52": "MX" };

/** RFC 2822 as Twilio writes it: "Thu, 24 Aug 2023 05:01:45 +0000". */
const rfc2822 = (ms: number) => new Date(ms).toUTCString().replace("GMT", "+0000");
const errorBody = (status: number, code: number, message: string) => ({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
const DEFAULT_ERRORS: Record<number, string> = {
  400: "Bad Request",
  401: "Authenticate",
  403: "Forbidden",
  404: "Not Found",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
};

function segments(body: string): number {
  const gsm = /^[A-Za-z0-9 \r\n@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!"#¤%&'()*+,\-./:;<=>?¡ÄÖÑÜ§¿äöñüà^{}\\[~\]|€]*$/.test(body);
  if (gsm) {
    const septets = [...body].reduce((n, c) => n + ("^{}\\[~]|€".includes(c) ? 2 : 1), 0);
    return septets <= 160 ? 1 : Math.ceil(septets / 153);
  }
  const units = body.length; // UTF-16 code units, as UCS-2 counts them
  return units <= 70 ? 1 : Math.ceil(units / 67);
}

/** Bounds of a `DateSent` filter value ("YYYY-MM-DD" or "YYYY-MM-DDTHH:mm:ssZ"), in ms. */
function dateBounds(value: string): [number, number] | undefined {
  const start = Date.parse(value);
  if (Number.isNaN(start)) return undefined;
  return [start, /^\d{4}-\d{2}-\d{2}$/.test(value) ? start + 86_400_000 - 1 : start + 999];
}

export async function startTwilioStandIn(options: Options = {}): Promise<TwilioStandIn> {
  const accountSid = options.accountSid ?? DEFAULT_ACCOUNT_SID;
  const authToken = options.authToken ?? DEFAULT_AUTH_TOKEN;
  const messages: StandInMessage[] = [];
  const requests: { method: string; path: string }[] = [];
  const attempts: StandInAttempt[] = [];
  const state = new Map<string, MessageState>();
  const lineTypes = new Map<string, string>();
  let scripted: ScriptedReply[] = [];
  const scriptedFor = new Map<string, ScriptedReply[]>();
  let waiters: { count: number; resolve: (m: StandInMessage[]) => void }[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  const messageJson = (s: MessageState): Json => {
    const uri = `/2010-04-01/Accounts/${s.msg.accountSid}/Messages/${s.msg.sid}`;
    return {
      account_sid: s.msg.accountSid,
      api_version: "2010-04-01",
      body: s.msg.body,
      date_created: s.dateCreated,
      date_sent: s.dateCreated,
      date_updated: s.dateUpdated,
      direction: "outbound-api",
      error_code: s.errorCode,
      error_message: null,
      from: s.msg.from || null,
      messaging_service_sid: s.messagingServiceSid,
      num_media: "0",
      num_segments: String(s.numSegments),
      price: null,
      price_unit: null,
      sid: s.msg.sid,
      status: s.status,
      subresource_uris: { media: `${uri}/Media.json` },
      to: s.msg.to,
      uri: `${uri}.json`,
    };
  };

  function send(res: ServerResponse, status: number, body: Json, headers: Record<string, string> = {}): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(text), ...headers });
    res.end(text);
  }
  const fail = (res: ServerResponse, status: number, code: number, message: string) =>
    send(res, status, errorBody(status, code, message), status === 401 ? { "WWW-Authenticate": 'Basic realm="Twilio API"' } : {});

  function authorized(req: IncomingMessage, pathAccount?: string): boolean {
    const [scheme, encoded] = (req.headers.authorization ?? "").split(" ");
    if (scheme !== "Basic" || !encoded) return false;
    const decoded = Buffer.from(encoded, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    const user = decoded.slice(0, colon);
    return colon > 0 && user === accountSid && decoded.slice(colon + 1) === authToken && (pathAccount ?? user) === user;
  }

  function readBody(req: IncomingMessage): Promise<URLSearchParams> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => resolve(new URLSearchParams(Buffer.concat(chunks).toString("utf8"))));
      req.on("error", reject);
    });
  }

  async function createMessage(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const form = await readBody(req);
    const reply = scriptedFor.get(form.get("To") ?? "")?.shift() ?? scripted.shift();
    const attempt: StandInAttempt = { kind: "send", at, to: form.get("To"), outcome: null };
    attempts.push(attempt);
    if (reply === "hang") {
      attempt.outcome = "hang";
      return; // never answered; close() destroys the socket
    }
    const delayMs = typeof reply === "object" ? (reply.delayMs ?? 0) : 0;
    const pause = () => new Promise<void>((resolve) => later(delayMs, resolve));
    if (typeof reply === "object" && reply.status >= 400) {
      if (delayMs) await pause();
      attempt.outcome = reply.status;
      return fail(res, reply.status, reply.code ?? 20000 + reply.status, reply.message ?? DEFAULT_ERRORS[reply.status] ?? "Error");
    }
    const to = form.get("To") ?? "";
    const from = form.get("From") ?? "";
    const serviceSid = form.get("MessagingServiceSid");
    const body = form.get("Body") ?? "";
    const invalid = (status: number, code: number, message: string) => {
      attempt.outcome = status;
      fail(res, status, code, message);
    };
    if (!to) return invalid(400, 21604, "A 'To' phone number is required.");
    if (!from && !serviceSid) return invalid(400, 21603, "A 'From' phone number is required.");
    if (!body && !form.get("MediaUrl") && !form.get("ContentSid")) return invalid(400, 21602, "Message body is required.");
    if (!E164.test(to)) return invalid(400, 21211, `Invalid 'To' Phone Number: ${to}`);
    if (body.length > 1600) return invalid(400, 21617, "The concatenated message body exceeds the 1600 character limit.");
    const epoch = Date.now();
    const msg: StandInMessage = {
      sid: "SM" + randomBytes(16).toString("hex"),
      accountSid,
      to,
      from,
      body,
      receivedAt: performance.now(),
      receivedAtEpochMs: epoch,
    };
    const callback = form.get("StatusCallback");
    if (callback) msg.statusCallback = callback;
    const s: MessageState = {
      msg,
      messagingServiceSid: serviceSid,
      status: "queued",
      errorCode: null,
      dateCreated: rfc2822(epoch),
      dateUpdated: rfc2822(epoch),
      numSegments: segments(body),
    };
    messages.push(msg);
    state.set(msg.sid, s);
    attempt.outcome = reply === "accept-and-hang" ? "accept-and-hang" : "accepted";
    if (options.onMessage) options.onMessage(msg);
    const ready = waiters.filter((w) => messages.length >= w.count);
    waiters = waiters.filter((w) => messages.length < w.count);
    for (const w of ready) w.resolve(messages.slice());
    if (options.autoDeliver && msg.statusCallback) {
      later(50, () => void api.sendStatusCallback(msg.sid, "sent").catch(() => undefined));
      later(100, () => void api.sendStatusCallback(msg.sid, "delivered").catch(() => undefined));
    }
    if (reply === "accept-and-hang") return;
    const answer = messageJson(s);
    if (delayMs) await pause(); // accepted now, answered later: a status callback can beat the answer
    send(res, typeof reply === "object" ? reply.status : 201, answer);
  }

  function later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      timers.delete(t);
      if (!closed) fn();
    }, ms);
    timers.add(t);
  }

  function listMessages(url: URL, res: ServerResponse): void {
    const q = url.searchParams;
    const to = q.get("To");
    attempts.push({ kind: "list", at: Date.now(), to, outcome: null });
    const from = q.get("From");
    const on = dateBounds(q.get("DateSent") ?? "");
    const after = dateBounds(q.get("DateSent>") ?? "");
    const before = dateBounds(q.get("DateSent<") ?? "");
    const pageSize = Math.min(1000, Math.max(1, Number(q.get("PageSize")) || 50));
    const page = Math.max(0, Number(q.get("Page")) || 0);
    const matching = [...state.values()].reverse().filter(({ msg }) => {
      const sentSecond = Math.floor(msg.receivedAtEpochMs / 1000) * 1000; // date_sent has 1 s precision
      return (
        (!to || msg.to === to) &&
        (!from || msg.from === from) &&
        (!on || (sentSecond >= on[0] && sentSecond <= on[1])) &&
        (!after || sentSecond >= after[0]) &&
        (!before || sentSecond <= before[1])
      );
    });
    const items = matching.slice(page * pageSize, (page + 1) * pageSize);
    const pageUri = (n: number) => {
      const p = new URLSearchParams(q);
      p.set("PageSize", String(pageSize));
      p.set("Page", String(n));
      p.delete("PageToken");
      return `${url.pathname}?${p.toString()}`;
    };
    const hasNext = (page + 1) * pageSize < matching.length;
    send(res, 200, {
      messages: items.map(messageJson),
      end: page * pageSize + Math.max(0, items.length - 1),
      first_page_uri: pageUri(0),
      next_page_uri: hasNext ? pageUri(page + 1) : null,
      page,
      page_size: pageSize,
      previous_page_uri: page > 0 ? pageUri(page - 1) : null,
      start: page * pageSize,
      uri: pageUri(page),
    });
  }

  function lookup(e164: string, url: URL, res: ServerResponse): void {
    const fields = (url.searchParams.get("Fields") ?? "").split(",").map((f) => f.trim());
    const valid = E164.test(e164);
    const cc = valid ? (e164.startsWith("+1") ? "1" : (Object.keys(COUNTRY).find((c) => e164.startsWith("+" + c)) ?? null)) : null;
    const national = e164.slice(1 + (cc?.length ?? 0));
    const type = lineTypes.get(e164) ?? "mobile";
    const mobile = type === "mobile";
    const none = {
      caller_name: null,
      sim_swap: null,
      call_forwarding: null,
      line_status: null,
      identity_match: null,
      reassigned_number: null,
      sms_pumping_risk: null,
      phone_number_quality_score: null,
      pre_fill: null,
    };
    send(res, 200, {
      calling_country_code: cc,
      country_code: cc ? (COUNTRY[cc] ?? null) : null,
      phone_number: e164,
      national_format: cc === "1" && national.length === 10 ? `(${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6)}` : valid ? national : null,
      valid,
      validation_errors: valid ? null : [/^\+?\d+$/.test(e164) ? "INVALID_LENGTH" : "NOT_A_NUMBER"],
      ...none,
      line_type_intelligence:
        valid && fields.includes("line_type_intelligence")
          ? {
              error_code: null,
              mobile_country_code: mobile ? "310" : null,
              mobile_network_code: mobile ? "260" : null,
              carrier_name: mobile ? "Stand-in Wireless" : "Stand-in Telecom",
              type,
            }
          : null,
      url: `https://lookups.twilio.com/v2/PhoneNumbers/${e164}`,
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const method = req.method ?? "GET";
    requests.push({ method, path: url.pathname });
    const notFound = () => fail(res, 404, 20404, `The requested resource ${url.pathname} was not found`);
    const list = MESSAGES.exec(url.pathname);
    const one = MESSAGE.exec(url.pathname);
    const num = LOOKUP.exec(url.pathname);
    if (!list && !one && !num) return notFound();
    if (!authorized(req, list?.[1] ?? one?.[1])) return fail(res, 401, 20003, "Authenticate");
    if (list && method === "POST") return createMessage(req, res);
    if (list && method === "GET") return listMessages(url, res);
    if (one && method === "GET") {
      const s = state.get(decodeURIComponent(one[2] ?? ""));
      return s ? send(res, 200, messageJson(s)) : notFound();
    }
    if (num && method === "GET") return lookup(decodeURIComponent(num[1] ?? ""), url, res);
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
    reset() {
      messages.length = 0;
      requests.length = 0;
      attempts.length = 0;
      state.clear();
      lineTypes.clear();
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
