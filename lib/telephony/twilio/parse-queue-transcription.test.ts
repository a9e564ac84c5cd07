// Twilio's hold-queue and transcription callbacks → CallEvents and typed values. The `<Enqueue action>`
// payload follows docs/provider-formats.md#twilio-enqueue-action (QueueResult values from Twilio's `<Enqueue>` table); the
// transcription callback is not among the captured examples (docs/provider-formats.md#twilio-transcription), so it carries the fields Twilio's `<Record>` docs list.
import { describe, expect, it } from "vitest";
import { callEventFromQueue, parseTwilio, queueActionSchema, queueOutcomeOf, transcriptionSchema } from "./parse";
import { ACCOUNT_SID, asPosted, messageOf, NOW, valueOf } from "./parse-test-helpers";

/**
 * docs/provider-formats.md#twilio-enqueue-action: the `<Enqueue action>` request of a caller who hung up on hold after 47 s:
 * the standard call params of the parent call plus QueueResult, QueueSid and QueueTime.
 */
const QUEUE_ACTION_FIXTURE: Readonly<Record<string, string>> = {
  CallSid: "CA1111111111111111111111111111111a",
  AccountSid: ACCOUNT_SID,
  From: "+13105550111",
  To: "+13105550199",
  Direction: "inbound",
  CallStatus: "completed",
  ApiVersion: "2010-04-01",
  QueueResult: "hangup",
  QueueSid: "QU5ef8732a3c49700934481addd5ce1659",
  QueueTime: "47",
};

const queue = (overrides: Record<string, string> = {}) => valueOf(parseTwilio(queueActionSchema, asPosted({ ...QUEUE_ACTION_FIXTURE, ...overrides })));
function without(fields: Readonly<Record<string, string>>, ...names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter(([name]) => !names.includes(name)));
}

describe("<Enqueue action> (§1(d))", () => {
  it("turns a hang-up on hold into an abandoned call that started QueueTime seconds ago", () => {
    expect(callEventFromQueue(queue(), NOW)).toEqual({
      provider: "twilio",
      externalId: "CA1111111111111111111111111111111a",
      disposition: "abandoned",
      from: "+13105550111",
      rawFrom: "+13105550111",
      to: "+13105550199",
      providerStatus: "hangup",
      startedAt: new Date("2026-05-12T16:59:13Z"),
      durationSeconds: 47,
      voicemail: null,
    });
  });

  it.each([
    ["hangup", "abandoned"],
    ["leave", "missed"],
    ["queue-full", "missed"],
    ["error", "missed"],
    ["system-error", "missed"],
  ] as const)("QueueResult=%s: the caller reached nobody → %s", (queueResult, disposition) => {
    const event = callEventFromQueue(queue({ QueueResult: queueResult }), NOW);
    expect(event?.disposition).toBe(disposition);
    expect(event?.providerStatus).toBe(queueResult);
  });

  it.each(["bridged", "redirected-from-bridged", "bridging-in-process", "redirected"])("QueueResult=%s is not a miss → no call event", (queueResult) => {
    expect(callEventFromQueue(queue({ QueueResult: queueResult }), NOW)).toBeNull();
  });

  it.each([
    ["hangup", "abandoned"],
    ["bridged", "reached"],
    ["redirected", "redirected"],
    ["timeout", "unknown"],
    ["constructor", "unknown"],
    ["__proto__", "unknown"],
  ] as const)("queueOutcomeOf(%j) = %s", (queueResult, outcome) => {
    expect(queueOutcomeOf(queueResult)).toBe(outcome);
  });

  it("accepts a QueueResult Twilio has not documented, so it can be logged instead of refused", () => {
    const payload = queue({ QueueResult: "timeout" });
    expect(payload.QueueResult).toBe("timeout");
    expect(callEventFromQueue(payload, NOW)).toBeNull();
  });

  it("reads QueueResult whatever its case and surrounding spaces", () => {
    expect(callEventFromQueue(queue({ QueueResult: " Hangup " }), NOW)?.disposition).toBe("abandoned");
  });

  it("a queue-full rejection carries no QueueSid or QueueTime: a missed call starting now, length unknown", () => {
    const rejected = valueOf(parseTwilio(queueActionSchema, { ...without(QUEUE_ACTION_FIXTURE, "QueueSid", "QueueTime"), QueueResult: "queue-full" }));
    expect(callEventFromQueue(rejected, NOW)).toMatchObject({ disposition: "missed", startedAt: NOW, durationSeconds: null });
  });

  it.each(["", "soon", "-3", "1.5", "12s"])("an unreadable QueueTime %j does not lose the text-back: the wait is unknown", (queueTime) => {
    const event = callEventFromQueue(queue({ QueueTime: queueTime }), NOW);
    expect(event).toMatchObject({ disposition: "abandoned", startedAt: NOW, durationSeconds: null });
  });

  it("maps a withheld caller ID to from=null, keeping the raw value", () => {
    const event = callEventFromQueue(queue({ From: "anonymous" }), NOW);
    expect(event?.from).toBeNull();
    expect(event?.rawFrom).toBe("anonymous");
  });

  it("refuses a request without QueueResult (not an Enqueue action), naming the field", () => {
    const message = messageOf(parseTwilio(queueActionSchema, without(QUEUE_ACTION_FIXTURE, "QueueResult")));
    expect(message).toMatch(/^Malformed Twilio payload: /);
    expect(message).toContain("QueueResult");
  });

  it("refuses an empty QueueResult", () => {
    expect(messageOf(parseTwilio(queueActionSchema, { ...QUEUE_ACTION_FIXTURE, QueueResult: "  " }))).toContain("QueueResult: QueueResult is empty");
  });

  it("refuses a missing CallSid or a dialled number that is not a phone number, naming the fields", () => {
    const message = messageOf(parseTwilio(queueActionSchema, { ...without(QUEUE_ACTION_FIXTURE, "CallSid"), To: "client:frontdesk" }));
    expect(message).toContain("CallSid");
    expect(message).toContain("To: To is not a phone number");
  });
});

