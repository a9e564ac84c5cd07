// Sending through Aircall: native send on the number's Aircall id (so the text shows in the Aircall
// app and fires its message webhooks), Basic api_id:api_token. Before each send the number's
// segment caps (1,000 an hour, 10,000 a day) and the company's request budget (X-AircallApi-*) are
// checked, and a text over them is put back until they allow it. Aircall documents no way to list
// or fetch messages, so after an unknown outcome Rebound looks only for Aircall's own webhook about
// the text (an echo that gave the message its Aircall id) and otherwise never resends: a callback
// task replaces the text. Formats: docs/provider-formats.md#aircall-sending.
import type { Message } from "@/db/schema";
import { countSegments } from "../segments";
import type { SendOutcome as AttemptOutcome } from "../send-text";
import { noAnswerOutcome, requestJson, retryAfter, type Answer } from "./http";
import { aircallBudgetWait, noteAircallBudget, readAircallBudget, segmentCapWait, type SentSegments } from "./rate-limit";
import type { FoundText, OutgoingText, Reconciled, Sender, SendOutcome } from "./sender";

const STATUSES: Record<string, Message["status"]> = { pending: "queued", sent: "sent", delivered: "delivered", failed: "failed", undelivered: "undelivered" };
const asStatus = (status: unknown): Message["status"] => (typeof status === "string" && STATUSES[status]) || "queued";

/** Aircall's error body `{ error, troubleshoot }` (shape UNVERIFIED: any text found is kept). */
export function aircallError(body: unknown): string {
  const b = (body ?? {}) as { error?: unknown; troubleshoot?: unknown; message?: unknown };
  const parts = [b.error, b.message, b.troubleshoot].filter((v): v is string => typeof v === "string" && v.trim() !== "");
  return (parts.length ? parts.join(": ") : typeof body === "string" && body ? body : "no message").slice(0, 300);
}

/** Sorts Aircall's answer to a native send: 2xx sent; 429 and 5xx retried; the rest refused for good. */
export function classifyAircallAnswer({ status, headers, body }: Answer, now: Date): AttemptOutcome {
  if (status >= 200 && status < 300) {
    const id = (body as { id?: unknown } | null)?.id;
    if ((typeof id === "string" && id) || typeof id === "number") return { kind: "sent", sid: String(id), status: asStatus((body as { status?: unknown }).status) };
    return { kind: "retry", error: `Aircall ${status} without a message id`, outcomeUnknown: true };
  }
  const label = `Aircall ${status}: ${aircallError(body)}`;
  if (status === 429) {
    const reset = readAircallBudget(headers)?.resetAt;
    return { kind: "retry", error: label, outcomeUnknown: false, notBefore: retryAfter(headers, now) ?? (reset && reset > now ? reset : new Date(now.getTime() + 60_000)) };
  }
  if (status >= 500) return { kind: "retry", error: label, outcomeUnknown: true };
  if (status === 401)
    return {
      kind: "rejected",
      code: null,
      error: label,
      instead: "Not sent: Aircall refused the organization's API id and token (401). Paste current ones in Settings, then call back instead.",
    };
  if (status === 403)
    return {
      kind: "rejected",
      code: null,
      error: label,
      instead: "Not sent: Aircall refused to send from this number (403); sending by API needs Aircall's Professional plan. Call back instead.",
    };
  if (status === 404)
    return { kind: "rejected", code: null, error: label, instead: "Not sent: this number is not on the organization's Aircall account (404). Call back instead." };
  return { kind: "rejected", code: null, error: label };
}

export type AircallDeps = {
  /** Segments this number sent in the last 24 hours (db/queries/sent-segments.ts). */
  sentFromNumber: (since: Date) => Promise<SentSegments[]>;
  /** The Aircall id an echo webhook gave the message meanwhile, if any. */
  echoedText: (messageId: string) => Promise<FoundText | null>;
};

export function aircallSender({ apiId, apiToken, numberId, base }: { apiId: string; apiToken: string; numberId: string; base: string }, deps: AircallDeps): Sender {
  const headers = { Authorization: `Basic ${Buffer.from(`${apiId}:${apiToken}`).toString("base64")}` };

  async function held(text: OutgoingText, now: Date): Promise<SendOutcome | null> {
    const budget = aircallBudgetWait(apiId, now);
    if (budget) return { kind: "reschedule", at: budget, reason: "aircall_rate_limited" };
    const sent = await deps.sentFromNumber(new Date(now.getTime() - 24 * 3_600_000));
    const cap = segmentCapWait(sent, Math.max(1, countSegments(text.body).segments), now);
    return cap ? { kind: "reschedule", at: cap.at, reason: cap.reason } : null;
  }

  return {
    provider: "aircall",
    async send(text) {
      const wait = await held(text, new Date());
      if (wait) return wait;
      try {
        const answer = await requestJson(`${base}/v1/numbers/${encodeURIComponent(numberId)}/messages/native/send`, {
          method: "POST",
          headers,
          body: { to: text.to, body: text.body },
        });
        noteAircallBudget(apiId, readAircallBudget(answer.headers));
        return classifyAircallAnswer(answer, new Date());
      } catch (error) {
        return noAnswerOutcome(error, "Aircall");
      }
    },
    async findAlreadySent(text): Promise<Reconciled> {
      const echoed = await deps.echoedText(text.messageId);
      if (echoed) return { found: echoed };
      return {
        cannotTell: "Not sent again: Aircall did not confirm this text and offers no way to look it up, so Rebound does not risk texting the caller twice. Call back instead.",
      };
    },
  };
}
