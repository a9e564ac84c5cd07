// OpenPhone / Quo JSON events (docs/provider-formats.md#openphone--quo) → CallEvents. Both generations share the
// envelope `{ id, type, apiVersion, createdAt, data }` and are parsed by one tolerant reader.
//
// Legacy (verified, Pipedream fixture): the call is `data.object` with `id` ("AC…"), `direction`
// (`incoming`/`outgoing`), `from`, `to`, `answeredAt` (null when nobody picked up), `createdAt`,
// `completedAt`, `status` (still "completed" for a missed call), `voicemail { url, duration }`.
//
// Current generation (API 2026-03-30): the per-event `data` fields are UNVERIFIED. Quo's overview
// page names `data.resource` (the business object), `data.context` (phone number, participants…)
// and `data.links`; its event index says `call.voicemail.completed` correlates through
// `resource.callId`. ASSUMPTION: the call is `data.resource`, else `data.object`, else `data`
// itself, carrying the legacy call-object fields; the numbers fall back to
// `context.participants.external[0]` (caller) / `workspace[0]` (the spa's line); the voicemail
// URL may be `voicemail.url`, `recordingUrl` or `url`. Shapes we cannot read are logged
// (console.warn), never thrown.
import { z } from "zod";
import { toE164 } from "@/lib/phone";
import { MAX_SECONDS, plausibleDate, type CallEvent, type Disposition } from "@/lib/telephony/call-event";
import type { ParsedWebhook } from "@/lib/telephony/provider-adapter";
import { MESSAGE_EVENTS, parseQuoMessage, quoMessageLine } from "./parse-message";

const text = z.string().trim().min(1);
const looseText = z
  .unknown()
  .optional()
  .transform((value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : null));
const seconds = z
  .unknown()
  .optional()
  .transform((value) => (typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= MAX_SECONDS ? Math.round(value) : null));

export const envelopeSchema = z.looseObject({
  id: text,
  type: text,
  apiVersion: z.unknown().optional(),
  createdAt: looseText,
  data: z.unknown(),
});

const voicemailSchema = z.looseObject({ url: looseText, duration: seconds, transcript: looseText, transcription: looseText });

/** Every field optional: which ones a current-generation event carries is not documented. */
export const callObjectSchema = z.looseObject({
  id: looseText,
  callId: looseText,
  direction: looseText,
  from: z.unknown().optional(),
  to: z.unknown().optional(),
  status: looseText,
  answeredAt: z.unknown().optional(),
  createdAt: looseText,
  duration: seconds,
  voicemail: z.unknown().optional(),
  recordingUrl: looseText,
  url: looseText,
  transcript: looseText,
});

const contextSchema = z.looseObject({
  participants: z
    .looseObject({ external: z.array(z.unknown()).optional(), workspace: z.array(z.unknown()).optional() })
    .optional()
    .catch(undefined),
});

type CallObject = z.infer<typeof callObjectSchema>;
type Envelope = z.infer<typeof envelopeSchema>;

const HANDLED = new Set(["call.missed", "call.voicemail.completed", "call.completed"]);
const KNOWN_CALL_EVENTS = new Set([
  "call.ringing",
  "call.answered",
  "call.forwarded",
  "call.menu.selected",
  "call.recording.completed",
  "call.summary.completed",
  "call.transcript.completed",
]);
/** Only consulted when `answeredAt` is absent; legacy misses keep status "completed", current values are UNVERIFIED. */
const MISSED_STATUSES = new Set(["missed", "no-answer", "abandoned", "canceled"]);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The call object of an event, and the path it was found at (for messages). */
export function callObjectOf(data: unknown): { path: string; call: CallObject; context: unknown } | null {
  if (!isRecord(data)) return null;
  const [path, raw] = isRecord(data.resource) ? ["data.resource", data.resource] : isRecord(data.object) ? ["data.object", data.object] : ["data", data];
  return { path, call: callObjectSchema.parse(raw), context: data.context };
}

function participant(context: unknown, side: "external" | "workspace"): string | null {
  const parsed = contextSchema.safeParse(context);
  const list = parsed.success ? parsed.data.participants?.[side] : undefined;
  return list?.find((entry): entry is string => typeof entry === "string" && toE164(entry) !== null) ?? null;
}

function numberField(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (isRecord(value) && typeof value.phoneNumber === "string") return value.phoneNumber;
  return null;
}

function directionOf(raw: string | null): "incoming" | "outgoing" | null {
  if (raw === "incoming" || raw === "inbound") return "incoming";
  if (raw === "outgoing" || raw === "outbound") return "outgoing";
  return null;
}

function voicemailOf(call: CallObject): { url: string | null; seconds: number | null; transcript: string | null } {
  const nested = voicemailSchema.safeParse(call.voicemail);
  const inner = nested.success ? nested.data : null;
  return {
    url: inner?.url ?? call.recordingUrl ?? call.url,
    seconds: inner?.duration ?? call.duration,
    transcript: inner?.transcript ?? inner?.transcription ?? call.transcript,
  };
}

