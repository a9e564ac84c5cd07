// The JSON a spa's CRM receives for each event: snake_case fields, ISO times, no internal columns.
import { describe, expect, it } from "vitest";
import { newCrmEventId } from "./enqueue";
import { bookingRecordedEvent, callbackCreatedEvent, callMissedEvent, contactTaggedEvent, crmPayload, replyReceivedEvent } from "./events";

const contact = { id: "7d3c1a52-0000-4000-8000-000000000001", phone: "+12135550123", name: "Dana Reyes", kind: "new_lead" as const };
const wireContact = { id: contact.id, phone: "+12135550123", name: "Dana Reyes", kind: "new_lead" };
const at = new Date("2025-03-04T17:05:00.000Z");

describe("CRM event payloads", () => {
  it("contact.tagged marks a new inbound lead", () => {
    const payload = crmPayload(contactTaggedEvent({ ...contact, name: null }), at);
    expect(payload).toEqual({
      type: "contact.tagged",
      timestamp: "2025-03-04T17:05:00.000Z",
      data: { contact: { ...wireContact, name: null, lead_status: "new_inbound" } },
    });
  });

  it("call.missed carries the call with its leak source, and the caller", () => {
    const event = callMissedEvent({
      call: {
        id: "call-1",
        locationId: "loc-1",
        provider: "twilio",
        fromNumber: contact.phone,
        toNumber: "+13105550100",
        disposition: "voicemail",
        leakSource: "lunch_gap",
        startedAt: new Date("2025-03-04T20:40:00Z"),
        durationSeconds: 31,
        voicemailUrl: "https://api.twilio.com/rec/RE1",
      },
      contact,
    });
    expect(event).toEqual({
      type: "call.missed",
      data: {
        call: {
          id: "call-1",
          location_id: "loc-1",
          provider: "twilio",
          from: "+12135550123",
          to: "+13105550100",
          disposition: "voicemail",
          leak_source: "lunch_gap",
          started_at: "2025-03-04T20:40:00.000Z",
          duration_seconds: 31,
          voicemail_url: "https://api.twilio.com/rec/RE1",
        },
        contact: wireContact,
      },
    });
  });

  it("call.missed from an anonymous caller has no contact", () => {
    const event = callMissedEvent({
      call: {
        id: "call-2",
        locationId: "loc-1",
        provider: "twilio",
        fromNumber: "anonymous",
        toNumber: "+13105550100",
        disposition: "missed",
        leakSource: null,
        startedAt: at,
        durationSeconds: null,
        voicemailUrl: null,
      },
      contact: null,
    });
    expect(event.data).toMatchObject({ call: { from: "anonymous", leak_source: null }, contact: null });
  });

  it("reply.received carries the text, when it arrived and whether it was STOP", () => {
    const event = replyReceivedEvent({
      message: {
        id: "m-1",
        conversationId: "conv-1",
        fromNumber: contact.phone,
        toNumber: "+13105550199",
        body: "STOP",
        sentAt: new Date("2025-03-04T17:06:00Z"),
        createdAt: new Date("2025-03-04T17:06:01Z"),
      },
      contact,
      keyword: "opt_out",
    });
    expect(event).toEqual({
      type: "reply.received",
      data: {
        message: { id: "m-1", conversation_id: "conv-1", from: contact.phone, to: "+13105550199", body: "STOP", received_at: "2025-03-04T17:06:00.000Z" },
        keyword: "opt_out",
        contact: wireContact,
      },
    });
  });

  it("callback.created carries reason, priority and due time", () => {
    const event = callbackCreatedEvent({
      callback: { id: "cb-1", locationId: "loc-1", conversationId: "conv-1", callId: "call-1", reason: "voicemail", priority: "hot", dueAt: at },
      contact,
    });
    expect(event.data).toEqual({
      callback: { id: "cb-1", location_id: "loc-1", conversation_id: "conv-1", call_id: "call-1", reason: "voicemail", priority: "hot", due_at: "2025-03-04T17:05:00.000Z" },
      contact: wireContact,
    });
  });

  it("booking.recorded carries the value in integer cents", () => {
    const event = bookingRecordedEvent({
      booking: { id: "b-1", locationId: "loc-1", callId: null, treatment: "Botox", valueCents: 140_000, source: "text_back", status: "booked", bookedFor: null },
      contact,
    });
    expect(event.data).toEqual({
      booking: { id: "b-1", location_id: "loc-1", call_id: null, treatment: "Botox", value_cents: 140_000, source: "text_back", status: "booked", booked_for: null },
      contact: wireContact,
    });
  });

  it("the stamped payload survives a JSON round trip unchanged", () => {
    const payload = crmPayload(contactTaggedEvent(contact), at);
    expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
  });
});

describe("newCrmEventId", () => {
  it("is a msg_ id that never repeats", () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newCrmEventId()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^msg_[0-9a-f]{32}$/);
  });
});
