// Quo (OpenPhone) message events (docs/provider-formats.md#quo-message-events) → the intake's text
// events: `message.received` (an inbound text, or with direction "outgoing" a text leaving the
// number), `message.delivered`, `message.failed` and the UNVERIFIED `message.undelivered`.
//
// Two envelopes, one reader:
// - legacy [C]: the message is `data.object` { id "AC…", from, to (an array in the docs, a string in a
//   real capture), direction "incoming" | "outgoing", text (others send `body`), media, status
//   ("received" / "delivered"), phoneNumberId };
// - 2026-03-30 [P]: the message is `data.resource` { id, direction, text, media, status, errorCode? }
//   and the numbers are in `data.context` { phoneNumberId, senderIdentifier, recipientIdentifiers[] }.
// Fields are read from whichever place has them. Shapes we cannot read are logged, never thrown.
import { z } from "zod";
import { toE164 } from "@/lib/phone";
import type { ParsedWebhook, TextEvent } from "@/lib/telephony/provider-adapter";

export const MESSAGE_EVENTS = new Set(["message.received", "message.delivered", "message.failed", "message.undelivered"]);

/** The report each delivery event stands for (a `message.received` of an outgoing text carries its own status). */
const STATUS_OF_EVENT: Record<string, string> = { "message.delivered": "delivered", "message.failed": "failed", "message.undelivered": "undelivered" };

const looseText = z
  .unknown()
  .optional()
  .transform((value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : null));

/** Error codes come as strings ("0206400") or numbers; both are kept as written. */
const looseCode = z
  .unknown()
  .optional()
  .transform((value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : typeof value === "number" && Number.isFinite(value) ? String(value) : null));

const messageSchema = z.looseObject({
  id: looseText,
  direction: looseText,
  from: z.unknown().optional(),
  to: z.unknown().optional(),
  text: z.unknown().optional(),
  body: z.unknown().optional(),
  media: z.unknown().optional(),
  status: looseText,
  errorCode: looseCode,
  errorMessage: looseText,
});

const contextSchema = z.looseObject({
  senderIdentifier: z.unknown().optional(),
  recipientIdentifiers: z.unknown().optional(),
});

type Envelope = { id: string; type: string; data: unknown };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A number field: a string, or the first string of an array (`to: ["+1…"]`). */
function firstNumber(value: unknown): string | null {
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  if (Array.isArray(value)) return value.find((entry): entry is string => typeof entry === "string" && entry.trim() !== "")?.trim() ?? null;
  return null;
}

function directionOf(raw: string | null, type: string): "incoming" | "outgoing" | null {
  if (raw === "incoming" || raw === "inbound") return "incoming";
  if (raw === "outgoing" || raw === "outbound") return "outgoing";
  if (raw !== null) return null;
  // Delivery events are about outgoing texts only ("An outbound message was delivered / failed").
  return type === "message.received" ? "incoming" : "outgoing";
}

type MessageParts = { message: z.infer<typeof messageSchema>; path: string; from: string | null; to: string | null };

/** The message of a message event and its two numbers as written, from either envelope. */
export function messageOf(data: unknown): MessageParts | null {
  if (!isRecord(data)) return null;
  const [path, raw] = isRecord(data.resource) ? ["data.resource", data.resource] : isRecord(data.object) ? ["data.object", data.object] : [null, null];
  if (!path) return null;
  const message = messageSchema.parse(raw);
  const context = contextSchema.safeParse(data.context);
  const sender = context.success ? firstNumber(context.data.senderIdentifier) : null;
  const recipient = context.success ? firstNumber(context.data.recipientIdentifiers) : null;
  return { message, path, from: firstNumber(message.from) ?? sender, to: firstNumber(message.to) ?? recipient };
}

/** The spa's number of a message event (the `to` of an incoming text, the `from` of an outgoing one), read before verification. */
export function quoMessageLine(type: string, data: unknown): string | null {
  const parts = messageOf(data);
  if (!parts) return null;
  const direction = directionOf(parts.message.direction, type);
  return direction === "outgoing" ? parts.from : parts.to;
}

function bodyOf(message: z.infer<typeof messageSchema>): string | null {
  const value = message.text ?? message.body;
  return typeof value === "string" ? value : null;
}

function mediaCountOf(media: unknown): number {
  return Array.isArray(media) ? media.length : 0;
}

function warn(envelope: Envelope, message: string): void {
  console.warn(`[openphone] ${envelope.type} ${envelope.id}: ${message}`, JSON.stringify(envelope.data)?.slice(0, 2000));
}

/** A verified Quo message event → an inbound text or a report on an outgoing one; never throws. */
export function parseQuoMessage(envelope: Envelope): ParsedWebhook {
  const parts = messageOf(envelope.data);
  if (!parts) return { kind: "invalid", message: `Malformed OpenPhone payload: data.resource or data.object must hold the message (${envelope.type}).` };
  const { message, path } = parts;
  const direction = directionOf(message.direction, envelope.type);
  if (!direction) {
    warn(envelope, `${path}.direction is ${JSON.stringify(message.direction)}`);
    return { kind: "ignored", reason: `${envelope.type} without a readable direction` };
  }
  // The message id names the text for every later report; the event id (stable across retries) stands in when it is missing.
  if (!message.id) warn(envelope, `${path}.id is missing; the event id stands in for the message id`);
  const sid = message.id ?? envelope.id;
  const from = toE164(parts.from);
  const to = toE164(parts.to);

  if (direction === "incoming") {
    if (envelope.type !== "message.received") return { kind: "ignored", reason: `${envelope.type} of an incoming text` };
    if (!to)
      return {
        kind: "invalid",
        message: `Malformed OpenPhone payload: the message's recipient (${path}.to or data.context.recipientIdentifiers) is ${parts.to ? "not a phone number" : "missing"}.`,
      };
    if (!from)
      return {
        kind: "invalid",
        message: `Malformed OpenPhone payload: the message's sender (${path}.from or data.context.senderIdentifier) is ${parts.from ? "not a phone number" : "missing"}.`,
      };
    const body = bodyOf(message) ?? "";
    const text: TextEvent = { kind: "sms", text: { sid, from, to, body, mediaCount: mediaCountOf(message.media) } };
    return { kind: "text", text, eventId: sid, line: to };
  }

  if (!from)
    return {
      kind: "invalid",
      message: `Malformed OpenPhone payload: the outgoing message's sender (${path}.from or data.context.senderIdentifier) is ${parts.from ? "not a phone number" : "missing"}.`,
    };
  if (!to)
    return {
      kind: "invalid",
      message: `Malformed OpenPhone payload: the outgoing message's recipient (${path}.to or data.context.recipientIdentifiers) is ${parts.to ? "not a phone number" : "missing"}.`,
    };
  const status = STATUS_OF_EVENT[envelope.type] ?? message.status ?? "sent";
  const providerError = message.errorCode ? [message.errorCode, message.errorMessage].filter(Boolean).join(" ") : (message.errorMessage ?? null);
  const text: TextEvent = {
    kind: "message_status",
    caller: to,
    report: { sid, status, errorCode: null, messageId: null, providerError, outgoing: { from, to, body: bodyOf(message), mediaCount: mediaCountOf(message.media) } },
  };
  return { kind: "text", text, eventId: `${sid}:${status}`, line: from };
}
