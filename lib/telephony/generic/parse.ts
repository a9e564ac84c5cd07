// The documented generic call event (docs/webhooks.md) → a CallEvent. Strict about the fields a
// text-back depends on, so a sender learns at once (400, naming the field) what to fix; unknown
// event types are acknowledged and ignored, so a sender can add types without breaking.
import { z } from "zod";
import { toE164 } from "@/lib/phone";
import { MAX_SECONDS, plausibleDate, type CallEvent, type Disposition } from "@/lib/telephony/call-event";
import type { ParsedWebhook } from "@/lib/telephony/provider-adapter";

export const GENERIC_EVENT_TYPES = ["call.missed", "call.answered", "call.voicemail"] as const;
export type GenericEventType = (typeof GENERIC_EVENT_TYPES)[number];

const DISPOSITION: Record<GenericEventType, Disposition> = {
  "call.missed": "missed",
  "call.answered": "answered",
  "call.voicemail": "voicemail",
};

const seconds = z.number().int().min(0).max(MAX_SECONDS);

export const genericEventSchema = z
  .object({
    id: z.string().min(1, "must not be empty").max(200),
    type: z.enum(GENERIC_EVENT_TYPES),
    call_id: z.string().min(1, "must not be empty").max(200),
    /** The caller; null, "" or "anonymous" when caller ID is hidden (nobody to text). */
    from: z.string().max(64).nullable(),
    to: z.string().refine((value) => toE164(value) !== null, "is not a phone number (use E.164, e.g. +13105550100)"),
    started_at: z.iso
      .datetime({ offset: true, message: "must be an ISO 8601 date-time with a time zone, e.g. 2026-05-12T17:00:00Z" })
      .refine((value) => plausibleDate(new Date(value)) !== null, "must be between 1970 and 2999"),
    duration_seconds: seconds.nullish(),
    voicemail_url: z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).nullish(),
    voicemail_seconds: seconds.nullish(),
    transcript: z.string().max(20_000).nullish(),
  })
  .superRefine((event, ctx) => {
    if (event.type === "call.voicemail" && !event.voicemail_url) {
      ctx.addIssue({ code: "custom", path: ["voicemail_url"], message: "is required for call.voicemail" });
    }
  });
export type GenericEvent = z.infer<typeof genericEventSchema>;

/** The number the caller dialled, as written in the body (read before the signature check). */
export function genericDialledNumber(body: unknown): string | null {
  const parsed = z.object({ to: z.string() }).safeParse(body);
  return parsed.success ? parsed.data.to : null;
}

export function callEventFromGeneric(event: GenericEvent): CallEvent {
  const disposition = event.type === "call.missed" && event.voicemail_url ? "voicemail" : DISPOSITION[event.type];
  return {
    provider: "generic",
    externalId: event.call_id,
    disposition,
    from: toE164(event.from),
    rawFrom: event.from ?? "",
    to: toE164(event.to) ?? event.to,
    providerStatus: event.type,
    startedAt: new Date(event.started_at),
    durationSeconds: event.duration_seconds ?? null,
    voicemail: event.voicemail_url ? { url: event.voicemail_url, seconds: event.voicemail_seconds ?? null } : null,
    transcript: event.transcript ?? null,
  };
}

/** A verified generic body → the call it reports, or why it is ignored or malformed. */
export function parseGenericWebhook(body: unknown): ParsedWebhook {
  const envelope = z.object({ type: z.string().min(1, "must not be empty") }).safeParse(body);
  if (envelope.success && !(GENERIC_EVENT_TYPES as readonly string[]).includes(envelope.data.type)) {
    return { kind: "ignored", reason: `event type ${envelope.data.type} is not used` };
  }
  const parsed = genericEventSchema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.map(String).join(".") || "body"}: ${issue.message}`);
    return { kind: "invalid", message: `Malformed generic event: ${issues.join("; ")}` };
  }
  return { kind: "call", event: callEventFromGeneric(parsed.data), eventId: parsed.data.id };
}
