// OpenPhone / Quo events → CallEvents, replayed from ./fixtures. legacy-call-completed.json is the
// real capture of docs/provider-formats.md#quo-legacy-webhooks, verbatim (an unanswered incoming call that left a voicemail,
// with no call id). The current-generation fixtures put the legacy call fields in the documented
// envelope (`id`, `apiVersion` "2026-03-30", `createdAt`, `type`, `data.resource`): their per-event
// `data` field set is UNVERIFIED per docs/provider-formats.md#quo-current-webhooks, which is why the parser is tolerant and
// these tests also cover the other places the fields may turn out to live.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ParsedWebhook } from "@/lib/telephony/provider-adapter";
import callCompleted from "./fixtures/call-completed.json";
import callMissed from "./fixtures/call-missed.json";
import callVoicemailCompleted from "./fixtures/call-voicemail-completed.json";
import legacyCallCompleted from "./fixtures/legacy-call-completed.json";
import { openPhoneLineNumber, parseOpenPhoneWebhook } from "./parse";

const NOW = new Date("2026-05-12T17:00:30Z");
const CALL_ID = "AC2f9e4b7c1d3a4e5f8091a2b3c4d5e6f7";
const VOICEMAIL_URL = "https://m.openph.one/static/15ad4740be6048e4a80efb268d347482.mp3";

const parse = (body: unknown) => parseOpenPhoneWebhook(body, NOW);
const clone = <T>(value: T): T => structuredClone(value);

function eventOf(parsed: ParsedWebhook) {
  if (parsed.kind !== "call") throw new Error(`expected a call, got ${JSON.stringify(parsed)}`);
  return parsed.event;
}

function messageOf(parsed: ParsedWebhook): string {
  if (parsed.kind !== "invalid") throw new Error(`expected invalid, got ${JSON.stringify(parsed)}`);
  return parsed.message;
}

/** A current-generation fixture with its call fields replaced. */
function current(fixture: typeof callMissed | typeof callCompleted | typeof callVoicemailCompleted, resource: Record<string, unknown>, type?: string) {
  const copy = clone(fixture) as { type: string; data: { resource: Record<string, unknown> } };
  copy.data.resource = { ...copy.data.resource, ...resource };
  if (type) copy.type = type;
  return copy;
}

function legacy(object: Record<string, unknown>, type?: string) {
  const copy = clone(legacyCallCompleted) as { type: string; data: { object: Record<string, unknown> } };
  copy.data.object = { ...copy.data.object, ...object };
  if (type) copy.type = type;
  return copy;
}

const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
afterEach(() => warn.mockClear());

describe("legacy call.completed (real capture)", () => {
  it("turns the unanswered incoming call with a voicemail into a voicemail CallEvent, keyed by the event id", () => {
    expect(eventOf(parse(legacyCallCompleted))).toEqual({
      provider: "openphone",
      externalId: "EVd39d3c8d6f244d21a9131de4fc9350d0",
      disposition: "voicemail",
      from: "+18005550100",
      rawFrom: "+18005550100",
      to: "+18885550101",
      providerStatus: "completed",
      startedAt: new Date("2022-01-24T19:21:59.545Z"),
      durationSeconds: null,
      voicemail: { url: VOICEMAIL_URL, seconds: 7 },
      transcript: null,
    });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("data.object.id is missing"), expect.any(String));
  });

  it("uses the call id when the call object carries one", () => {
    expect(eventOf(parse(legacy({ id: CALL_ID }))).externalId).toBe(CALL_ID);
  });

  it("answeredAt null and no voicemail is a missed call", () => {
    const event = eventOf(parse(legacy({ id: CALL_ID, voicemail: null })));
    expect(event).toMatchObject({ disposition: "missed", voicemail: null });
  });

  it("an answered incoming call is logged as answered", () => {
    const event = eventOf(parse(legacy({ id: CALL_ID, answeredAt: "2022-01-24T19:22:03.000Z", voicemail: null, duration: 16 })));
    expect(event).toMatchObject({ disposition: "answered", durationSeconds: 16, voicemail: null });
  });

  it("an outgoing call is ignored", () => {
    expect(parse(legacy({ direction: "outgoing" }))).toEqual({ kind: "ignored", reason: "outgoing call" });
  });

  it.each(["call.ringing", "call.recording.completed", "contact.updated"])("%s is ignored with a reason", (type) => {
    expect(parse(legacy({}, type))).toEqual({ kind: "ignored", reason: `${type} does not need a text-back` });
  });

  it("normalises the numbers to E.164 and keeps the caller ID as sent", () => {
    const event = eventOf(parse(legacy({ from: "(310) 555-0111", to: "1 310-555-0199" })));
    expect(event).toMatchObject({ from: "+13105550111", rawFrom: "(310) 555-0111", to: "+13105550199" });
  });

  it("an anonymous caller has no number to text but is still a missed call", () => {
    const event = eventOf(parse(legacy({ from: "anonymous", voicemail: null })));
    expect(event).toMatchObject({ from: null, rawFrom: "anonymous", disposition: "missed" });
  });
});

