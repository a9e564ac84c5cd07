// A `completed` call on the spa's own Twilio number, from the real status callback
// (docs/provider-formats.md#twilio-call-status) and the child legs Calls.json lists for it: answered
// only when a leg completed after the location's threshold; no leg, only short legs, or legs
// nobody could list are misses (the last opening a callback, never a text).
import { describe, expect, it } from "vitest";
import type { ChildLeg } from "@/lib/telephony/call-event";
import { callEventFromStatus, callStatusSchema, parseTwilio } from "@/lib/telephony/twilio/parse";
import { CALL_STATUS_FIXTURE } from "@/lib/telephony/twilio/samples";
import { LEGS_UNKNOWN_CALLBACK } from "./reasons";
import { DEFAULT_MISSED_LEG_SECONDS, legsAnswered, legVerdict, settleLegCheck } from "./call-legs";
import { decideCase, LEAD, skip, TUE_1000, type Case } from "./decide-cases/kit";

const T = DEFAULT_MISSED_LEG_SECONDS;
const leg = (status: string, duration: number | null, sid = "CA9f3a2b0c1d2e3f4a5b6c7d8e9f0a1b2c"): ChildLeg => ({ sid, status, duration });

/** The parent's `completed` callback as Twilio posts it (no ParentCallSid: it is the caller's own call). */
function completedCall(endedAt = TUE_1000) {
  const Timestamp = endedAt.toUTCString().replace("GMT", "+0000");
  const parsed = parseTwilio(callStatusSchema, { ...CALL_STATUS_FIXTURE, To: "+13105550100", CallStatus: "completed", CallDuration: "42", Duration: "1", Timestamp });
  if (!parsed.ok) throw new Error(parsed.message);
  const event = callEventFromStatus(parsed.value, endedAt);
  if (!event) throw new Error("a completed callback is a call");
  return event;
}

describe("legsAnswered: did a person pick up a child leg?", () => {
  it.each([
    ["no child at all", [], false],
    ["one short child (a forwarded mobile's own voicemail, 5 s)", [leg("completed", 5)], false],
    ["one child exactly at the threshold", [leg("completed", T)], true],
    ["one answered child (60 s)", [leg("completed", 60)], true],
    ["a child that rang out", [leg("no-answer", 0)], false],
    ["a busy child", [leg("busy", 0)], false],
    ["a child with no duration yet", [leg("completed", null)], false],
    ["simultaneous ring, one answered", [leg("no-answer", 0, "CA1"), leg("completed", 60, "CA2"), leg("canceled", 0, "CA3")], true],
    ["simultaneous ring, nobody answered", [leg("no-answer", 0, "CA1"), leg("completed", 3, "CA2")], false],
  ] as const)("%s → %s", (_name, legs, answered) => {
    expect(legsAnswered(legs, T)).toBe(answered);
  });

  it("the threshold is the location's: 5 s counts as answered at a 5 s threshold, not at 8 s", () => {
    expect(legsAnswered([leg("completed", 5)], 5)).toBe(true);
    expect(legsAnswered([leg("completed", 5)], 8)).toBe(false);
  });
});

describe("legVerdict", () => {
  it("names what was found", () => {
    expect(legVerdict({ status: "listed", legs: [] }, T)).toBe("missed");
    expect(legVerdict({ status: "listed", legs: [leg("completed", 60)] }, T)).toBe("answered");
    expect(legVerdict({ status: "unknown", failures: 5, error: "HTTP 500" }, T)).toBe("unknown");
    expect(legVerdict({ status: "simulated" }, T)).toBe("not_checked");
  });
});

describe("the status callback and the check", () => {
  it("a parent `completed` is answered only until its legs are checked", () => {
    const event = completedCall();
    expect(event).toMatchObject({ disposition: "answered", providerStatus: "completed", durationSeconds: 42, legCheck: { status: "pending", failures: 0 } });
    expect(settleLegCheck(event, T)).toBeNull();
  });

  it("the other terminal statuses need no check", () => {
    const parsed = parseTwilio(callStatusSchema, CALL_STATUS_FIXTURE);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(callEventFromStatus(parsed.value, TUE_1000)?.legCheck).toBeUndefined();
  });

  it("no child: a missed call, with the legs and the threshold for the timeline", () => {
    const settled = settleLegCheck({ ...completedCall(), legCheck: { status: "listed", legs: [] } }, T);
    expect(settled?.event.disposition).toBe("missed");
    expect(settled?.detail).toEqual({ legs: [], thresholdSeconds: 8, verdict: "missed" });
  });

  it("one answered child: stays answered", () => {
    const legs = [leg("completed", 60)];
    const settled = settleLegCheck({ ...completedCall(), legCheck: { status: "listed", legs } }, T);
    expect(settled?.event.disposition).toBe("answered");
    expect(settled?.detail).toEqual({ legs, thresholdSeconds: 8, verdict: "answered" });
  });

  it("legs nobody could list: missed, and the error is kept", () => {
    const settled = settleLegCheck({ ...completedCall(), legCheck: { status: "unknown", failures: 5, error: "HTTP 500" } }, T);
    expect(settled?.event.disposition).toBe("missed");
    expect(settled?.detail).toEqual({ legs: [], thresholdSeconds: 8, verdict: "unknown", error: "HTTP 500" });
  });

  it("without credentials (simulated): answered as before, and the timeline says it was not checked", () => {
    const settled = settleLegCheck({ ...completedCall(), legCheck: { status: "simulated" } }, T);
    expect(settled?.event.disposition).toBe("answered");
    expect(settled?.detail.verdict).toBe("not_checked");
  });
});

/** `decide` at the Downtown spa (the decision table's kit); `expected` is what the assertions below check. */
const decideAt = (event: Case["event"], now: Date, contact: Case["contact"] = LEAD) => decideCase({ name: "legs", event, now, contact, expected: skip("legs_unknown", null) });

describe("decide: a call whose legs nobody could list", () => {
  const unknown = (endedAt = TUE_1000) => settleLegCheck({ ...completedCall(endedAt), legCheck: { status: "unknown", failures: 5, error: "HTTP 500" } }, T)!.event;

  it("is not texted, and a callback is due now", () => {
    const decision = decideAt(unknown(), TUE_1000);
    expect(decision).toMatchObject({ action: "skip", reason: "legs_unknown", leakSource: "peak_overflow", callback: { dueAt: TUE_1000, reason: LEGS_UNKNOWN_CALLBACK } });
  });

  it("after hours too: the callback is still due now", () => {
    const night = new Date("2026-05-13T05:00:00Z"); // Tue 22:00 in Los Angeles
    const decision = decideAt(unknown(night), night);
    expect(decision).toMatchObject({ action: "skip", reason: "legs_unknown", leakSource: "after_hours", callback: { dueAt: night } });
  });

  it("the caller's own wishes come first: an opted-out caller gets no callback", () => {
    const decision = decideAt(unknown(), TUE_1000, { ...LEAD, optedOutAt: new Date("2026-01-01T00:00:00Z") });
    expect(decision).toMatchObject({ reason: "opted_out", callback: null });
  });
});
