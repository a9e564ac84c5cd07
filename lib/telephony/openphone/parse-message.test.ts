// Quo message events → the intake's text events, replayed from ./fixtures: legacy-message-received.json
// is the docs' sample (`to` an array, `text`, status "delivered" on an incoming text) with its
// numbers replaced by valid fictional ones (the docs' +1 555-555-5555 is no phone number);
// legacy-message-received-capture.json has what real captures show (`to` a string, `body`, status
// "received"); message-*.json are the 2026-03-30 envelope (`data.resource` + `data.context`).
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ParsedWebhook, TextEvent } from "@/lib/telephony/provider-adapter";
import legacyDelivered from "./fixtures/legacy-message-delivered.json";
import legacyReceived from "./fixtures/legacy-message-received.json";
import legacyCapture from "./fixtures/legacy-message-received-capture.json";
import messageDelivered from "./fixtures/message-delivered.json";
import messageFailed from "./fixtures/message-failed.json";
import messageReceived from "./fixtures/message-received.json";
import { quoMessagePayload } from "./message-samples";
import { openPhoneLineNumber, parseOpenPhoneWebhook } from "./parse";

const NOW = new Date("2026-05-12T17:10:00Z");
const parse = (body: unknown) => parseOpenPhoneWebhook(body, NOW);

function textOf(parsed: ParsedWebhook): { text: TextEvent; eventId: string; line: string } {
  if (parsed.kind !== "text") throw new Error(`expected a text event, got ${JSON.stringify(parsed)}`);
  return parsed;
}

afterEach(() => vi.restoreAllMocks());

describe("incoming texts", () => {
  it("legacy docs sample: `to` array, `text`, status delivered → an inbound text to the spa's line", () => {
    const parsed = textOf(parse(legacyReceived));
    expect(parsed.text).toEqual({
      kind: "sms",
      text: { sid: "AC24a8b8321c4f4cf2be110f4250793d51", from: "+13105550111", to: "+13105550160", body: "Hello, world!", mediaCount: 0 },
    });
    expect(parsed.eventId).toBe("AC24a8b8321c4f4cf2be110f4250793d51");
    expect(parsed.line).toBe("+13105550160");
    expect(openPhoneLineNumber(legacyReceived)).toBe("+13105550160");
  });

  it("legacy capture: `to` a string and `body` instead of `text`", () => {
    const parsed = textOf(parse(legacyCapture));
    expect(parsed.text).toMatchObject({ kind: "sms", text: { from: "+13105550111", to: "+13105550160", body: "Yes please call me back" } });
    expect(openPhoneLineNumber(legacyCapture)).toBe("+13105550160");
  });

  it("2026-03-30: the numbers come from data.context (sender, first recipient)", () => {
    const parsed = textOf(parse(messageReceived));
    expect(parsed.text).toEqual({
      kind: "sms",
      text: { sid: "AC3b1f2e4d5c6a7b8c9d0e1f2a3b4c5d6e", from: "+13105550111", to: "+13105550160", body: "hello", mediaCount: 0 },
    });
    expect(parsed.line).toBe("+13105550160");
    expect(openPhoneLineNumber(messageReceived)).toBe("+13105550160");
  });

  it("a picture with no words counts its media", () => {
    const payload = structuredClone(messageReceived);
    Object.assign(payload.data.resource, { text: "", media: [{ url: "https://m.openph.one/x.jpg", type: "image/jpeg" }] });
    expect(textOf(parse(payload)).text).toMatchObject({ kind: "sms", text: { body: "", mediaCount: 1 } });
  });

  it("a sender that is not a phone number (a short code's name) is refused with the field named", () => {
    const payload = structuredClone(messageReceived);
    payload.data.context.senderIdentifier = "ACME";
    const parsed = parse(payload);
    expect(parsed).toMatchObject({ kind: "invalid", message: expect.stringContaining("senderIdentifier") });
  });
});

