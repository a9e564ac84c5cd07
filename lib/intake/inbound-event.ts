// What the front doors store (one row of inbound_events) and the processing loop reads back: every
// provider's webhook, translated, as one of four kinds. Pure.
import type { NewInboundEvent } from "@/db/queries/inbound-events";
import type { InboundKind } from "@/db/schema";
import type { CallEvent, Provider } from "@/lib/telephony/call-event";

/** An inbound text (Twilio's messaging webhook, Quo's or Aircall's `message.received`); `sid` is the provider's message id. */
export type InboundText = { sid: string; from: string; to: string; body: string; mediaCount: number; optOutType?: "STOP" | "START" | "HELP" };

/** A voicemail's recording and / or transcript, for a call known by the provider's id. */
export type VoicemailEvent = {
  provider: Provider;
  callRef: string;
  recording: { url: string; seconds: number | null } | null;
  transcript: { text: string; sid: string | null } | null;
};

/**
 * An outgoing text as Quo or Aircall report it: they fire webhooks for every text leaving the
 * number, Rebound's own (an echo) and the ones a person typed in their app alike.
 */
export type OutgoingText = { from: string; to: string; body: string | null; mediaCount: number };

/**
 * A delivery report of an outgoing text: `status` is the provider's own word (mapped in
 * ./delivery-status.ts); `messageId` from our Twilio StatusCallback URL, when it names one.
 * Quo and Aircall give `outgoing` (the text itself) and their error as text (`providerError`:
 * their codes are not Twilio's numbers).
 */
export type StatusReport = {
  sid: string;
  status: string;
  errorCode: number | null;
  messageId: string | null;
  outgoing?: OutgoingText;
  providerError?: string | null;
};

export type InboundEvent =
  | { kind: "call"; call: CallEvent }
  | { kind: "voicemail"; voicemail: VoicemailEvent }
  | { kind: "sms"; text: InboundText }
  | { kind: "message_status"; report: StatusReport; caller: string | null };

/** The row a front door stores for `event`; `eventId` is the provider's name for this delivery. */
export function rowOf(event: InboundEvent, provider: Provider, eventId: string): NewInboundEvent {
  const base = { provider, eventId: `${event.kind}:${eventId}`, kind: event.kind as InboundKind };
  switch (event.kind) {
    case "call":
      return { ...base, callerKey: event.call.from ?? event.call.rawFrom, callRef: event.call.externalId, payload: event.call };
    case "voicemail":
      return { ...base, callerKey: null, callRef: event.voicemail.callRef, payload: event.voicemail };
    case "sms":
      return { ...base, callerKey: event.text.from, callRef: null, payload: event.text };
    case "message_status":
      return { ...base, callerKey: event.caller, callRef: null, payload: event.report };
  }
}

/** A stored payload back as the event it was (JSON turned the call's dates into strings). */
export function eventOf(kind: InboundKind, payload: unknown, callerKey: string | null): InboundEvent {
  switch (kind) {
    case "call": {
      const call = payload as CallEvent & { startedAt: string | Date };
      return { kind, call: { ...call, startedAt: new Date(call.startedAt) } };
    }
    case "voicemail":
      return { kind, voicemail: payload as VoicemailEvent };
    case "sms":
      return { kind, text: payload as InboundText };
    case "message_status":
      return { kind, report: payload as StatusReport, caller: callerKey };
  }
}
