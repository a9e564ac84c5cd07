import { describe, expect, it } from "vitest";
import { SKIP_REASON_TEXT } from "@/lib/intake/policy/reasons";
import { callOutcome } from "@/lib/calls/call-outcome";
import { formatDuration } from "./labels";

const missed = { disposition: "missed", direction: "inbound", decision: null, decisionReason: null, callbackCreated: false } as const;

describe("what the call log says Rebound did", () => {
  it("an answered call is Answered", () => {
    expect(callOutcome({ ...missed, disposition: "answered" })).toMatchObject({ kind: "answered", text: "Answered" });
  });

  it("a texted call says which text went out", () => {
    expect(callOutcome({ ...missed, decision: "text_queued", decisionReason: "after_hours" }).text).toBe("Texted (after-hours text)");
    expect(callOutcome({ ...missed, decision: "text_queued", decisionReason: "open" }).text).toBe("Texted (text-back)");
    expect(callOutcome({ ...missed, decision: "text_queued", decisionReason: null }).text).toBe("Texted");
  });

  it("a skipped text gives the engine's reason, word for word", () => {
    for (const reason of ["blocked", "opted_out", "already_texted_recently", "anonymous_caller"] as const) {
      expect(callOutcome({ ...missed, decision: "text_skipped", decisionReason: reason })).toMatchObject({
        kind: "not_texted",
        text: `Not texted: ${SKIP_REASON_TEXT[reason]}`,
      });
    }
  });

  it("an unknown or missing reason is still shown, never hidden", () => {
    expect(callOutcome({ ...missed, decision: "text_skipped", decisionReason: "new_rule_x" }).text).toBe("Not texted: new rule x");
    expect(callOutcome({ ...missed, decision: "text_skipped", decisionReason: "toString" }).text).toBe("Not texted: toString");
    expect(callOutcome({ ...missed, decision: "text_skipped" }).text).toBe("Not texted: no reason recorded.");
  });

  it("a landline skip keeps its callback; a callback alone says so", () => {
    expect(callOutcome({ ...missed, decision: "text_skipped", decisionReason: "landline", callbackCreated: true })).toMatchObject({ kind: "not_texted", callbackCreated: true });
    expect(callOutcome({ ...missed, callbackCreated: true })).toMatchObject({ kind: "callback", text: "Callback created" });
  });

  it("a missed call with no decision says none was recorded", () => {
    expect(callOutcome(missed).text).toBe("No decision recorded");
  });
});

describe("call durations", () => {
  it("reads like a person would say it", () => {
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(42)).toBe("42 s");
    expect(formatDuration(75)).toBe("1 min 15 s");
    expect(formatDuration(3600)).toBe("60 min");
  });
});