describe("outgoing texts and delivery reports", () => {
  it("2026-03-30 message.delivered → a delivered report from the spa's line, with the words for echo matching", () => {
    const parsed = textOf(parse(messageDelivered));
    expect(parsed.text).toEqual({
      kind: "message_status",
      caller: "+13105550111",
      report: {
        sid: "AC4c2e3f5a6b7c8d9e0f1a2b3c4d5e6f7a",
        status: "delivered",
        errorCode: null,
        messageId: null,
        providerError: null,
        outgoing: { from: "+13105550160", to: "+13105550111", body: "Sorry we missed your call! How can we help?", mediaCount: 0 },
      },
    });
    expect(parsed.eventId).toBe("AC4c2e3f5a6b7c8d9e0f1a2b3c4d5e6f7a:delivered");
    expect(parsed.line).toBe("+13105550160");
    expect(openPhoneLineNumber(messageDelivered)).toBe("+13105550160");
  });

  it("message.failed keeps Quo's error code as written", () => {
    const parsed = textOf(parse(messageFailed));
    expect(parsed.text).toMatchObject({ kind: "message_status", report: { status: "failed", providerError: "30006", errorCode: null } });
    expect(parsed.eventId).toBe("AC5d3f4a6b7c8d9e0f1a2b3c4d5e6f7a8b:failed");
  });

  it("message.undelivered (UNVERIFIED) is tolerated as an undelivered report", () => {
    const payload = { ...structuredClone(messageFailed), type: "message.undelivered" };
    expect(textOf(parse(payload)).text).toMatchObject({ kind: "message_status", report: { status: "undelivered" } });
  });

  it("legacy message.delivered: `to` array, from the spa's line", () => {
    const parsed = textOf(parse(legacyDelivered));
    expect(parsed.text).toMatchObject({ kind: "message_status", caller: "+13105550111", report: { status: "delivered", outgoing: { from: "+13105550160", to: "+13105550111" } } });
    expect(openPhoneLineNumber(legacyDelivered)).toBe("+13105550160");
  });

  it("a message.received with direction outgoing (a text leaving the line) is a report, not a reply", () => {
    const payload = quoMessagePayload({
      generation: "legacy",
      type: "message.received",
      direction: "outgoing",
      from: "+13105550160",
      to: "+13105550111",
      body: "On my way",
      toAs: "string",
    });
    const parsed = textOf(parse(payload));
    expect(parsed.text).toMatchObject({ kind: "message_status", report: { status: "sent", outgoing: { from: "+13105550160", to: "+13105550111", body: "On my way" } } });
    expect(parsed.line).toBe("+13105550160");
  });

  it("a delivery event about an incoming text is ignored", () => {
    const payload = { ...structuredClone(legacyReceived), type: "message.delivered" };
    expect(parse(payload)).toMatchObject({ kind: "ignored" });
  });

  it("an unreadable direction is logged and ignored", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const payload = structuredClone(messageReceived);
    payload.data.resource.direction = "sideways";
    expect(parse(payload)).toMatchObject({ kind: "ignored" });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("direction"), expect.any(String));
  });
});

describe("the samples are the fixtures", () => {
  for (const generation of ["current", "legacy"] as const) {
    it(`${generation}: an incoming sample parses back to what it was built from`, () => {
      const payload = quoMessagePayload({ generation, type: "message.received", from: "+13105550111", to: "+13105550160", body: "Is 3pm free?", id: "ACsample" });
      expect(textOf(parse(payload)).text).toEqual({ kind: "sms", text: { sid: "ACsample", from: "+13105550111", to: "+13105550160", body: "Is 3pm free?", mediaCount: 0 } });
    });
  }

  it("legacy with `to` as a string and `body`", () => {
    const payload = quoMessagePayload({ generation: "legacy", type: "message.received", from: "+13105550111", to: "+13105550160", body: "hi", toAs: "string", bodyField: "body" });
    expect(textOf(parse(payload)).text).toMatchObject({ kind: "sms", text: { to: "+13105550160", body: "hi" } });
  });
});
