// Aircall call events → CallEvents, replayed from the shape in docs/provider-formats.md#aircall (./fixtures:
// call-ended-missed.json is the documented example with a concrete token; the others change only
// the event name and the fields that event is about).
import { describe, expect, it } from "vitest";
import { aircallCallPayload } from "@/lib/telephony/aircall/samples";
import answered from "./fixtures/call-ended-answered.json";
import ended from "./fixtures/call-ended-missed.json";
import hungup from "./fixtures/call-hungup.json";
import voicemailLeft from "./fixtures/call-voicemail-left.json";
import { aircallDialledNumber, parseAircallWebhook } from "./parse";
import type { ParsedWebhook } from "@/lib/telephony/provider-adapter";
import type { CallEvent } from "@/lib/telephony/call-event";

const NOW = new Date("2024-05-29T16:27:00Z");

function callOf(parsed: ParsedWebhook): CallEvent {
  if (parsed.kind !== "call") throw new Error(`expected a call, got ${JSON.stringify(parsed)}`);
  return parsed.event;
}
const withData = <T extends { data: object }>(fixture: T, data: Record<string, unknown>) => ({ ...fixture, data: { ...fixture.data, ...data } });

describe("call.ended", () => {
  it("turns the documented unanswered inbound call into a missed call from the caller to the dialled number", () => {
    expect(callOf(parseAircallWebhook(ended, NOW))).toEqual({
      provider: "aircall",
      externalId: "123456789",
      disposition: "missed",
      from: "+13105550111",
      rawFrom: "+1 310-555-0111",
      to: "+13105550199",
      providerStatus: "agents_did_not_answer",
      startedAt: new Date(1716999940 * 1000),
      durationSeconds: 50,
      voicemail: null,
      missedReason: "agents_did_not_answer",
    });
  });

  it("attaches the voicemail URL and calls it a voicemail", () => {
    const event = callOf(parseAircallWebhook(withData(ended, { voicemail: "https://voicemails.aircall.example/1.mp3" }), NOW));
    expect(event.disposition).toBe("voicemail");
    expect(event.voicemail).toEqual({ url: "https://voicemails.aircall.example/1.mp3", seconds: null });
  });

  it.each(["short_abandoned", "abandoned_in_ivr", "abandoned_in_classic"])("%s is an abandoned call that keeps its reason", (reason) => {
    const event = callOf(parseAircallWebhook(withData(ended, { missed_call_reason: reason }), NOW));
    expect(event.disposition).toBe("abandoned");
    expect(event.missedReason).toBe(reason);
  });

  it.each(["out_of_opening_hours", "no_available_agent", "agents_did_not_answer"])("%s is a missed call", (reason) => {
    expect(callOf(parseAircallWebhook(withData(ended, { missed_call_reason: reason }), NOW)).disposition).toBe("missed");
  });

  it("a missed_call_reason makes it a miss even with answered_at set", () => {
    expect(callOf(parseAircallWebhook(withData(answered, { missed_call_reason: "no_available_agent" }), NOW)).disposition).toBe("missed");
  });

  it("an answered inbound call is logged as answered, without a miss reason", () => {
    const event = callOf(parseAircallWebhook(answered, NOW));
    expect(event).toMatchObject({ disposition: "answered", externalId: "123456790", missedReason: null, providerStatus: "done" });
  });

  it("a hidden caller ID gives no number to text, and keeps what Aircall showed", () => {
    const event = callOf(parseAircallWebhook(withData(ended, { raw_digits: "anonymous" }), NOW));
    expect(event.from).toBeNull();
    expect(event.rawFrom).toBe("anonymous");
  });

  it("tolerates missing optional fields: no started_at or duration → timed from now", () => {
    const { started_at: _s, duration: _d, ended_at: _e, status: _st, missed_call_reason: _m, ...data } = ended.data;
    const event = callOf(parseAircallWebhook({ ...ended, data }, NOW));
    expect(event).toMatchObject({ disposition: "missed", startedAt: NOW, durationSeconds: null, providerStatus: "call.ended" });
  });

  it("ignores a voicemail field that is not a URL", () => {
    expect(callOf(parseAircallWebhook(withData(ended, { voicemail: "pending" }), NOW))).toMatchObject({ disposition: "missed", voicemail: null });
  });
});

