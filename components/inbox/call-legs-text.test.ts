// The timeline line of a `call_legs_checked` event: what a coordinator reads about a call on the
// spa's own Twilio number that Rebound checked for a person picking up.
import { describe, expect, it } from "vitest";
import { callLegsText } from "./call-legs-text";

const SHORT = { sid: "CA0000000000000000000000000009f3a2b", status: "completed", duration: 5 };
const RANG_OUT = { sid: "CA00000000000000000000000000000c1d2e", status: "no-answer", duration: 0 };
const ANSWERED = { sid: "CA000000000000000000000000000077aa11", status: "completed", duration: 60 };

describe("callLegsText", () => {
  it("a miss with legs names each leg and the threshold", () => {
    expect(callLegsText({ legs: [SHORT, RANG_OUT], thresholdSeconds: 8, verdict: "missed" })).toBe(
      "Twilio call legs checked: nobody answered for 8 s or more, so it counts as a missed call (leg …9f3a2b completed after 5 s; leg …0c1d2e no answer).",
    );
  });

  it("a miss with no leg says the call was never put through", () => {
    expect(callLegsText({ legs: [], thresholdSeconds: 8, verdict: "missed" })).toBe(
      "Twilio call legs checked: the call was never put through to anyone, so it counts as a missed call.",
    );
  });

  it("an answered call names the leg that was answered", () => {
    expect(callLegsText({ legs: [RANG_OUT, ANSWERED], thresholdSeconds: 8, verdict: "answered" })).toBe(
      "Twilio call legs checked: answered for 8 s or more (leg …0c1d2e no answer; leg …77aa11 completed after 60 s).",
    );
  });

  it("legs nobody could list: says why there was no text", () => {
    expect(callLegsText({ legs: [], thresholdSeconds: 8, verdict: "unknown", error: "HTTP 500" })).toBe(
      "Twilio could not list this call's legs (HTTP 500): recorded as missed, not texted in case someone answered.",
    );
  });

  it("simulated mode: says nothing was checked", () => {
    expect(callLegsText({ legs: [], thresholdSeconds: 8, verdict: "not_checked" })).toContain("no Twilio credentials (simulated mode)");
  });
});
