// The counterexamples the property tests found, kept as fixed cases: each one used to reach the
// database (or the schedule maths) and answer 500; now it is a 400 or a sane default.
import { describe, expect, it } from "vitest";
import aircallMissed from "./aircall/fixtures/call-ended-missed.json";
import { parseAircallWebhook } from "./aircall/parse";
import { plausibleDate, startBefore } from "./call-event";
import genericMissed from "./generic/fixtures/call-missed.json";
import { parseGenericWebhook } from "./generic/parse";
import openphoneVoicemail from "./openphone/fixtures/call-voicemail-completed.json";
import { parseOpenPhoneWebhook } from "./openphone/parse";
import { CALL_STATUS_FIXTURE, DIAL_ACTION_FIXTURE } from "./twilio/samples";
import { callEventFromStatus, callStatusSchema, dialActionSchema, parseTwilio, recordingSchema } from "./twilio/parse";
import { ACCOUNT_SID, NOW } from "./twilio/parse-test-helpers";

describe("plausibleDate and startBefore", () => {
  it("keep times between 1970 and 2999 and refuse the rest", () => {
    expect(plausibleDate(new Date("2026-05-12T17:00:00Z"))?.toISOString()).toBe("2026-05-12T17:00:00.000Z");
    expect(plausibleDate(new Date("0300-01-01T00:00:00Z"))).toBeNull();
    expect(plausibleDate(new Date("+275760-09-13T00:00:00Z"))).toBeNull();
    expect(plausibleDate(new Date("nonsense"))).toBeNull();
  });

  it("a start before 1970 falls back to the end", () => {
    expect(startBefore(NOW, 60).toISOString()).toBe("2026-05-12T16:59:00.000Z");
    expect(startBefore(NOW, 2 ** 31 - 1)).toBe(NOW);
  });
});

describe("Twilio", () => {
  const dial = { ...DIAL_ACTION_FIXTURE, AccountSid: ACCOUNT_SID, To: "+13105550100" };

  it("a duration past Postgres' integer is a 400, not a failed INSERT", () => {
    const parsed = parseTwilio(dialActionSchema, { ...dial, DialCallDuration: "+12002000000" });
    expect(parsed.ok ? "accepted" : parsed.message).toMatch(/^Malformed Twilio payload: DialCallDuration: /);
    expect(parseTwilio(recordingSchema, { AccountSid: ACCOUNT_SID, CallSid: "CA" + "1".repeat(32), RecordingDuration: "2147483648" }).ok).toBe(false);
  });

  it("a status callback Timestamp of '300' (year 300) is ignored: the call ended when the callback arrived", () => {
    const parsed = parseTwilio(callStatusSchema, { ...CALL_STATUS_FIXTURE, AccountSid: ACCOUNT_SID, To: "+13105550100", Timestamp: "300" });
    if (!parsed.ok) throw new Error(parsed.message);
    expect(callEventFromStatus(parsed.value, NOW)?.startedAt.toISOString()).toBe(NOW.toISOString());
  });
});

describe("JSON providers", () => {
  it("OpenPhone: a voicemail of 8.64e12 seconds has an unknown length", () => {
    const body = structuredClone(openphoneVoicemail);
    body.data.resource.voicemail.duration = 8_640_000_000_000;
    const parsed = parseOpenPhoneWebhook(body, NOW);
    expect(parsed.kind === "call" ? parsed.event.voicemail?.seconds : parsed.kind).toBeNull();
  });

  it("Aircall: started_at past the year 2999 is a 400 naming the field", () => {
    const parsed = parseAircallWebhook({ ...aircallMissed, data: { ...aircallMissed.data, started_at: 8_640_000_000_001 } }, NOW);
    expect(parsed.kind === "invalid" ? parsed.message : parsed.kind).toContain("data.started_at: must be unix seconds");
  });

  it("generic: a duration past Postgres' integer, or a start in year 0001, is a 400 naming the field", () => {
    const long = parseGenericWebhook({ ...genericMissed, duration_seconds: 2 ** 31 });
    expect(long.kind === "invalid" ? long.message : long.kind).toContain("duration_seconds:");
    const ancient = parseGenericWebhook({ ...genericMissed, started_at: "0001-01-01T00:00:00Z" });
    expect(ancient.kind === "invalid" ? ancient.message : ancient.kind).toContain("started_at: must be between 1970 and 2999");
  });
});