/**
 * `<Record transcribeCallback>` request with the fields Twilio's `<Record>` documentation lists
 * (docs/provider-formats.md#twilio-transcription): a completed transcription of a voicemail.
 */
const TRANSCRIPTION_FIXTURE: Readonly<Record<string, string>> = {
  TranscriptionSid: "TR0123456789abcdef0123456789abcdef",
  TranscriptionText: "Hi, this is Dana. I'd like to book Botox for Friday afternoon, please call me back.",
  TranscriptionStatus: "completed",
  TranscriptionUrl: `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT_SID}/Transcriptions/TR0123456789abcdef0123456789abcdef`,
  RecordingSid: "RE0123456789abcdef0123456789abcdef",
  RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT_SID}/Recordings/RE0123456789abcdef0123456789abcdef`,
  CallSid: "CA1111111111111111111111111111111a",
  AccountSid: ACCOUNT_SID,
};

describe("transcription callback", () => {
  it("parses every documented field, the text exactly as posted", () => {
    expect(valueOf(parseTwilio(transcriptionSchema, asPosted(TRANSCRIPTION_FIXTURE)))).toEqual(TRANSCRIPTION_FIXTURE);
  });

  it("tolerates a callback carrying only the call: status and text default to empty", () => {
    const minimal = valueOf(parseTwilio(transcriptionSchema, { CallSid: TRANSCRIPTION_FIXTURE.CallSid!, AccountSid: ACCOUNT_SID }));
    expect(minimal).toEqual({ CallSid: "CA1111111111111111111111111111111a", AccountSid: ACCOUNT_SID, TranscriptionStatus: "", TranscriptionText: "" });
  });

  it("tolerates extra fields and an undocumented status", () => {
    const value = valueOf(parseTwilio(transcriptionSchema, { ...TRANSCRIPTION_FIXTURE, TranscriptionStatus: "in-progress", CallStatus: "completed", From: "+13105550111" }));
    expect(value.TranscriptionStatus).toBe("in-progress");
  });

  it("refuses a callback without CallSid, naming the field", () => {
    expect(messageOf(parseTwilio(transcriptionSchema, without(TRANSCRIPTION_FIXTURE, "CallSid")))).toContain("CallSid");
  });

  it("refuses a malformed AccountSid, naming the field", () => {
    expect(messageOf(parseTwilio(transcriptionSchema, { ...TRANSCRIPTION_FIXTURE, AccountSid: "ACxxxxxxxx" }))).toContain("AccountSid");
  });
});