describe("call.hungup and call.voicemail_left", () => {
  it("call.hungup (less data) is the same missed call, same id", () => {
    const event = callOf(parseAircallWebhook(hungup, NOW));
    expect(event).toMatchObject({ externalId: "123456789", disposition: "missed", from: "+13105550111", to: "+13105550199", missedReason: null });
  });

  it("a call.hungup under 10 s is left to call.ended, which says whether it was short_abandoned", () => {
    expect(parseAircallWebhook(withData(hungup, { duration: 6 }), NOW)).toEqual({
      kind: "ignored",
      reason: "call.hungup after under 10 s: waiting for call.ended to say whether it was short_abandoned",
    });
    expect(parseAircallWebhook(withData(hungup, { duration: null, ended_at: 1716999945 }), NOW).kind).toBe("ignored");
    expect(callOf(parseAircallWebhook(withData(hungup, { duration: 10 }), NOW)).disposition).toBe("missed");
    expect(callOf(parseAircallWebhook(withData(hungup, { duration: null, ended_at: null }), NOW)).disposition).toBe("missed");
  });

  it("a short call.ended is translated as it is (it carries the reason)", () => {
    expect(callOf(parseAircallWebhook(withData(ended, { duration: 6, missed_call_reason: "short_abandoned" }), NOW))).toMatchObject({
      disposition: "abandoned",
      missedReason: "short_abandoned",
    });
    expect(callOf(parseAircallWebhook(withData(ended, { duration: 6, missed_call_reason: null }), NOW)).disposition).toBe("missed");
  });

  it("call.voicemail_left is a voicemail on that call", () => {
    expect(callOf(parseAircallWebhook(voicemailLeft, NOW))).toMatchObject({
      externalId: "123456789",
      disposition: "voicemail",
      voicemail: { url: "https://voicemails.aircall.example/123456789.mp3", seconds: null },
    });
  });
});

describe("ignored and malformed events", () => {
  it("ignores outbound calls with a reason", () => {
    expect(parseAircallWebhook(withData(ended, { direction: "outbound" }), NOW)).toEqual({
      kind: "ignored",
      reason: "outbound call: only inbound calls are missed calls",
    });
  });

  it.each(["call.created", "call.answered", "call.ringing_on_agent", "contact.created"])("ignores %s", (event) => {
    expect(parseAircallWebhook({ ...ended, event }, NOW)).toMatchObject({ kind: "ignored", reason: `Aircall ${event} events are not used` });
  });

  it("ignores events about other resources", () => {
    expect(parseAircallWebhook({ ...ended, resource: "user" }, NOW).kind).toBe("ignored");
  });

  it.each([
    ["no event", { ...ended, event: undefined }, "event"],
    ["no call id", withData(ended, { id: undefined }), "data.id"],
    ["no direction", withData(ended, { direction: undefined }), "data.direction"],
    ["no dialled number", withData(ended, { number: null }), "data.number"],
    ["a started_at that is not a time", withData(ended, { started_at: "yesterday" }), "data.started_at"],
    ["no data at all", { ...ended, data: undefined }, "data"],
  ])("%s → invalid, naming the field", (_name, body, field) => {
    const parsed = parseAircallWebhook(body, NOW);
    expect(parsed.kind).toBe("invalid");
    expect(parsed.kind === "invalid" && parsed.message).toContain(`${field}:`);
  });

  it("a dialled number that is not a phone number is invalid", () => {
    const parsed = parseAircallWebhook(withData(ended, { number: { digits: "front desk" } }), NOW);
    expect(parsed).toEqual({ kind: "invalid", message: 'Malformed Aircall event: data.number.digits: "front desk" is not a phone number' });
  });
});

describe("aircallDialledNumber", () => {
  it("reads data.number.digits before anything is verified", () => {
    expect(aircallDialledNumber(ended)).toBe("+1 310-555-0199");
    expect(aircallDialledNumber({ token: "x" })).toBeNull();
    expect(aircallDialledNumber("not an object")).toBeNull();
  });
});

describe("aircall samples (./samples)", () => {
  it("builds the fixture's shape, field for field, and parses to the same kind of call", () => {
    const built = aircallCallPayload({ token: "t", from: "+13105550111", to: "+13105550199" });
    expect(Object.keys(built).sort()).toEqual(Object.keys(ended).sort());
    expect(Object.keys(built.data).sort()).toEqual(Object.keys(ended.data).sort());
    expect(Object.keys(built.data.number).sort()).toEqual(Object.keys(ended.data.number).sort());
    expect(callOf(parseAircallWebhook(built, NOW))).toMatchObject({ disposition: "missed", from: "+13105550111", to: "+13105550199", rawFrom: "+1 310-555-0111" });
  });
});
