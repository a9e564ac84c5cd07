// What a failed delivery means for the contact and what follows (docs/decisions.md "Delivery reports").
import { describe, expect, it } from "vitest";
import { callInsteadReason, contactFactFromError, reportCode, undeliverableOutcome } from "./undeliverable";

describe("contactFactFromError", () => {
  it.each([
    [21610, "opted_out"],
    [21614, "landline"],
    [21635, "landline"],
    [30006, "landline"],
    [21211, "invalid_number"],
    [30005, "invalid_number"],
    [30003, null],
    [30007, null],
    [21608, null],
    [20429, null],
    [null, null],
  ] as const)("Twilio error %s → %s", (code, fact) => {
    expect(contactFactFromError(code)).toBe(fact);
  });
});

describe("undeliverableOutcome", () => {
  it("21610 (the caller replied STOP at the carrier): opted out, no callback", () => {
    expect(undeliverableOutcome(21610)).toEqual({ optOut: true, lineType: null, callbackReason: null, pauseNumber: false, messageText: null });
  });

  it.each([21614, 21635, 30006])("%s: remembered as a landline, and a callback instead", (code) => {
    const outcome = undeliverableOutcome(code);
    expect(outcome.optOut).toBe(false);
    expect(outcome.lineType).toBe("landline");
    expect(outcome.callbackReason).toMatch(new RegExp(`^Text not delivered: .*\\(Twilio ${code}\\)\\. Call back instead\\.$`));
  });

  it.each([21211, 30003, 30005])("%s: the number stays as it is, a callback instead", (code) => {
    expect(undeliverableOutcome(code)).toMatchObject({ optOut: false, lineType: null, callbackReason: expect.stringContaining(`(Twilio ${code})`) });
  });

  it("an error about the attempt, not the number (30007 filtered, no code): nothing follows", () => {
    expect(undeliverableOutcome(30007)).toEqual({ optOut: false, lineType: null, callbackReason: null, pauseNumber: false, messageText: null });
    expect(undeliverableOutcome(null)).toEqual({ optOut: false, lineType: null, callbackReason: null, pauseNumber: false, messageText: null });
  });

  it("says what went wrong in the desk's words", () => {
    expect(callInsteadReason(30006)).toBe("Text not delivered: the number is a landline or its carrier cannot receive texts (Twilio 30006). Call back instead.");
  });

  it.each([
    [30034, "Twilio 30034"],
    [206400, "Quo 0206400"],
  ])("%s (A2P registration refused): the number is paused, the message says blocked, a callback opens", (code, label) => {
    const outcome = undeliverableOutcome(code);
    expect(outcome).toMatchObject({ optOut: false, lineType: null, pauseNumber: true, messageText: expect.stringMatching(/^Blocked: not registered\./) });
    expect(outcome.callbackReason).toContain(`(${label})`);
  });

  it.each([
    [200402, "no prepaid credits", "Quo 0200402"],
    [202403, "not a user of this number", "Quo 0202403"],
    [21606, "not on the Twilio account", "Twilio 21606"],
  ])("%s (the account, not the caller): a callback, and the message says why", (code, why, label) => {
    const outcome = undeliverableOutcome(code);
    expect(outcome).toMatchObject({ optOut: false, pauseNumber: false });
    expect(outcome.messageText).toContain(why);
    expect(outcome.callbackReason).toBe(`${outcome.messageText} Call back instead.`);
    expect(outcome.callbackReason).toContain(label);
  });
});

describe("reportCode: the code a delivery report is judged by", () => {
  it("takes Twilio's ErrorCode as it is, and reads Quo's seven-digit codes (a registration refusal pauses either way)", () => {
    expect(reportCode("twilio", 30034, null)).toBe(30034);
    expect(reportCode("openphone", null, "0206400")).toBe(206400);
    expect(undeliverableOutcome(reportCode("openphone", null, " 0206400 ")).pauseNumber).toBe(true);
  });

  it("never turns a provider's other words or numbers into one of Twilio's codes", () => {
    // Quo relays carrier codes too ("30006"): it is not Twilio's 30006, so no landline is inferred.
    expect(reportCode("openphone", null, "30006")).toBeNull();
    expect(reportCode("openphone", null, "rejected by carrier")).toBeNull();
    expect(reportCode("aircall", null, "0206400")).toBeNull();
    expect(reportCode("openphone", null, null)).toBeNull();
  });
});
