// Twilio form payloads (docs/provider-formats.md#twilio) → typed values and CallEvents.
// Validation is tolerant of extra fields: Twilio adds parameters without notice.
import { z } from "zod";
import { toE164 } from "@/lib/phone";
import { MAX_SECONDS, plausibleDate, startBefore, type CallEvent, type Disposition } from "@/lib/telephony/call-event";

const callSid = z.string().regex(/^CA[0-9a-fA-F]{32}$/, "CallSid must be CA followed by 32 hex characters");
const messageSid = z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/, "MessageSid must be SM/MM followed by 32 hex characters");
const accountSid = z.string().regex(/^AC[0-9a-fA-F]{32}$/, "AccountSid must be AC followed by 32 hex characters");
const e164 = (field: string) =>
  z.string().transform((raw, ctx) => {
    const value = toE164(raw);
    if (!value) ctx.addIssue({ code: "custom", message: `${field} is not a phone number` });
    return value ?? "";
  });
const seconds = z.coerce.number().int().min(0).max(MAX_SECONDS).optional();

const voiceBase = z.object({
  AccountSid: accountSid,
  CallSid: callSid,
  From: z.string().default(""),
  To: e164("To"),
});

export const voiceRequestSchema = voiceBase;
export const dialActionSchema = voiceBase.extend({
  DialCallStatus: z.enum(["completed", "answered", "busy", "no-answer", "failed", "canceled"]),
  DialCallDuration: seconds,
});
export const callStatusSchema = voiceBase.extend({
  CallStatus: z.enum(["queued", "ringing", "in-progress", "completed", "busy", "failed", "no-answer", "canceled"]),
  CallDuration: seconds,
  Duration: seconds,
  Timestamp: z.string().optional(),
  SequenceNumber: z.string().optional(),
  /** Present on a child leg's callback (a `<Dial>` the spa's flow placed), absent on the caller's own call. */
  ParentCallSid: z.string().optional(),
});
/** The dialled number when Twilio sends it (the `<Record>` action does; the status callback does not). */
const optionalTo = z
  .string()
  .optional()
  .transform((raw) => (raw ? (toE164(raw) ?? undefined) : undefined));

export const recordingSchema = z.object({
  AccountSid: accountSid,
  CallSid: callSid,
  To: optionalTo,
  RecordingUrl: z.url().optional(),
  RecordingDuration: z.coerce.number().int().max(MAX_SECONDS).optional(),
  RecordingStatus: z.string().optional(),
  RecordingSid: z.string().optional(),
});
export const inboundSmsSchema = z.object({
  AccountSid: accountSid,
  MessageSid: messageSid,
  From: e164("From"),
  To: e164("To"),
  Body: z.string().max(1600).default(""),
  NumMedia: z.coerce.number().int().min(0).default(0),
  OptOutType: z.enum(["STOP", "START", "HELP"]).optional(),
});
export const messageStatusSchema = z.object({
  AccountSid: accountSid,
  MessageSid: messageSid,
  /** The caller the text went to: one caller's events are processed in order. */
  To: optionalTo,
  MessageStatus: z.enum([
    "queued",
    "sending",
    "sent",
    "failed",
    "delivered",
    "undelivered",
    "receiving",
    "received",
    "accepted",
    "scheduled",
    "read",
    "partially_delivered",
    "canceled",
  ]),
  ErrorCode: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
});

/** Wait times are "only available if the call was actually enqueued": anything else reads as unknown. */
const optionalSeconds = z
  .string()
  .optional()
  .transform((raw) => (raw !== undefined && /^\s*\d+\s*$/.test(raw) && Number(raw) <= MAX_SECONDS ? Number(raw) : undefined));

/**
 * `<Enqueue action>` (§1(d)): the caller left the hold queue. QueueResult stays a free word here;
 * `queueOutcomeOf` classifies it, so a value Twilio adds later is logged instead of refused.
 */
export const queueActionSchema = voiceBase.extend({
  QueueResult: z
    .string("QueueResult is missing")
    .transform((raw) => raw.trim().toLowerCase())
    .pipe(z.string().min(1, "QueueResult is empty")),
  QueueSid: z.string().optional(),
  QueueTime: optionalSeconds,
});
/**
 * `<Record transcribeCallback>`: not among the captured examples (docs/provider-formats.md#twilio-transcription), so every field but the two
 * SIDs is optional and TranscriptionStatus is any word (Twilio documents completed | failed).
 */
export const transcriptionSchema = z.object({
  AccountSid: accountSid,
  CallSid: callSid,
  To: optionalTo,
  TranscriptionSid: z.string().optional(),
  TranscriptionStatus: z.string().default(""),
  TranscriptionText: z.string().default(""),
  TranscriptionUrl: z.string().optional(),
  RecordingSid: z.string().optional(),
  RecordingUrl: z.string().optional(),
});

