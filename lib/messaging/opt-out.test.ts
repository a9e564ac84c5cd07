// Carrier keywords (WEBHOOKS.md §2(b)): only a whole-body keyword changes a caller's consent.
import { describe, expect, it } from "vitest";
import { keywordOf } from "./opt-out";

describe("keywordOf", () => {
  it.each(["STOP", "stop", "Stop", " Stop ", "STOP\n", "STOPALL", "UNSUBSCRIBE", "unsubscribe", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT", "Stop."])(
    "%j opts the caller out",
    (body) => {
      expect(keywordOf(body)).toBe("opt_out");
    },
  );

  it.each(["START", "start", "YES", "Yes", "UNSTOP", " unstop "])("%j opts the caller back in", (body) => {
    expect(keywordOf(body)).toBe("opt_in");
  });

  it.each(["HELP", "help", "INFO", "Info"])("%j asks for help", (body) => {
    expect(keywordOf(body)).toBe("help");
  });

  it.each([
    "Stop please",
    "cancel my appointment tomorrow",
    "Can I cancel?",
    "yes please, friday works",
    "I need help booking",
    "stop texting me and call",
    "STOP STOP",
    "",
    "   ",
    "Stopping by later",
  ])("%j is an ordinary reply, not a keyword (whole-body match only)", (body) => {
    expect(keywordOf(body)).toBeNull();
  });

  it("follows Twilio's OptOutType over the body", () => {
    expect(keywordOf("Stop please", "STOP")).toBe("opt_out");
    expect(keywordOf("yes please", "START")).toBe("opt_in");
    expect(keywordOf("what is this?", "HELP")).toBe("help");
  });

  it("follows OptOutType even when the body says otherwise", () => {
    expect(keywordOf("START", "STOP")).toBe("opt_out");
    expect(keywordOf("STOP", "START")).toBe("opt_in");
  });

  it("falls back to the body when Twilio sends no OptOutType", () => {
    expect(keywordOf("STOP", undefined)).toBe("opt_out");
    expect(keywordOf("cancel my appointment tomorrow", undefined)).toBeNull();
  });
});
