// What the front doors store and the batches read back: the key that makes a repeated delivery one
// row, the caller and call that order one caller's events, and a call that survives the JSON trip.
import { describe, expect, it } from "vitest";
import type { CallEvent } from "@/lib/telephony/call-event";
import { eventOf, rowOf } from "./inbound-event";

const CALL: CallEvent = {
  provider: "twilio",
  externalId: "CA0001",
  disposition: "missed",
  from: "+13105550111",
  rawFrom: "+13105550111",
  to: "+13105550100",
  providerStatus: "no-answer",
  startedAt: new Date("2026-05-12T17:00:00Z"),
  durationSeconds: null,
  voicemail: null,
};

describe("a stored inbound event", () => {
  it("a call is keyed by its kind and the provider's id, ordered by its caller and its call, and reads back the same", () => {
    const row = rowOf({ kind: "call", call: CALL }, "twilio", "CA0001");
    expect(row).toMatchObject({ provider: "twilio", eventId: "call:CA0001", kind: "call", callerKey: "+13105550111", callRef: "CA0001" });
    const stored = JSON.parse(JSON.stringify(row.payload)) as unknown;
    expect(eventOf("call", stored, row.callerKey)).toEqual({ kind: "call", call: CALL });
  });

  it("an anonymous caller is ordered by the caller id as sent, so their events still queue behind each other", () => {
    const row = rowOf({ kind: "call", call: { ...CALL, from: null, rawFrom: "anonymous" } }, "twilio", "CA0002");
    expect(row.callerKey).toBe("anonymous");
  });

  it("the same id under two kinds is two events (a call's dial action and its recording are both kept)", () => {
    const call = rowOf({ kind: "call", call: CALL }, "twilio", "CA0001");
    const voicemail = rowOf(
      { kind: "voicemail", voicemail: { provider: "twilio", callRef: "CA0001", recording: { url: "https://api.twilio.com/r.mp3", seconds: 9 }, transcript: null } },
      "twilio",
      "CA0001",
    );
    expect(call.eventId).not.toBe(voicemail.eventId);
    expect([voicemail.callRef, voicemail.callerKey]).toEqual(["CA0001", null]);
  });

  it("a text is ordered by its sender; a delivery report by the caller it went to, when the provider names one", () => {
    const sms = rowOf({ kind: "sms", text: { sid: "SM1", from: "+13105550111", to: "+13105550100", body: "STOP", mediaCount: 0 } }, "twilio", "SM1");
    expect([sms.eventId, sms.callerKey, sms.callRef]).toEqual(["sms:SM1", "+13105550111", null]);
    const report = { sid: "SM2", status: "delivered", errorCode: null, messageId: null };
    expect(rowOf({ kind: "message_status", report, caller: "+13105550111" }, "twilio", "SM2:delivered").callerKey).toBe("+13105550111");
    expect(eventOf("message_status", report, null)).toEqual({ kind: "message_status", report, caller: null });
  });
});
