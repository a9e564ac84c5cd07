// Aircall message events (docs/provider-formats.md#aircall-message-events) → the intake's text events.
// Aircall fires them for lines in native mode only [C]: `message.received` (a text to the line),
// `message.sent` (a text leaving it: Rebound's own through the API, or one a person typed in the
// Aircall app) and `message.status_updated` [P]. The message `data` [P]: `id`, `direction`,
// `external_number` (the other party), `body`, `status`, `raw_digits`, `media_details[]`,
// `created_at`, `number { id, digits }`. Status values are UNVERIFIED: they are kept as written
// (./delivery-status.ts maps the ones it knows and logs the rest). `direction` is absent from one
// published sample, so the event's name decides when it is missing.
import { z } from "zod";
import { toE164 } from "@/lib/phone";
import type { ParsedWebhook, TextEvent } from "@/lib/telephony/provider-adapter";

export const AIRCALL_MESSAGE_EVENTS = new Set(["message.received", "message.sent", "message.status_updated"]);

const looseText = z
  .unknown()
  .optional()
  .transform((value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : null));

export const aircallMessageSchema = z.looseObject({
  /** A number in some accounts, a string ("1779973182949pqnihpvazdyw6336") in others. */
  id: z.union([z.number().int(), z.string().trim().min(1)]).transform(String),
  direction: looseText,
  external_number: looseText,
  raw_digits: looseText,
  body: z.unknown().optional(),
  status: looseText,
  media_details: z.unknown().optional(),
  number: z.looseObject({ digits: z.string() }),
});
type AircallMessage = z.infer<typeof aircallMessageSchema>;

function directionOf(raw: string | null, event: string): "inbound" | "outbound" | null {
  if (raw === "inbound" || raw === "incoming") return "inbound";
  if (raw === "outbound" || raw === "outgoing") return "outbound";
  if (raw !== null) return null;
  return event === "message.received" ? "inbound" : "outbound";
}

function warn(event: string, id: string, message: string): void {
  console.warn(`[aircall] ${event} ${id}: ${message}`);
}

function describeIssues(error: z.ZodError): string {
  const issues = error.issues.map((issue) => `${["data", ...issue.path.map(String)].join(".")}: ${issue.message}`);
  return `Malformed Aircall event: ${issues.join("; ")}`;
}

const bodyOf = (message: AircallMessage) => (typeof message.body === "string" ? message.body : null);
const mediaCountOf = (message: AircallMessage) => (Array.isArray(message.media_details) ? message.media_details.length : 0);

/** A verified Aircall message event → an inbound text or a report on an outgoing one. */
export function parseAircallMessage(event: string, data: unknown): ParsedWebhook {
  const parsed = aircallMessageSchema.safeParse(data);
  if (!parsed.success) return { kind: "invalid", message: describeIssues(parsed.error) };
  const message = parsed.data;
  const line = toE164(message.number.digits);
  if (!line) return { kind: "invalid", message: `Malformed Aircall event: data.number.digits: "${message.number.digits}" is not a phone number` };
  const direction = directionOf(message.direction, event);
  if (!direction) {
    warn(event, message.id, `data.direction is ${JSON.stringify(message.direction)}`);
    return { kind: "ignored", reason: `${event} without a readable direction` };
  }
  const rawOther = message.external_number ?? message.raw_digits;
  const other = toE164(rawOther);
  if (!other) return { kind: "invalid", message: `Malformed Aircall event: data.external_number is ${rawOther ? `"${rawOther}", not a phone number` : "missing"}` };

  if (direction === "inbound") {
    // A status update of a text the line received says nothing Rebound shows.
    if (event !== "message.received") return { kind: "ignored", reason: `${event} of an inbound text` };
    const text: TextEvent = { kind: "sms", text: { sid: message.id, from: other, to: line, body: bodyOf(message) ?? "", mediaCount: mediaCountOf(message) } };
    return { kind: "text", text, eventId: message.id, line };
  }
  const status = message.status ?? (event === "message.sent" ? "sent" : null);
  if (!status) {
    warn(event, message.id, "data.status is missing");
    return { kind: "ignored", reason: `${event} without a status` };
  }
  const text: TextEvent = {
    kind: "message_status",
    caller: other,
    report: {
      sid: message.id,
      status,
      errorCode: null,
      messageId: null,
      providerError: null,
      outgoing: { from: line, to: other, body: bodyOf(message), mediaCount: mediaCountOf(message) },
    },
  };
  return { kind: "text", text, eventId: `${message.id}:${status}`, line };
}