describe("current generation (2026-03-30)", () => {
  it("call.missed is a missed call keyed by the call id", () => {
    expect(eventOf(parse(callMissed))).toEqual({
      provider: "openphone",
      externalId: CALL_ID,
      disposition: "missed",
      from: "+18005550100",
      rawFrom: "+18005550100",
      to: "+18885550101",
      providerStatus: "completed",
      startedAt: new Date("2026-05-12T17:00:00.000Z"),
      durationSeconds: null,
      voicemail: null,
      transcript: null,
    });
    expect(warn).not.toHaveBeenCalled();
  });

  it("call.voicemail.completed is a voicemail on the same call, with its recording", () => {
    const event = eventOf(parse(callVoicemailCompleted));
    expect(event).toMatchObject({ externalId: CALL_ID, disposition: "voicemail", voicemail: { url: VOICEMAIL_URL, seconds: 7 }, transcript: null });
    expect(event.externalId).toBe(eventOf(parse(callMissed)).externalId);
  });

  it("call.voicemail.completed correlates through resource.callId when resource.id is the voicemail's own id", () => {
    const event = eventOf(parse(current(callVoicemailCompleted, { id: "VM1a2b3c", callId: CALL_ID })));
    expect(event.externalId).toBe(CALL_ID);
  });

  it("call.voicemail.completed carries the transcript when there is one", () => {
    const voicemail = { ...callVoicemailCompleted.data.resource.voicemail, transcript: "Hi, it's Dana, can I move my facial to Friday?" };
    expect(eventOf(parse(current(callVoicemailCompleted, { voicemail }))).transcript).toBe("Hi, it's Dana, can I move my facial to Friday?");
  });

  it("call.voicemail.completed reads a flat recordingUrl / duration / transcript too", () => {
    const event = eventOf(parse(current(callVoicemailCompleted, { voicemail: undefined, recordingUrl: VOICEMAIL_URL, duration: 12, transcript: "Call me back" })));
    expect(event).toMatchObject({ voicemail: { url: VOICEMAIL_URL, seconds: 12 }, transcript: "Call me back" });
  });

  it("call.completed with answeredAt null on an incoming call is missed", () => {
    expect(eventOf(parse(callCompleted))).toMatchObject({ externalId: CALL_ID, disposition: "missed", durationSeconds: 19 });
  });

  it("call.completed that was answered is answered", () => {
    expect(eventOf(parse(current(callCompleted, { answeredAt: "2026-05-12T17:00:04.000Z" }))).disposition).toBe("answered");
  });

  it("call.completed of an outgoing call is ignored", () => {
    expect(parse(current(callCompleted, { direction: "outgoing" }))).toEqual({ kind: "ignored", reason: "outgoing call" });
  });

  it("call.completed that does not say whether it was answered is ignored and logged, never texted", () => {
    const parsed = parse(current(callCompleted, { answeredAt: undefined }));
    expect(parsed).toEqual({ kind: "ignored", reason: "call.completed without answeredAt" });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("answeredAt is absent"), expect.any(String));
  });

  it("call.missed without a direction is still an incoming miss (Quo fires it only for incoming calls)", () => {
    expect(eventOf(parse(current(callMissed, { direction: undefined }))).disposition).toBe("missed");
  });

  it.each(["call.ringing", "call.answered", "call.forwarded", "call.summary.completed", "message.sent", "contact.updated"])("%s is ignored with a reason", (type) => {
    expect(parse(current(callMissed, {}, type))).toEqual({ kind: "ignored", reason: `${type} does not need a text-back` });
    expect(warn).not.toHaveBeenCalled();
  });

  it("an unknown call event is ignored and logged", () => {
    expect(parse(current(callMissed, {}, "call.teleported")).kind).toBe("ignored");
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("unknown call event type"), expect.any(String));
  });

  it("reads the call from data.object as well as data.resource", () => {
    const { resource, ...rest } = clone(callMissed).data;
    expect(eventOf(parse({ ...callMissed, data: { ...rest, object: resource } }))).toEqual(eventOf(parse(callMissed)));
  });

  it("reads the call from data itself as a last resort, and logs the shape", () => {
    expect(eventOf(parse({ ...callMissed, data: clone(callMissed.data.resource) })).externalId).toBe(CALL_ID);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("no data.resource or data.object"), expect.any(String));
  });

  it("falls back to context.participants for the numbers when the resource has none", () => {
    const body = current(callMissed, { from: undefined, to: undefined }) as { data: Record<string, unknown> };
    body.data.context = { participants: { external: ["+13105550111"], workspace: ["+13105550199"], resolution: "available" } };
    expect(eventOf(parse(body))).toMatchObject({ from: "+13105550111", to: "+13105550199" });
  });
});