export type DialAction = z.infer<typeof dialActionSchema>;
export type CallStatusCallback = z.infer<typeof callStatusSchema>;
export type RecordingCallback = z.infer<typeof recordingSchema>;
export type InboundSms = z.infer<typeof inboundSmsSchema>;
export type MessageStatusCallback = z.infer<typeof messageStatusSchema>;
export type QueueAction = z.infer<typeof queueActionSchema>;
export type TranscriptionCallback = z.infer<typeof transcriptionSchema>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Parses a payload, or explains in one sentence what is wrong with it (for the 400 answer). */
export function parseTwilio<T>(schema: z.ZodType<T>, params: Record<string, string>): Parsed<T> {
  const result = schema.safeParse(params);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`);
  return { ok: false, message: `Malformed Twilio payload: ${issues.join("; ")}` };
}

const DIAL_DISPOSITION: Record<DialAction["DialCallStatus"], Disposition> = {
  completed: "answered",
  answered: "answered",
  "no-answer": "missed",
  canceled: "missed",
  busy: "busy",
  failed: "failed",
};

/** `<Dial action>`: the spa's line rang out, was busy, or someone answered. */
export function callEventFromDial(payload: DialAction, now: Date): CallEvent {
  return {
    provider: "twilio",
    externalId: payload.CallSid,
    disposition: DIAL_DISPOSITION[payload.DialCallStatus],
    from: toE164(payload.From),
    rawFrom: payload.From,
    to: payload.To,
    providerStatus: payload.DialCallStatus,
    startedAt: startBefore(now, payload.DialCallDuration ?? null),
    durationSeconds: payload.DialCallDuration ?? null,
    voicemail: null,
  };
}

// `completed` only says Twilio connected audio, voicemail and IVRs included: the call stays
// "answered" until its child legs say whether a person picked up (lib/intake/call-legs.ts).
const STATUS_DISPOSITION: Partial<Record<CallStatusCallback["CallStatus"], Disposition>> = {
  completed: "answered",
  "no-answer": "missed",
  canceled: "missed",
  busy: "busy",
  failed: "failed",
};

/** Status callback of a call on the spa's own Twilio number; null while the call is not over. */
export function callEventFromStatus(payload: CallStatusCallback, now: Date): CallEvent | null {
  const disposition = STATUS_DISPOSITION[payload.CallStatus];
  if (!disposition) return null;
  const duration = payload.CallDuration ?? payload.Duration ?? null;
  const endedAt = (payload.Timestamp ? plausibleDate(new Date(payload.Timestamp)) : null) ?? now;
  return {
    provider: "twilio",
    externalId: payload.CallSid,
    disposition,
    from: toE164(payload.From),
    rawFrom: payload.From,
    to: payload.To,
    providerStatus: payload.CallStatus,
    startedAt: startBefore(endedAt, duration),
    durationSeconds: duration,
    voicemail: null,
    ...(payload.CallStatus === "completed" ? { legCheck: { status: "pending", failures: 0 } as const } : {}),
  };
}

/**
 * What a QueueResult means for the caller (Twilio's `<Enqueue>` table of values):
 * - `hangup`: the caller hung up while on hold → abandoned (leak source hold_abandon).
 * - `leave`, `queue-full`, `error`, `system-error`: the caller left the queue, or never got into
 *   it, without reaching anyone → missed. `leave` counts too: with an action URL the call goes on
 *   only with the TwiML we answer, so the spa cannot route the caller anywhere else afterwards.
 * - `bridged`, `redirected-from-bridged`, `bridging-in-process`: someone picked up → not a miss.
 *   Nothing is recorded: this request knows the wait, not the conversation, so an answered call
 *   from here would carry a wrong start and length; the call's status callback records it.
 * - `redirected`: moved out of the queue by the spa's own API call; its new flow reports the outcome.
 * - anything else: unknown, logged rather than guessed.
 */
export type QueueOutcome = "abandoned" | "missed" | "reached" | "redirected" | "unknown";

const QUEUE_OUTCOMES: ReadonlyMap<string, QueueOutcome> = new Map([
  ["hangup", "abandoned"],
  ["leave", "missed"],
  ["queue-full", "missed"],
  ["error", "missed"],
  ["system-error", "missed"],
  ["bridged", "reached"],
  ["redirected-from-bridged", "reached"],
  ["bridging-in-process", "reached"],
  ["redirected", "redirected"],
]);

export function queueOutcomeOf(queueResult: string): QueueOutcome {
  return QUEUE_OUTCOMES.get(queueResult) ?? "unknown";
}

/** `<Enqueue action>`: a CallEvent when the caller left the hold queue unserved, otherwise null. */
export function callEventFromQueue(payload: QueueAction, now: Date): CallEvent | null {
  const outcome = queueOutcomeOf(payload.QueueResult);
  if (outcome !== "abandoned" && outcome !== "missed") return null;
  const waited = payload.QueueTime ?? null;
  return {
    provider: "twilio",
    externalId: payload.CallSid,
    disposition: outcome,
    from: toE164(payload.From),
    rawFrom: payload.From,
    to: payload.To,
    providerStatus: payload.QueueResult,
    startedAt: startBefore(now, waited),
    durationSeconds: waited,
    voicemail: null,
  };
}
