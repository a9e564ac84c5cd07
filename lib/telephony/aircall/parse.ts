// Aircall call events (docs/provider-formats.md#aircall) → CallEvents. Only `token` and `data` of the
// envelope are confirmed and most call fields are UNVERIFIED, so every field the translation does
// not need is optional, and unknown fields and events are let through or ignored, never a crash.
import { z } from "zod";
import { toE164 } from "@/lib/phone";
import { LATEST_CALL, MAX_SECONDS, startBefore, type CallEvent, type Disposition } from "@/lib/telephony/call-event";
import type { ParsedWebhook } from "@/lib/telephony/provider-adapter";
import { AIRCALL_MESSAGE_EVENTS, parseAircallMessage } from "./parse-message";

/** `call.hungup` fires at hang-up, `call.ended` ~30 s later with everything; either can come first. */
const CALL_EVENTS = new Set(["call.ended", "call.hungup", "call.voicemail_left"]);

/**
 * Aircall calls a miss under 10 s `short_abandoned` (often a misdial), which a location may choose
 * not to text, but only `call.ended` says so. A `call.hungup` that short waits for it.
 */
const SHORT_ABANDON_SECONDS = 10;

/** The caller gave up on the menu or the queue rather than nobody picking up. */
const ABANDONED_REASONS = new Set(["short_abandoned", "abandoned_in_ivr", "abandoned_in_classic"]);

/** Any later "unix seconds" are not the time of a call. */
const MAX_UNIX_SECONDS = LATEST_CALL.getTime() / 1000 - 1;

/** Unix seconds; a numeric string is accepted in case a proxy re-encodes the body. */
const unixSeconds = z
  .union([z.number(), z.string().regex(/^\d+$/, "must be unix seconds").transform(Number)])
  .pipe(z.number().int().min(0).max(MAX_UNIX_SECONDS, "must be unix seconds"));

const envelopeSchema = z.object({
  event: z.string().min(1, "is empty"),
  resource: z.string().optional(),
  data: z.unknown(),
});

export const aircallCallSchema = z.object({
  id: z.union([z.number().int(), z.string().min(1)]).transform(String),
  direction: z.string(),
  status: z.string().nullish(),
  missed_call_reason: z.string().nullish(),
  started_at: unixSeconds.nullish(),
  answered_at: unixSeconds.nullish(),
  ended_at: unixSeconds.nullish(),
  duration: z.number().int().min(0).max(MAX_SECONDS).nullish(),
  /** The caller's number as Aircall shows it ("+1 310-555-0111"), or "anonymous". */
  raw_digits: z.string().nullish(),
  /** A URL when the caller left a voicemail; Aircall may send it later than the call. */
  voicemail: z.string().nullish(),
  number: z.object({ digits: z.string() }),
});
export type AircallCall = z.infer<typeof aircallCallSchema>;

function describeIssues(error: z.ZodError, prefix: string): string {
  const issues = error.issues.map((issue) => `${[prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "body"}: ${issue.message}`);
  return `Malformed Aircall event: ${issues.join("; ")}`;
}

/** The Aircall line of a call or text (`data.number.digits`), as written in the body (read before the token check). */
export function aircallDialledNumber(body: unknown): string | null {
  const parsed = z.object({ data: z.object({ number: z.object({ digits: z.string() }) }) }).safeParse(body);
  return parsed.success ? parsed.data.data.number.digits : null;
}

function isUrl(value: string | null | undefined): value is string {
  if (!value) return false;
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function dispositionOf(event: string, call: AircallCall): Disposition {
  const missed = call.answered_at == null || call.missed_call_reason != null;
  if (event === "call.voicemail_left" || (missed && isUrl(call.voicemail))) return "voicemail";
  if (!missed) return "answered";
  return call.missed_call_reason && ABANDONED_REASONS.has(call.missed_call_reason) ? "abandoned" : "missed";
}

export function callEventFromAircall(event: string, call: AircallCall, now: Date): CallEvent | { invalid: string } {
  const to = toE164(call.number.digits);
  if (!to) return { invalid: `Malformed Aircall event: data.number.digits: "${call.number.digits}" is not a phone number` };
  const disposition = dispositionOf(event, call);
  const elapsed = call.started_at != null && call.ended_at != null ? Math.max(0, call.ended_at - call.started_at) : null;
  const duration = call.duration ?? (elapsed !== null && elapsed <= MAX_SECONDS ? elapsed : null);
  const startedAt = call.started_at != null ? new Date(call.started_at * 1000) : startBefore(now, duration);
  const rawFrom = call.raw_digits ?? "";
  return {
    provider: "aircall",
    externalId: call.id,
    disposition,
    from: toE164(rawFrom),
    rawFrom,
    to,
    providerStatus: call.missed_call_reason ?? call.status ?? event,
    startedAt,
    durationSeconds: duration,
    voicemail: isUrl(call.voicemail) ? { url: call.voicemail, seconds: null } : null,
    missedReason: disposition === "answered" ? null : (call.missed_call_reason ?? null),
  };
}

function mightBeShortAbandoned(event: CallEvent): boolean {
  return event.disposition === "missed" && !event.missedReason && event.durationSeconds !== null && event.durationSeconds < SHORT_ABANDON_SECONDS;
}

/** A verified Aircall body → the call or text it reports, or why it is ignored or malformed. */
export function parseAircallWebhook(body: unknown, now: Date): ParsedWebhook {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) return { kind: "invalid", message: describeIssues(envelope.error, "") };
  const { event, resource } = envelope.data;
  if (AIRCALL_MESSAGE_EVENTS.has(event) && (resource === undefined || resource === "message")) return parseAircallMessage(event, envelope.data.data);
  if ((resource !== undefined && resource !== "call") || !CALL_EVENTS.has(event)) {
    return { kind: "ignored", reason: `Aircall ${event} events are not used` };
  }
  const call = aircallCallSchema.safeParse(envelope.data.data);
  if (!call.success) return { kind: "invalid", message: describeIssues(call.error, "data") };
  if (call.data.direction !== "inbound") {
    return { kind: "ignored", reason: `${call.data.direction} call: only inbound calls are missed calls` };
  }
  const translated = callEventFromAircall(event, call.data, now);
  if ("invalid" in translated) return { kind: "invalid", message: translated.invalid };
  if (event === "call.hungup" && mightBeShortAbandoned(translated)) {
    return { kind: "ignored", reason: `call.hungup after under ${SHORT_ABANDON_SECONDS} s: waiting for call.ended to say whether it was short_abandoned` };
  }
  return { kind: "call", event: translated, eventId: `${event}:${call.data.id}` };
}
