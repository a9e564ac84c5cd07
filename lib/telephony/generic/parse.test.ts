// The documented generic event (docs/webhooks.md; ./fixtures) → CallEvents, and 400 messages
// that name the field a sender must fix.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ParsedWebhook } from "@/lib/telephony/provider-adapter";
import type { CallEvent } from "@/lib/telephony/call-event";
import { genericEvent } from "@/lib/telephony/generic/samples";
import answered from "./fixtures/call-answered.json";
import missed from "./fixtures/call-missed.json";
import voicemail from "./fixtures/call-voicemail.json";
import { genericDialledNumber, parseGenericWebhook } from "./parse";

function callOf(parsed: ParsedWebhook): CallEvent {
  if (parsed.kind !== "call") throw new Error(`expected a call, got ${JSON.stringify(parsed)}`);
  return parsed.event;
}
function messageOf(parsed: ParsedWebhook): string {
  if (parsed.kind !== "invalid") throw new Error(`expected invalid, got ${JSON.stringify(parsed)}`);
  return parsed.message;
}

describe("parseGenericWebhook", () => {
  it("turns the documented call.missed example into a missed call", () => {
    expect(callOf(parseGenericWebhook(missed))).toEqual({
      provider: "generic",
      externalId: "call_8f14e45fceea167a",
      disposition: "missed",
      from: "+13105550111",
      rawFrom: "+13105550111",
      to: "+13105550100",
      providerStatus: "call.missed",
      startedAt: new Date("2026-05-12T17:00:00Z"),
      durationSeconds: 24,
      voicemail: null,
      transcript: null,
    });
  });

  it("call.voicemail carries the recording, its length and the transcript", () => {
    expect(callOf(parseGenericWebhook(voicemail))).toMatchObject({
      externalId: "call_8f14e45fceea167a",
      disposition: "voicemail",
      voicemail: { url: "https://pbx.example.com/recordings/call_8f14e45fceea167a.mp3", seconds: 19 },
      transcript: "Hi, this is Dana, I'd like to book a facial for Friday afternoon. Call me back please.",
    });
  });

  it("a call.missed with a voicemail_url is a voicemail", () => {
    expect(callOf(parseGenericWebhook({ ...missed, voicemail_url: "https://pbx.example.com/v.mp3" }))).toMatchObject({
      disposition: "voicemail",
      voicemail: { url: "https://pbx.example.com/v.mp3", seconds: null },
    });
  });

  it("call.answered is logged as answered; a local-time offset is read correctly", () => {
    expect(callOf(parseGenericWebhook(answered))).toMatchObject({ disposition: "answered", startedAt: new Date("2026-05-13T00:05:00Z"), durationSeconds: 182 });
  });

  it.each([null, "", "anonymous"])("a hidden caller ID (%j) leaves nobody to text", (from) => {
    expect(callOf(parseGenericWebhook({ ...missed, from }))).toMatchObject({ from: null, rawFrom: from ?? "" });
  });

  it("accepts US numbers written nationally, stored in E.164", () => {
    expect(callOf(parseGenericWebhook({ ...missed, from: "(310) 555-0111", to: "310-555-0100" }))).toMatchObject({ from: "+13105550111", to: "+13105550100" });
  });

  it("optional fields may be left out", () => {
    const { duration_seconds: _d, ...minimal } = missed;
    expect(callOf(parseGenericWebhook(minimal))).toMatchObject({ durationSeconds: null, voicemail: null, transcript: null });
  });

  it("ignores event types it does not use, with a reason", () => {
    expect(parseGenericWebhook({ ...missed, type: "call.ringing" })).toEqual({ kind: "ignored", reason: "event type call.ringing is not used" });
  });

  it.each([
    ["a missing call_id", { ...missed, call_id: undefined }, "call_id:"],
    ["an empty id", { ...missed, id: "" }, "id: must not be empty"],
    ["a missing type", { ...missed, type: undefined }, "type:"],
    ["a `to` that is not a phone number", { ...missed, to: "front desk" }, "to: is not a phone number"],
    ["a missing from", { ...missed, from: undefined }, "from:"],
    ["started_at without a time zone", { ...missed, started_at: "2026-05-12 17:00" }, "started_at: must be an ISO 8601 date-time"],
    ["started_at in unix seconds", { ...missed, started_at: 1778605200 }, "started_at:"],
    ["a negative duration", { ...missed, duration_seconds: -1 }, "duration_seconds:"],
    ["a voicemail_url that is not http(s)", { ...missed, voicemail_url: "ftp://pbx/v.mp3" }, "voicemail_url: must be an http(s) URL"],
    ["call.voicemail with no voicemail_url", { ...voicemail, voicemail_url: undefined }, "voicemail_url: is required for call.voicemail"],
  ])("%s → invalid, naming the field", (_name, body, expected) => {
    const message = messageOf(parseGenericWebhook(body));
    expect(message).toMatch(/^Malformed generic event: /);
    expect(message).toContain(expected);
  });

  it("a body that is not an object is invalid", () => {
    expect(messageOf(parseGenericWebhook([missed]))).toContain("body:");
  });
});

describe("genericDialledNumber", () => {
  it("reads `to` before anything is verified", () => {
    expect(genericDialledNumber(missed)).toBe("+13105550100");
    expect(genericDialledNumber({ to: 3105550100 })).toBeNull();
  });
});

describe("the documented example and the payload builder", () => {
  it("docs/webhooks.md shows exactly the call.missed fixture", () => {
    const docs = readFileSync(path.join(process.cwd(), "docs/webhooks.md"), "utf8");
    const example = /### The event\n\n```json\n([\s\S]*?)```/.exec(docs)?.[1] ?? "";
    expect(JSON.parse(example)).toEqual(missed);
  });

  it("the generic sample (./samples) writes the fixture's fields and parses to a missed call", () => {
    const built = genericEvent({ from: "+13105550111", to: "+13105550100" });
    expect(Object.keys(built).sort()).toEqual(Object.keys(missed).sort());
    expect(callOf(parseGenericWebhook(built))).toMatchObject({ disposition: "missed", externalId: built.call_id });
    expect(Object.keys(genericEvent({ from: null, to: "+13105550100", type: "call.voicemail", transcript: "hi" })).sort()).toEqual(Object.keys(voicemail).sort());
  });
});
