// Twilio form payloads → CallEvents and typed SMS values, replayed from the real shapes of
// docs/provider-formats.md#twilio (call status, dial action, inbound SMS, message status; see ./fixtures). The docs redact AccountSid as `ACxxx…`;
// a real one is AC + 32 hex characters, so the fixtures carry ACCOUNT_SID. Every other value is as documented.
import { describe, expect, it } from "vitest";
import { CALL_STATUS_FIXTURE, DIAL_ACTION_FIXTURE, INBOUND_SMS_FIXTURE, MESSAGE_STATUS_FIXTURE } from "./samples";
import { callEventFromDial, callEventFromStatus, callStatusSchema, dialActionSchema, inboundSmsSchema, messageStatusSchema, parseTwilio } from "./parse";
import { ACCOUNT_SID, asPosted, messageOf, NOW, valueOf } from "./parse-test-helpers";

const dial = (overrides: Record<string, string> = {}) => valueOf(parseTwilio(dialActionSchema, asPosted({ ...DIAL_ACTION_FIXTURE, ...overrides })));
const status = (overrides: Record<string, string> = {}) => valueOf(parseTwilio(callStatusSchema, asPosted({ ...CALL_STATUS_FIXTURE, ...overrides })));

describe("<Dial action> (§1(b))", () => {
  it("turns the real no-answer payload into a missed call from the caller to the Rebound number", () => {
    expect(callEventFromDial(dial(), NOW)).toEqual({
      provider: "twilio",
      externalId: "CA1111111111111111111111111111111a",
      disposition: "missed",
      from: "+13105550111",
      rawFrom: "+13105550111",
      to: "+13105550199",
      providerStatus: "no-answer",
      startedAt: NOW,
      durationSeconds: 0,
      voicemail: null,
    });
  });

  it.each([
    ["completed", "answered"],
    ["answered", "answered"],
    ["no-answer", "missed"],
    ["canceled", "missed"],
    ["busy", "busy"],
    ["failed", "failed"],
  ] as const)("DialCallStatus=%s → %s", (dialCallStatus, disposition) => {
    const event = callEventFromDial(dial({ DialCallStatus: dialCallStatus }), NOW);
    expect(event.disposition).toBe(disposition);
    expect(event.providerStatus).toBe(dialCallStatus);
  });

  it("dates the call back by the dialled leg's duration when someone answered", () => {
    const event = callEventFromDial(dial({ DialCallStatus: "completed", DialCallDuration: "42", DialBridged: "true" }), NOW);
    expect(event.durationSeconds).toBe(42);
    expect(event.startedAt.toISOString()).toBe("2026-05-12T16:59:18.000Z");
  });

  it("has no duration when Twilio sends none", () => {
    const { DialCallDuration: _omitted, ...withoutDuration } = DIAL_ACTION_FIXTURE;
    const event = callEventFromDial(valueOf(parseTwilio(dialActionSchema, withoutDuration)), NOW);
    expect(event.durationSeconds).toBeNull();
    expect(event.startedAt).toEqual(NOW);
  });

  it.each([
    ["anonymous", null],
    ["+266696687", null],
    ["Restricted", null],
    ["", null],
    ["3105550111", "+13105550111"],
    ["+1 (310) 555-0111", "+13105550111"],
  ])("caller ID %j → from %j, raw value kept", (rawFrom, from) => {
    const event = callEventFromDial(dial({ From: rawFrom }), NOW);
    expect(event.from).toBe(from);
    expect(event.rawFrom).toBe(rawFrom);
  });

  it("treats a payload with no From at all as an anonymous caller", () => {
    const { From: _omitted, ...withoutFrom } = DIAL_ACTION_FIXTURE;
    const event = callEventFromDial(valueOf(parseTwilio(dialActionSchema, withoutFrom)), NOW);
    expect(event.from).toBeNull();
    expect(event.rawFrom).toBe("");
  });

  it("normalises the dialled number to E.164, since it finds the location", () => {
    expect(callEventFromDial(dial({ To: "(310) 555-0199" }), NOW).to).toBe("+13105550199");
  });

  it("refuses a payload without CallSid, naming the field", () => {
    const { CallSid: _omitted, ...withoutSid } = DIAL_ACTION_FIXTURE;
    const message = messageOf(parseTwilio(dialActionSchema, withoutSid));
    expect(message).toMatch(/^Malformed Twilio payload: /);
    expect(message).toContain("CallSid");
  });

  it("refuses a CallSid that is not CA + 32 hex", () => {
    expect(messageOf(parseTwilio(dialActionSchema, { ...DIAL_ACTION_FIXTURE, CallSid: "CA123" }))).toContain("CallSid: CallSid must be CA followed by 32 hex characters");
  });

  it.each(["client:alice", "anonymous", ""])("refuses To=%j, naming the field", (to) => {
    expect(messageOf(parseTwilio(dialActionSchema, { ...DIAL_ACTION_FIXTURE, To: to }))).toContain("To: To is not a phone number");
  });

  it("refuses an unknown DialCallStatus, naming the field", () => {
    const message = messageOf(parseTwilio(dialActionSchema, { ...DIAL_ACTION_FIXTURE, DialCallStatus: "ringing" }));
    expect(message).toContain("DialCallStatus");
    expect(message).not.toContain("CallSid");
  });

  it("refuses a payload with no DialCallStatus (a /voice request posted to /dial)", () => {
    const { DialCallStatus: _omitted, ...voiceOnly } = DIAL_ACTION_FIXTURE;
    expect(messageOf(parseTwilio(dialActionSchema, voiceOnly))).toContain("DialCallStatus");
  });

  it("refuses a malformed AccountSid, naming the field", () => {
    expect(messageOf(parseTwilio(dialActionSchema, { ...DIAL_ACTION_FIXTURE, AccountSid: "AC123" }))).toContain("AccountSid");
  });

  it("lists every problem at once", () => {
    const message = messageOf(parseTwilio(dialActionSchema, { ...DIAL_ACTION_FIXTURE, To: "nope", DialCallStatus: "maybe" }));
    expect(message).toContain("To:");
    expect(message).toContain("DialCallStatus:");
  });
});