describe("malformed payloads", () => {
  it.each([
    ["an array", []],
    ["a string", "call.missed"],
    ["null", null],
  ])("a body that is %s is invalid", (_case, body) => {
    expect(messageOf(parse(body))).toContain("must be a JSON object");
  });

  it("names a missing event id", () => {
    const { id: _id, ...body } = callMissed;
    expect(messageOf(parse(body))).toMatch(/Malformed OpenPhone payload: id /);
  });

  it("names a missing event type", () => {
    const { type: _type, ...body } = callMissed;
    expect(messageOf(parse(body))).toMatch(/Malformed OpenPhone payload: type /);
  });

  it("names a call event whose data is not an object", () => {
    expect(messageOf(parse({ ...callMissed, data: "AC123" }))).toContain("data must be an object");
  });

  it("names a missing dialled number", () => {
    expect(messageOf(parse(current(callMissed, { to: undefined })))).toContain("data.resource.to (the number dialled) is missing");
  });

  it("names a dialled number that is not a phone number", () => {
    expect(messageOf(parse(legacy({ to: "front desk" })))).toContain("data.object.to (the number dialled) is not a phone number");
  });
});

describe("the spa's line, read before verification to find the organization", () => {
  it("is the number dialled on an incoming call, in either generation", () => {
    expect(openPhoneLineNumber(legacyCallCompleted)).toBe("+18885550101");
    expect(openPhoneLineNumber(callMissed)).toBe("+18885550101");
  });

  it("is the calling number on an outgoing call", () => {
    expect(openPhoneLineNumber(current(callCompleted, { direction: "outgoing", from: "+13105550199", to: "+13105550111" }))).toBe("+13105550199");
  });

  it("is null for a body it cannot read", () => {
    expect(openPhoneLineNumber("nonsense")).toBeNull();
    expect(openPhoneLineNumber({ id: "EV1", type: "call.missed" })).toBeNull();
  });
});
