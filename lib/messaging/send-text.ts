// One attempt to hand a text to Twilio, and what that attempt means for the outbox.
import type { Message } from "@/db/schema";
import type { TwilioClient } from "./twilio-client";

export type SendOutcome =
  | { kind: "sent"; sid: string; status: Message["status"] }
  /** `notBefore`: the provider said when to come back (Retry-After, X-AircallApi-Reset). */
  | { kind: "retry"; error: string; outcomeUnknown: boolean; notBefore?: Date }
  /** `instead`: a callback task's reason when the refusal is about the account, not the caller (no code says so). */
  | { kind: "rejected"; code: number | null; error: string; instead?: string };

type TwilioError = { status?: number; code?: number | string; message?: string };

const KNOWN_STATUSES = new Set<string>(["accepted", "queued", "sending", "sent", "delivered", "undelivered", "failed", "canceled"]);

function asStatus(status: string): Message["status"] {
  return (KNOWN_STATUSES.has(status) ? status : "queued") as Message["status"];
}

/** Sorts a failed attempt: worth retrying (and was the text possibly accepted?) or final. */
export function classifySendError(error: unknown): SendOutcome {
  const e = (error ?? {}) as TwilioError;
  const message = e.message ?? String(error);
  if (typeof e.status === "number") {
    if (e.status === 429) return { kind: "retry", error: `429 ${message}`, outcomeUnknown: false };
    if (e.status >= 500) return { kind: "retry", error: `${e.status} ${message}`, outcomeUnknown: true };
    return { kind: "rejected", code: typeof e.code === "number" ? e.code : null, error: message };
  }
  // No HTTP answer. A refused connection never reached Twilio; a timeout or reset might have.
  const code = typeof e.code === "string" ? e.code : "";
  return { kind: "retry", error: code ? `${code} ${message}` : message, outcomeUnknown: code !== "ECONNREFUSED" && code !== "ENOTFOUND" };
}

export async function sendText(client: TwilioClient, text: { to: string; from: string; body: string; statusCallback: string }): Promise<SendOutcome> {
  try {
    const sent = await client.messages.create(text);
    return { kind: "sent", sid: sent.sid, status: asStatus(sent.status) };
  } catch (error) {
    return classifySendError(error);
  }
}

/**
 * After an attempt whose outcome is unknown (timeout, 5xx, a crash mid-send), looks for the text
 * at Twilio before sending again, so a caller is never texted twice.
 */
export async function findAlreadySent(
  client: TwilioClient,
  text: { to: string; from: string; body: string; createdAt: Date },
): Promise<{ sid: string; status: Message["status"] } | null> {
  const recent = await client.messages.list({ to: text.to, from: text.from, limit: 50 });
  const since = text.createdAt.getTime() - 5 * 60 * 1000;
  const match = recent.find((m) => m.body === text.body && (!m.dateCreated || m.dateCreated.getTime() >= since));
  return match ? { sid: match.sid, status: asStatus(match.status) } : null;
}

/** Backoff for the n-th failed attempt: 1 s, 2 s, 4 s … capped at 5 minutes, with a little jitter. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(1000 * 2 ** Math.max(0, attempts - 1), 5 * 60 * 1000);
  return Math.round(base * (1 + 0.2 * random()));
}

export const MAX_SEND_ATTEMPTS = 8;
