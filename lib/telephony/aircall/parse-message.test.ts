// Aircall message events → the intake's text events, replayed from ./fixtures (the field set of
// docs/provider-formats.md#aircall-message-events: id, direction, external_number, body, status,
// raw_digits, media_details, created_at, number{id,digits}).
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ParsedWebhook, TextEvent } from "@/lib/telephony/provider-adapter";
import messageReceived from "./fixtures/message-received.json";
import messageSent from "./fixtures/message-sent.json";
import messageStatusUpdated from "./fixtures/message-status-updated.json";
import { aircallMessagePayload } from "./message-samples";
import { aircallDialledNumber, parseAircallWebhook } from "./parse";

const NOW = new Date("2024-05-29T16:30:00Z");
const parse = (body: unknown) => parseAircallWebhook(body, NOW);

function textOf(parsed: ParsedWebhook): { text: TextEvent; eventId: string; line: string } {
  if (parsed.kind !== "text") throw new Error(`expected a text event, got ${JSON.stringify(parsed)}`);
  return parsed;
}

afterEach(() => vi.restoreAllMocks());

describe("Aircall message events", () => {
  it("message.received → an inbound text to the line, from external_number", () => {
    const parsed = textOf(parse(messageReceived));
    expect(parsed.text).toEqual({
      kind: "sms",
      text: { sid: "1779973182949pqnihpvazdyw6336", from: "+13105550111", to: "+13105550199", body: "Can I come in at 4?", mediaCount: 0 },
    });
    expect(parsed.eventId).toBe("1779973182949pqnihpvazdyw6336");
    expect(parsed.line).toBe("+13105550199");
    expect(aircallDialledNumber(messageReceived)).toBe("+1 310-555-0199");
  });

  it("message.sent → a report on a text leaving the line, status kept as written", () => {
    const parsed = textOf(parse(messageSent));
    expect(parsed.text).toEqual({
      kind: "message_status",
      caller: "+13105550111",
      report: {
        sid: "1779973244101kqbxwzrtmeaf2219",
        status: "pending",
        errorCode: null,
        messageId: null,
        providerError: null,
        outgoing: { from: "+13105550199", to: "+13105550111", body: "Sorry we missed your call! How can we help?", mediaCount: 0 },
      },
    });
    expect(parsed.eventId).toBe("1779973244101kqbxwzrtmeaf2219:pending");
  });

  it("message.status_updated → a report with the new status; an unknown status is passed through untouched", () => {
    expect(textOf(parse(messageStatusUpdated)).text).toMatchObject({ kind: "message_status", report: { status: "delivered" } });
    const odd = structuredClone(messageStatusUpdated);
    odd.data.status = "carrier_accepted";
    const parsed = textOf(parse(odd));
    expect(parsed.text).toMatchObject({ kind: "message_status", report: { status: "carrier_accepted" } });
    expect(parsed.eventId).toBe("1779973244101kqbxwzrtmeaf2219:carrier_accepted");
  });

  it("numeric ids and a missing direction (one published sample) are read by the event's name", () => {
    const payload = aircallMessagePayload({ token: "t", event: "message.received", line: "+13105550170", other: "+13105550111", body: "hi", direction: null });
    (payload.data as Record<string, unknown>).id = 123456;
    expect(textOf(parse(payload)).text).toMatchObject({ kind: "sms", text: { sid: "123456", from: "+13105550111", to: "+13105550170" } });
  });

  it("a status update of an inbound text is ignored", () => {
    const payload = aircallMessagePayload({
      token: "t",
      event: "message.status_updated",
      line: "+13105550170",
      other: "+13105550111",
      body: "hi",
      direction: "inbound",
      status: "read",
    });
    expect(parse(payload)).toMatchObject({ kind: "ignored" });
  });

  it("a status update without words keeps body null (it can only move a text already on record)", () => {
    const payload = aircallMessagePayload({ token: "t", event: "message.status_updated", line: "+13105550170", other: "+13105550111", body: null, status: "failed" });
    expect(textOf(parse(payload)).text).toMatchObject({ kind: "message_status", report: { status: "failed", outgoing: { body: null } } });
  });

  it("a malformed message names the field", () => {
    const payload = structuredClone(messageReceived) as { data: Record<string, unknown> };
    delete payload.data.number;
    expect(parse(payload)).toMatchObject({ kind: "invalid", message: expect.stringContaining("data.number") });
    const noOther = structuredClone(messageReceived) as { data: Record<string, unknown> };
    noOther.data.external_number = "anonymous";
    noOther.data.raw_digits = null;
    expect(parse(noOther)).toMatchObject({ kind: "invalid", message: expect.stringContaining("external_number") });
  });

  it("call events still parse as calls", () => {
    const parsed = parse({ ...structuredClone(messageReceived), resource: "call", event: "call.created" });
    expect(parsed).toMatchObject({ kind: "ignored" });
  });
});
