// The events Rebound POSTs to a spa's CRM, and the builders that turn domain rows into them.
// Field names are snake_case on the wire; times are ISO 8601 in UTC. Pure: no I/O.
import type { Booking, Call, Callback, Contact, Message } from "@/db/schema";
import type { Keyword } from "@/lib/messaging/opt-out";

export type CrmContact = { id: string; phone: string; name: string | null; kind: Contact["kind"] };

export type CrmEventData = {
  /** A caller became a new inbound lead (first time this number reached the spa). */
  "contact.tagged": { contact: CrmContact & { lead_status: "new_inbound" } };
  "call.missed": {
    call: {
      id: string;
      location_id: string;
      provider: Call["provider"];
      from: string;
      to: string;
      disposition: Call["disposition"];
      leak_source: Call["leakSource"];
      started_at: string;
      duration_seconds: number | null;
      voicemail_url: string | null;
    };
    /** Null for an anonymous caller: the call is reported, nobody can be texted. */
    contact: CrmContact | null;
  };
  "reply.received": {
    message: { id: string; conversation_id: string; from: string; to: string; body: string; received_at: string };
    /** A carrier keyword the reply was (opt_out for STOP…), or null for an ordinary reply. */
    keyword: Keyword | null;
    contact: CrmContact;
  };
  "callback.created": {
    callback: {
      id: string;
      location_id: string;
      conversation_id: string | null;
      call_id: string | null;
      reason: string;
      priority: Callback["priority"];
      due_at: string;
    };
    contact: CrmContact;
  };
  "booking.recorded": {
    booking: {
      id: string;
      location_id: string;
      call_id: string | null;
      treatment: string;
      value_cents: number;
      source: string;
      status: Booking["status"];
      booked_for: string | null;
    };
    contact: CrmContact;
  };
};

export type CrmEventType = keyof CrmEventData;
export const CRM_EVENT_TYPES = ["contact.tagged", "call.missed", "reply.received", "callback.created", "booking.recorded"] as const satisfies readonly CrmEventType[];

/** One event before it is stamped: what `enqueueCrmEvent` takes. */
export type CrmEvent = { [K in CrmEventType]: { type: K; data: CrmEventData[K] } }[CrmEventType];
/** The JSON body a receiver gets. */
export type CrmPayload = { [K in CrmEventType]: { type: K; timestamp: string; data: CrmEventData[K] } }[CrmEventType];

export function crmPayload(event: CrmEvent, at: Date): CrmPayload {
  return { ...event, timestamp: at.toISOString() };
}

type ContactRow = Pick<Contact, "id" | "phone" | "name" | "kind">;

function contactOf(contact: ContactRow): CrmContact {
  return { id: contact.id, phone: contact.phone, name: contact.name, kind: contact.kind };
}

const iso = (at: Date | null): string | null => (at ? at.toISOString() : null);

export function contactTaggedEvent(contact: ContactRow): CrmEvent {
  return { type: "contact.tagged", data: { contact: { ...contactOf(contact), lead_status: "new_inbound" } } };
}

export function callMissedEvent({
  call,
  contact,
}: {
  call: Pick<Call, "id" | "locationId" | "provider" | "fromNumber" | "toNumber" | "disposition" | "leakSource" | "startedAt" | "durationSeconds" | "voicemailUrl">;
  contact: ContactRow | null;
}): CrmEvent {
  return {
    type: "call.missed",
    data: {
      call: {
        id: call.id,
        location_id: call.locationId,
        provider: call.provider,
        from: call.fromNumber,
        to: call.toNumber,
        disposition: call.disposition,
        leak_source: call.leakSource,
        started_at: call.startedAt.toISOString(),
        duration_seconds: call.durationSeconds,
        voicemail_url: call.voicemailUrl,
      },
      contact: contact ? contactOf(contact) : null,
    },
  };
}

export function replyReceivedEvent({
  message,
  contact,
  keyword,
}: {
  message: Pick<Message, "id" | "conversationId" | "fromNumber" | "toNumber" | "body" | "sentAt" | "createdAt">;
  contact: ContactRow;
  keyword: Keyword | null;
}): CrmEvent {
  return {
    type: "reply.received",
    data: {
      message: {
        id: message.id,
        conversation_id: message.conversationId,
        from: message.fromNumber,
        to: message.toNumber,
        body: message.body,
        received_at: (message.sentAt ?? message.createdAt).toISOString(),
      },
      keyword,
      contact: contactOf(contact),
    },
  };
}

export function callbackCreatedEvent({
  callback,
  contact,
}: {
  callback: Pick<Callback, "id" | "locationId" | "conversationId" | "callId" | "reason" | "priority" | "dueAt">;
  contact: ContactRow;
}): CrmEvent {
  return {
    type: "callback.created",
    data: {
      callback: {
        id: callback.id,
        location_id: callback.locationId,
        conversation_id: callback.conversationId,
        call_id: callback.callId,
        reason: callback.reason,
        priority: callback.priority,
        due_at: callback.dueAt.toISOString(),
      },
      contact: contactOf(contact),
    },
  };
}

export function bookingRecordedEvent({
  booking,
  contact,
}: {
  booking: Pick<Booking, "id" | "locationId" | "callId" | "treatment" | "valueCents" | "source" | "status" | "bookedFor">;
  contact: ContactRow;
}): CrmEvent {
  return {
    type: "booking.recorded",
    data: {
      booking: {
        id: booking.id,
        location_id: booking.locationId,
        call_id: booking.callId,
        treatment: booking.treatment,
        value_cents: booking.valueCents,
        source: booking.source,
        status: booking.status,
        booked_for: iso(booking.bookedFor),
      },
      contact: contactOf(contact),
    },
  };
}
