// Recovery policy across the whole decision table (one rule group a file: decide.<group>.test.ts,
// the cases in decide-cases/). Calls are the CallEvents the Twilio parser makes from the real
// `<Dial action>` payload (docs/provider-formats.md#twilio-dial-action); the location is the demo
// Downtown spa (America/Los_Angeles, Mon–Fri 09:00–12:30 + 13:15–19:00, Sat 09:00–15:00).
import { describe, expect, it } from "vitest";
import type { CallEvent } from "@/lib/telephony/call-event";
import { decide, leakSourceOf } from "./decide";
import { ALL_CASES } from "./decide-cases/all";
import { abandoned, BOOKING_URL, dialEvent, LEAD, NO_HISTORY, SUN_1100, text, TUE_1000, TUE_1245, WED_0200 } from "./decide-cases/kit";
import { SKIP_REASON_TEXT } from "./reasons";
import { DOWNTOWN } from "@/lib/schedule/test-schedules";

describe("decide", () => {
  it("has a table of at least 20 cases", () => {
    expect(ALL_CASES.length).toBeGreaterThanOrEqual(20);
  });

  it("every skip reason has a sentence for the timeline", () => {
    const reasons = new Set(ALL_CASES.flatMap((c) => (c.expected.reason ? [c.expected.reason] : [])));
    expect([...reasons].sort()).toEqual(Object.keys(SKIP_REASON_TEXT).sort());
    for (const reason of reasons) expect(SKIP_REASON_TEXT[reason]).toMatch(/\.$/);
  });

  it("judges open hours by when the call started, not when the webhook arrived", () => {
    // The spa's line rang at 18:59:50 and the dial action arrived at 19:00:30, after closing.
    const rangAt = new Date("2026-05-13T01:59:50Z");
    const arrived = new Date("2026-05-13T02:00:30Z");
    const event: CallEvent = { ...dialEvent(arrived), startedAt: rangAt };
    const decision = decide({ event, contact: LEAD, location: { ...DOWNTOWN, bookingUrl: BOOKING_URL, autoTextWindowHours: 24 }, history: NO_HISTORY, now: arrived });
    expect(decision).toEqual(text("open", "peak_overflow"));
  });
});

describe("leakSourceOf", () => {
  it.each([
    ["answered", dialEvent(TUE_1000, { DialCallStatus: "completed" }), null],
    ["missed while open", dialEvent(TUE_1000), "peak_overflow"],
    ["missed at lunch", dialEvent(TUE_1245), "lunch_gap"],
    ["missed at night", dialEvent(WED_0200), "after_hours"],
    ["missed on Sunday", dialEvent(SUN_1100), "after_hours"],
    ["abandoned on hold at night", abandoned(WED_0200), "hold_abandon"],
  ] as const)("%s → %s", (_name, event, source) => {
    expect(leakSourceOf(event, DOWNTOWN)).toBe(source);
  });
});