function dateOf(value: string | null): Date | null {
  if (!value) return null;
  return plausibleDate(new Date(value));
}

/** Whether a `call.completed` was answered: true / false, or null when the event does not say. */
function answeredOf(call: CallObject): boolean | null {
  if (typeof call.answeredAt === "string" && call.answeredAt !== "") return true;
  if (call.answeredAt === null) return false;
  if (call.status && MISSED_STATUSES.has(call.status)) return false;
  if (call.status === "answered") return true;
  return null;
}

function warn(envelope: Envelope, message: string): void {
  console.warn(`[openphone] ${envelope.type} ${envelope.id}: ${message}`, JSON.stringify(envelope.data)?.slice(0, 2000));
}

/** Parses a verified OpenPhone / Quo body; never throws. */
export function parseOpenPhoneWebhook(body: unknown, now: Date): ParsedWebhook {
  if (!isRecord(body)) return { kind: "invalid", message: "Malformed OpenPhone payload: the body must be a JSON object." };
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) {
    const fields = envelope.error.issues.map((issue) => issue.path.join(".") || "body");
    return { kind: "invalid", message: `Malformed OpenPhone payload: ${[...new Set(fields)].join(", ")} missing or not a non-empty string.` };
  }
  const event = envelope.data;
  if (MESSAGE_EVENTS.has(event.type)) return parseQuoMessage(event);
  if (!HANDLED.has(event.type)) {
    if (event.type.startsWith("call.") && !KNOWN_CALL_EVENTS.has(event.type)) warn(event, "unknown call event type");
    return { kind: "ignored", reason: `${event.type} does not need a text-back` };
  }
  const found = callObjectOf(event.data);
  if (!found) return { kind: "invalid", message: `Malformed OpenPhone payload: data must be an object holding the call (${event.type}).` };
  return callEvent(event, found, now);
}

function callEvent(event: Envelope, found: NonNullable<ReturnType<typeof callObjectOf>>, now: Date): ParsedWebhook {
  const { path, call, context } = found;
  if (path === "data") warn(event, "no data.resource or data.object; read the call from data itself");

  // Voicemail events reference their call through callId; call events carry it as id. The real
  // legacy fixture has no call id at all: the event id then stands in (one call.completed per call).
  const callId = event.type === "call.voicemail.completed" ? (call.callId ?? call.id) : (call.id ?? call.callId);
  if (!callId) warn(event, `${path}.id is missing; the event id stands in for the call id`);
  const externalId = callId ?? event.id;

  // call.missed and voicemails only happen on incoming calls; a completed call must say.
  const direction = directionOf(call.direction) ?? (event.type === "call.completed" ? null : "incoming");
  if (!direction) {
    warn(event, `${path}.direction is ${JSON.stringify(call.direction)}`);
    return { kind: "ignored", reason: `${event.type} without a readable direction` };
  }
  if (direction === "outgoing") return { kind: "ignored", reason: "outgoing call" };

  const rawTo = numberField(call.to) ?? participant(context, "workspace");
  const to = toE164(rawTo);
  if (!to) return { kind: "invalid", message: `Malformed OpenPhone payload: ${path}.to (the number dialled) is ${rawTo ? "not a phone number" : "missing"}.` };
  const rawFrom = numberField(call.from) ?? participant(context, "external") ?? "";

  const recorded = voicemailOf(call);
  const voicemail = recorded.url ? { url: recorded.url, seconds: recorded.seconds } : null;
  let disposition: Disposition;
  if (event.type === "call.voicemail.completed") {
    if (!voicemail) warn(event, "voicemail event without a recording URL");
    disposition = "voicemail";
  } else if (event.type === "call.missed") {
    disposition = voicemail ? "voicemail" : "missed";
  } else {
    const answered = answeredOf(call);
    if (answered === null) {
      warn(event, `${path}.answeredAt is absent; cannot tell whether the call was answered`);
      return { kind: "ignored", reason: "call.completed without answeredAt" };
    }
    disposition = answered ? "answered" : voicemail ? "voicemail" : "missed";
  }

  const callEvent: CallEvent = {
    provider: "openphone",
    externalId,
    disposition,
    from: toE164(rawFrom),
    rawFrom,
    to,
    providerStatus: call.status ?? event.type,
    startedAt: dateOf(call.createdAt) ?? dateOf(event.createdAt) ?? now,
    durationSeconds: event.type === "call.voicemail.completed" ? null : call.duration,
    voicemail,
    transcript: recorded.transcript,
  };
  return { kind: "call", event: callEvent, eventId: event.id };
}

/** The spa's number on this call or text (the one dialled or texted, or the one that called or texted out), read before verification. */
export function openPhoneLineNumber(body: unknown): string | null {
  if (!isRecord(body)) return null;
  if (typeof body.type === "string" && MESSAGE_EVENTS.has(body.type)) return quoMessageLine(body.type, body.data);
  const found = callObjectOf(body.data);
  if (!found) return null;
  const outgoing = directionOf(found.call.direction) === "outgoing";
  return numberField(outgoing ? found.call.from : found.call.to) ?? participant(found.context, "workspace");
}
