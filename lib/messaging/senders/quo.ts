// Sending through Quo (OpenPhone): `POST /v1/messages` with the organization's API key as the raw
// `Authorization` header, from the number's PN… id; after an unknown outcome the number's messages
// with that caller are listed and matched on body and time, since Quo has no idempotency key.
// Formats and codes: docs/provider-formats.md#quo-sending.
import type { Message } from "@/db/schema";
import type { SendOutcome as AttemptOutcome } from "../send-text";
import { noAnswerOutcome, requestJson, retryAfter, type Answer } from "./http";
import { QUO_MAX_WAIT_MS, quoWindow } from "./rate-limit";
import { RECONCILE_LOOKBACK_MS, type OutgoingText, type Reconciled, type Sender, type SendOutcome } from "./sender";

/** Quo's documented error codes as integers (the undeliverable policy's keys): "0206400" → 206400. Twilio's are five digits, so they never meet. */
export const QUO_NOT_REGISTERED = 206400;
export const QUO_NO_CREDITS = 200402;

const STATUSES: Record<string, Message["status"]> = { queued: "queued", sent: "sent", delivered: "delivered", undelivered: "undelivered", failed: "failed" };
const asStatus = (status: unknown): Message["status"] => (typeof status === "string" && STATUSES[status]) || "queued";

/** Quo's error body in either shape: the v1 spec's `{message, code, status, title}` or the live `{error: {message, key}}`. */
export function quoError(body: unknown): { code: number | null; message: string } {
  const flat = (body ?? {}) as { message?: unknown; code?: unknown; title?: unknown; error?: { message?: unknown; key?: unknown } };
  const rawCode = typeof flat.code === "string" || typeof flat.code === "number" ? String(flat.code) : "";
  const code = /^\d{1,9}$/.test(rawCode) ? Number(rawCode) : null;
  const text = [flat.message, flat.error?.message, flat.title, flat.error?.key, typeof body === "string" ? body : null].find((v) => typeof v === "string" && v.trim());
  return { code, message: typeof text === "string" ? text.trim().slice(0, 300) : "no message" };
}

/** A Quo code as Quo writes it (seven digits, leading zeros), for messages an owner reads. */
const quoCodeText = (code: number) => String(code).padStart(7, "0");

/**
 * Refusals about the account or the number, not the caller: a callback says why. The documented
 * codes (0200402, 0202403) have the policy's own sentence; the live API's wrapped shape has no code.
 */
const ACCOUNT_STATUS: Record<number, string> = {
  401: "Quo refused the organization's API key; paste a current one in Settings",
  402: "the Quo account has not enough prepaid credits for texts sent by API",
  403: "Quo refused to send from this number for the organization's API key",
  404: "this number is not on the organization's Quo account",
};

/** Sorts Quo's answer to a send: 202 sent; 429 and 5xx retried; the rest refused for good. */
export function classifyQuoAnswer({ status, headers, body }: Answer, now: Date): AttemptOutcome {
  if (status >= 200 && status < 300) {
    const data = (body as { data?: { id?: unknown; status?: unknown } } | null)?.data;
    if (typeof data?.id === "string" && data.id) return { kind: "sent", sid: data.id, status: asStatus(data.status) };
    // Taken (2xx) but no id to keep: the text is out; look it up like any unknown outcome rather than resend.
    return { kind: "retry", error: `Quo ${status} without a message id`, outcomeUnknown: true };
  }
  const { code, message } = quoError(body);
  const label = `Quo ${status}${code !== null ? ` ${quoCodeText(code)}` : ""}: ${message}`;
  if (status === 429) return { kind: "retry", error: label, outcomeUnknown: false, notBefore: retryAfter(headers, now) ?? new Date(now.getTime() + 1000) };
  if (status >= 500) return { kind: "retry", error: label, outcomeUnknown: true };
  if (ACCOUNT_STATUS[status]) return { kind: "rejected", code, error: label, instead: `Not sent: ${ACCOUNT_STATUS[status]} (Quo ${status}). Call back instead.` };
  return { kind: "rejected", code, error: label };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type QuoListed = { id?: unknown; text?: unknown; body?: unknown; direction?: unknown; status?: unknown; createdAt?: unknown };

/** The listed message that is this text: outgoing, the same words, created after it was queued (minus a margin). */
export function matchListed(list: unknown, text: OutgoingText): { sid: string; status: Message["status"] } | null {
  const data = (list as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) throw new Error("Quo list messages: no data array");
  const since = text.createdAt.getTime() - RECONCILE_LOOKBACK_MS;
  const match = (data as QuoListed[]).find(
    (m) => typeof m.id === "string" && (m.text ?? m.body) === text.body && m.direction !== "incoming" && (typeof m.createdAt !== "string" || Date.parse(m.createdAt) >= since),
  );
  return match ? { sid: match.id as string, status: asStatus(match.status) } : null;
}

/** `phoneNumberId`: the number's PN… id (null until the number is proven: texts then go from its E.164). */
export function quoSender({ apiKey, phoneNumberId, base }: { apiKey: string; phoneNumberId: string | null; base: string }): Sender {
  const headers = { Authorization: apiKey };

  /**
   * Makes one request in Quo's 10/s per key: a short wait in place; over it, null (the text goes
   * back to the outbox). The slot is held until the answer is in (the request counts at Quo somewhere between).
   */
  async function inTurn<T>(maxWaitMs: number, request: () => Promise<T>): Promise<T | null> {
    const slot = quoWindow.reserve(apiKey, Date.now(), maxWaitMs);
    if (!slot) return null;
    if (slot.waitMs > 0) await sleep(slot.waitMs);
    try {
      return await request();
    } finally {
      slot.done(Date.now());
    }
  }

  return {
    provider: "openphone",
    async send(text) {
      const outcome = await inTurn(QUO_MAX_WAIT_MS, async (): Promise<SendOutcome> => {
        try {
          // Quo takes the number's PN… id or its E.164; the id survives a number's formatting changes.
          const answer = await requestJson(`${base}/v1/messages`, { method: "POST", headers, body: { content: text.body, from: phoneNumberId ?? text.from, to: [text.to] } });
          return classifyQuoAnswer(answer, new Date());
        } catch (error) {
          return noAnswerOutcome(error, "Quo");
        }
      });
      return outcome ?? { kind: "reschedule", at: new Date(Date.now() + 1000), reason: "quo_rate_limited" };
    },
    async findAlreadySent(text): Promise<Reconciled> {
      // The list is by the number's PN… id only: without it (a number never proven) Quo cannot be asked, so no resend.
      if (!phoneNumberId)
        return {
          cannotTell:
            "Not sent again: Quo did not confirm this text and the number has no Quo id to look it up with, so Rebound does not risk texting the caller twice. Call back instead.",
        };
      // A look-up before a resend is rare and short: it waits its turn in place, however long.
      const query = new URLSearchParams({ phoneNumberId, maxResults: "50", createdAfter: new Date(text.createdAt.getTime() - RECONCILE_LOOKBACK_MS).toISOString() });
      query.append("participants[]", text.to);
      const answer = (await inTurn(Number.POSITIVE_INFINITY, () => requestJson(`${base}/v1/messages?${query.toString()}`, { method: "GET", headers })))!;
      if (answer.status !== 200) throw new Error(`Quo list messages ${answer.status}: ${quoError(answer.body).message}`);
      return { found: matchListed(answer.body, text) };
    },
  };
}