describe("call status callback (§1(a))", () => {
  it("turns the real no-answer callback into a missed call that started at its Timestamp", () => {
    expect(callEventFromStatus(status(), NOW)).toEqual({
      provider: "twilio",
      externalId: "CA35c037c9b8bb40c5002e2fe8cbbeecd9",
      disposition: "missed",
      from: "+13105550111",
      rawFrom: "+13105550111",
      to: "+13105550199",
      providerStatus: "no-answer",
      startedAt: new Date("2022-05-07T14:30:14Z"),
      durationSeconds: 0,
      voicemail: null,
    });
  });

  it("keeps the SequenceNumber Twilio sends for deduplication", () => {
    expect(status().SequenceNumber).toBe("2");
  });

  it.each([
    ["completed", "answered"],
    ["no-answer", "missed"],
    ["canceled", "missed"],
    ["busy", "busy"],
    ["failed", "failed"],
  ] as const)("CallStatus=%s → %s", (callStatus, disposition) => {
    const event = callEventFromStatus(status({ CallStatus: callStatus }), NOW);
    expect(event?.disposition).toBe(disposition);
    expect(event?.providerStatus).toBe(callStatus);
  });

  it.each(["queued", "ringing", "in-progress"] as const)("CallStatus=%s is not over yet → no event", (callStatus) => {
    expect(callEventFromStatus(status({ CallStatus: callStatus }), NOW)).toBeNull();
  });

  it("refuses an unknown CallStatus, naming the field", () => {
    expect(messageOf(parseTwilio(callStatusSchema, { ...CALL_STATUS_FIXTURE, CallStatus: "answered" }))).toContain("CallStatus");
  });

  it("starts a completed call at Timestamp minus CallDuration", () => {
    const event = callEventFromStatus(status({ CallStatus: "completed", CallDuration: "95", Duration: "2" }), NOW);
    expect(event?.durationSeconds).toBe(95);
    expect(event?.startedAt.toISOString()).toBe("2022-05-07T14:28:39.000Z");
  });

  it("a real captured busy callback (SipResponseCode=486) is a busy call of 0 seconds", () => {
    const event = callEventFromStatus(status({ CallStatus: "busy", SipResponseCode: "486", CallDuration: "0", Duration: "0" }), NOW);
    expect(event).toMatchObject({ disposition: "busy", durationSeconds: 0, startedAt: new Date("2022-05-07T14:30:14Z") });
  });

  it("falls back to the arrival time when Timestamp is missing or unreadable", () => {
    const { Timestamp: _omitted, ...withoutTimestamp } = CALL_STATUS_FIXTURE;
    const missing = callEventFromStatus(valueOf(parseTwilio(callStatusSchema, { ...withoutTimestamp, CallDuration: "30" })), NOW);
    expect(missing?.startedAt.toISOString()).toBe("2026-05-12T16:59:30.000Z");
    const garbled = callEventFromStatus(status({ Timestamp: "yesterday-ish" }), NOW);
    expect(garbled?.startedAt).toEqual(NOW);
  });

  it("maps a hidden caller ID to from=null, keeping the raw value", () => {
    const event = callEventFromStatus(status({ From: "+266696687", Caller: "+266696687" }), NOW);
    expect(event?.from).toBeNull();
    expect(event?.rawFrom).toBe("+266696687");
  });

  it("refuses a negative or fractional duration", () => {
    expect(messageOf(parseTwilio(callStatusSchema, { ...CALL_STATUS_FIXTURE, CallDuration: "-1" }))).toContain("CallDuration");
    expect(messageOf(parseTwilio(callStatusSchema, { ...CALL_STATUS_FIXTURE, CallDuration: "1.5" }))).toContain("CallDuration");
  });

  it("refuses a callback without CallSid, naming the field", () => {
    const { CallSid: _omitted, ...withoutSid } = CALL_STATUS_FIXTURE;
    expect(messageOf(parseTwilio(callStatusSchema, withoutSid))).toContain("CallSid");
  });
});

