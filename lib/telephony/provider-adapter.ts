// What a JSON phone system (OpenPhone / Quo, Aircall, generic) provides to the intake's front door
// (lib/intake/json-door.ts): how to find the dialled number, verify, and translate its webhooks.
import type { SecretProvider } from "@/lib/integrations/secrets";
import type { InboundEvent } from "@/lib/intake/inbound-event";
import type { CallEvent } from "./call-event";

export type Verification = { ok: true } | { ok: false; reason: string };

/**
 * What a provider's webhook means, once verified. `eventId` names this delivery (a retry repeats
 * it): two events of one call (Aircall call.hungup then call.ended) have different ids.
 */
export type ParsedWebhook =
  | { kind: "call"; event: CallEvent; eventId: string }
  | { kind: "text"; text: TextEvent; eventId: string; line: string }
  | { kind: "ignored"; reason: string }
  | { kind: "invalid"; message: string };

/**
 * A text event of a provider that carries texts as well as calls (Quo, Aircall): an inbound text,
 * or a report on an outgoing one. `line` is the spa's number it happened on (the text's `to`, or the
 * outgoing text's `from`), which must be the number the signature was checked for.
 */
export type TextEvent = Extract<InboundEvent, { kind: "sms" | "message_status" }>;

export type ProviderAdapter = {
  /** Also which of the organization's secrets verifies it (lib/integrations/secrets.ts). */
  provider: SecretProvider;
  /** The number the caller dialled, as the provider wrote it (read before verification, to find the org). */
  dialledNumber: (body: unknown) => string | null;
  verify: (input: { rawBody: string; headers: Headers; secret: string; body: unknown; now: Date }) => Verification;
  parse: (body: unknown, now: Date) => ParsedWebhook;
};
