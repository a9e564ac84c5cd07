// Real-format Aircall message webhooks (docs/provider-formats.md#aircall-message-events), for the
// tests and the simulator: copies of ./fixtures with only ids, numbers, words and status replaced.
// Send them with aircallRequest (./samples.ts): Aircall authenticates by the `token` in the body.
import { randomBytes } from "node:crypto";
import messageReceived from "./fixtures/message-received.json";
import messageSent from "./fixtures/message-sent.json";
import messageStatusUpdated from "./fixtures/message-status-updated.json";
import { aircallDigits } from "./samples";

export type AircallMessageEvent = "message.received" | "message.sent" | "message.status_updated";

/** An Aircall message id in the shape of the published sample (digits, then letters and digits). */
export const aircallMessageId = (): string => `${Date.now()}${randomBytes(8).toString("hex")}`;

export type AircallMessagePayload = Record<string, unknown> & { token: string; data: Record<string, unknown> };

export function aircallMessagePayload(input: {
  token: string;
  event: AircallMessageEvent;
  /** The Aircall line (the spa's number). */
  line: string;
  /** The other party (the caller). */
  other: string;
  /** Words; null for a status update that does not repeat them. */
  body: string | null;
  id?: string;
  status?: string;
  /** Defaults: inbound for message.received, outbound otherwise; null leaves the field out (one published sample has none). */
  direction?: "inbound" | "outbound" | null;
}): AircallMessagePayload {
  const fixture = input.event === "message.received" ? messageReceived : input.event === "message.sent" ? messageSent : messageStatusUpdated;
  const copy = structuredClone(fixture) as Record<string, unknown> & { data: Record<string, unknown> };
  const direction = input.direction === undefined ? (input.event === "message.received" ? "inbound" : "outbound") : input.direction;
  const { direction: _direction, ...data } = copy.data;
  copy.data = {
    ...data,
    ...(direction ? { direction } : {}),
    id: input.id ?? aircallMessageId(),
    external_number: input.other,
    raw_digits: aircallDigits(input.other),
    body: input.body,
    status: input.status ?? (copy.data.status as string),
    number: { ...(copy.data.number as Record<string, unknown>), digits: aircallDigits(input.line) },
  };
  return { ...copy, token: input.token, timestamp: Math.floor(Date.now() / 1000) };
}