describe("inbound SMS (§2(a))", () => {
  it("parses the real STOP message, with Twilio's OptOutType", () => {
    expect(valueOf(parseTwilio(inboundSmsSchema, asPosted(INBOUND_SMS_FIXTURE)))).toEqual({
      AccountSid: ACCOUNT_SID,
      MessageSid: "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      From: "+13105550111",
      To: "+13105550199",
      Body: "STOP",
      NumMedia: 0,
      OptOutType: "STOP",
    });
  });

  it("parses an ordinary reply without OptOutType, keeping the body as written", () => {
    const { OptOutType: _omitted, ...reply } = INBOUND_SMS_FIXTURE;
    const sms = valueOf(parseTwilio(inboundSmsSchema, asPosted({ ...reply, Body: "Hi! Can I book Botox for Friday? 😊" })));
    expect(sms.Body).toBe("Hi! Can I book Botox for Friday? 😊");
    expect(sms.OptOutType).toBeUndefined();
  });

  it.each(["START", "HELP"] as const)("keeps OptOutType=%s", (optOutType) => {
    expect(valueOf(parseTwilio(inboundSmsSchema, { ...INBOUND_SMS_FIXTURE, Body: optOutType, OptOutType: optOutType })).OptOutType).toBe(optOutType);
  });

  it("counts media on an MMS", () => {
    const mms = {
      ...INBOUND_SMS_FIXTURE,
      Body: "",
      NumMedia: "1",
      MediaContentType0: "image/jpeg",
      MediaUrl0: "https://api.twilio.com/2010-04-01/Accounts/AC/Messages/MM/Media/ME",
    };
    const sms = valueOf(parseTwilio(inboundSmsSchema, mms));
    expect(sms.NumMedia).toBe(1);
    expect(sms.Body).toBe("");
  });

  it("refuses a message with no MessageSid, naming the field", () => {
    const { MessageSid: _omitted, ...withoutSid } = INBOUND_SMS_FIXTURE;
    expect(messageOf(parseTwilio(inboundSmsSchema, withoutSid))).toContain("MessageSid");
  });

  it("refuses a sender that is not a phone number, naming From", () => {
    expect(messageOf(parseTwilio(inboundSmsSchema, { ...INBOUND_SMS_FIXTURE, From: "anonymous" }))).toContain("From: From is not a phone number");
  });
});

describe("message status callback (§2(d))", () => {
  it("parses the real undelivered callback with carrier error 30006 as a number", () => {
    expect(valueOf(parseTwilio(messageStatusSchema, asPosted(MESSAGE_STATUS_FIXTURE)))).toEqual({
      AccountSid: ACCOUNT_SID,
      MessageSid: "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      To: "+13105550111",
      MessageStatus: "undelivered",
      ErrorCode: 30006,
    });
  });

  it("parses a delivered callback, which carries no ErrorCode", () => {
    const { ErrorCode: _omitted, ...delivered } = MESSAGE_STATUS_FIXTURE;
    const value = valueOf(parseTwilio(messageStatusSchema, { ...delivered, MessageStatus: "delivered", SmsStatus: "delivered" }));
    expect(value.MessageStatus).toBe("delivered");
    expect(value.ErrorCode).toBeUndefined();
  });

  it("refuses an unknown MessageStatus, naming the field", () => {
    expect(messageOf(parseTwilio(messageStatusSchema, { ...MESSAGE_STATUS_FIXTURE, MessageStatus: "lost" }))).toContain("MessageStatus");
  });
});
