// Real-format Quo message webhooks (docs/provider-formats.md#quo-message-events), for the tests and the
// simulator: copies of ./fixtures with only ids, numbers, words and times replaced. Sign them with
// signedOpenPhoneRequest (./samples.ts), which picks the signature scheme from the payload's apiVersion.
import legacyDelivered from "./fixtures/legacy-message-delivered.json";
import legacyReceived from "./fixtures/legacy-message-received.json";
import messageDelivered from "./fixtures/message-delivered.json";
import messageFailed from "./fixtures/message-failed.json";
import messageReceived from "./fixtures/message-received.json";
import { openphoneId, type OpenPhonePayload } from "./samples";

export type QuoMessageType = "message.received" | "message.delivered" | "message.failed" | "message.undelivered";

export type QuoMessageInput = {
  generation: "current" | "legacy";
  type: QuoMessageType;
  /** The sender and the recipient, as the text went (the caller → the spa's line for an incoming text). */
  from: string;
  to: string;
  body: string;
  /** Quo's message id ("AC…"); a fresh one by default. */
  id?: string;
  /** Defaults: incoming for message.received, outgoing for the delivery events. */
  direction?: "incoming" | "outgoing";
  /** Legacy only: `to` as the docs' array (default) or as the real capture's string. */
  toAs?: "array" | "string";
  /** Legacy only: the words in `text` (the docs, default) or in `body` (other captures). */
  bodyField?: "text" | "body";
  /** message.failed: the carrier's or provider's code. */
  errorCode?: string;
  at?: Date;
};

const template = (input: QuoMessageInput): object => {
  if (input.generation === "legacy") return input.type === "message.received" && input.direction !== "outgoing" ? legacyReceived : legacyDelivered;
  if (input.type === "message.failed" || input.type === "message.undelivered") return messageFailed;
  return input.type === "message.received" && input.direction !== "outgoing" ? messageReceived : messageDelivered;
};

const STATUS: Record<QuoMessageType, string> = {
  "message.received": "received",
  "message.delivered": "delivered",
  "message.failed": "failed",
  "message.undelivered": "undelivered",
};

export function quoMessagePayload(input: QuoMessageInput): OpenPhonePayload {
  const at = input.at ?? new Date();
  const copy = structuredClone(template(input)) as OpenPhonePayload;
  const id = input.id ?? openphoneId("AC");
  const direction = input.direction ?? (input.type === "message.received" ? "incoming" : "outgoing");
  const status = direction === "outgoing" && input.type === "message.received" ? "sent" : STATUS[input.type];
  const createdAt = new Date(at.getTime() - 1_000).toISOString();
  if (input.generation === "legacy") {
    const { text: _text, ...object } = copy.data.object as Record<string, unknown>;
    copy.data.object = {
      ...object,
      id,
      from: input.from,
      to: input.toAs === "string" ? input.to : [input.to],
      direction,
      [input.bodyField ?? "text"]: input.body,
      status,
      createdAt,
    };
  } else {
    const resource = copy.data.resource as Record<string, unknown>;
    const { errorCode: _errorCode, ...rest } = resource;
    copy.data.resource = { ...rest, id, direction, text: input.body, status, createdAt, ...(input.errorCode ? { errorCode: input.errorCode } : {}) };
    copy.data.context = { ...(copy.data.context as Record<string, unknown>), senderIdentifier: input.from, recipientIdentifiers: [input.to] };
  }
  return { ...copy, id: openphoneId("EV"), type: input.type, createdAt: at.toISOString() };
}
