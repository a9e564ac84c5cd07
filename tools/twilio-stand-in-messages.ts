// Messages (2010-04-01 Accounts/{sid}/Messages) for the Twilio REST stand-in (tools/twilio-stand-in.ts):
// create with the scripted failures, hangs and delays tests ask for, list with Twilio's filters and
// paging, and the message resource as Twilio writes it (docs/provider-formats.md#twilio-send-message).
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import type { ScriptedReply, StandInAttempt, StandInMessage } from "./twilio-stand-in";
import { E164, fail, readBody, send, type Json } from "./twilio-stand-in-http";

/** Per-message state the REST answers need beyond StandInMessage. */
export type MessageState = {
  msg: StandInMessage;
  messagingServiceSid: string | null;
  status: string;
  errorCode: number | null;
  dateCreated: string;
  dateUpdated: string;
  numSegments: number;
};

/** The server's state and hooks the handlers share with it (tools/twilio-stand-in.ts). */
export type MessagesContext = {
  accountSid: string;
  messages: StandInMessage[];
  attempts: StandInAttempt[];
  state: Map<string, MessageState>;
  /** The scripted reply for the next send to `to` (its own first, then the general ones), taken off the script. */
  nextReply: (to: string) => ScriptedReply | undefined;
  /** Runs `fn` after `ms` unless the server has closed meanwhile. */
  later: (ms: number, fn: () => void) => void;
  /** A message was just accepted: tell the CLI and whoever waits for it, and deliver it when asked to. */
  accepted: (msg: StandInMessage) => void;
};

/** RFC 2822 as Twilio writes it: "Thu, 24 Aug 2023 05:01:45 +0000". */
export const rfc2822 = (ms: number) => new Date(ms).toUTCString().replace("GMT", "+0000");
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

/** A message resource as Twilio answers it. */
export const messageJson = (s: MessageState): Json => {
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

/** POST …/Messages.json: a send, answered as the script says, else checked and accepted. */
export async function createMessage(ctx: MessagesContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const at = Date.now();
  const form = await readBody(req);
  const reply = ctx.nextReply(form.get("To") ?? "");
  const attempt: StandInAttempt = { kind: "send", at, to: form.get("To"), outcome: null };
  ctx.attempts.push(attempt);
  if (reply === "hang") {
    attempt.outcome = "hang";
    return; // never answered; close() destroys the socket
  }
  const delayMs = typeof reply === "object" ? (reply.delayMs ?? 0) : 0;
  const pause = () => new Promise<void>((resolve) => ctx.later(delayMs, resolve));
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
    accountSid: ctx.accountSid,
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
  ctx.messages.push(msg);
  ctx.state.set(msg.sid, s);
  attempt.outcome = reply === "accept-and-hang" ? "accept-and-hang" : "accepted";
  ctx.accepted(msg);
  if (reply === "accept-and-hang") return;
  const answer = messageJson(s);
  if (delayMs) await pause(); // accepted now, answered later: a status callback can beat the answer
  send(res, typeof reply === "object" ? reply.status : 201, answer);
}

/** GET …/Messages.json: newest first, filtered by To, From and DateSent, a page at a time. */
export function listMessages(ctx: MessagesContext, url: URL, res: ServerResponse): void {
  const q = url.searchParams;
  const to = q.get("To");
  ctx.attempts.push({ kind: "list", at: Date.now(), to, outcome: null });
  const from = q.get("From");
  const on = dateBounds(q.get("DateSent") ?? "");
  const after = dateBounds(q.get("DateSent>") ?? "");
  const before = dateBounds(q.get("DateSent<") ?? "");
  const pageSize = Math.min(1000, Math.max(1, Number(q.get("PageSize")) || 50));
  const page = Math.max(0, Number(q.get("Page")) || 0);
  const matching = [...ctx.state.values()].reverse().filter(({ msg }) => {
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
