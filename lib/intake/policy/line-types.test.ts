// Landline and toll-free numbers: one rule, whether the line type is known when the call is recorded
// (decide) or learned from Twilio Lookup just before the text goes out (the send guard, then
// lib/messaging/pre-send.ts opens the callback the reasons table names, due per callback-due.ts).
// Demo Downtown spa (America/Los_Angeles, Mon–Fri 09:00–12:30 + 13:15–19:00, Sat 09:00–15:00).
import { describe, expect, it } from "vitest";
import { DOWNTOWN } from "@/lib/schedule/test-schedules";
import { callbackDueFor } from "./callback-due";
import { decide } from "./decide";
import { CLEAR_FACTS, dialEvent, LEAD, MON_0900, NO_HISTORY, SUN_1100, TUE_1000, TUE_1245, TUE_1315, TUE_2000, WED_0900 } from "./decide-cases/kit";
import { UNTEXTABLE_LINE_TYPES, untextableLine, type LineType } from "./line-types";
import { callbackFor, CANCEL_REASON_TEXT, SKIP_REASON_TEXT } from "./reasons";
import { sendGuard } from "./send-guard";

const LOCATION = { ...DOWNTOWN, bookingUrl: "https://book.glowmedspa.example/downtown", autoTextWindowHours: 24 };
const FACTS = CLEAR_FACTS;
const LIMITS = { autoTextsPerDay: 300, manualTextsPerDay: 200, textsPerNumberPerMinute: 30, textCountries: ["US", "CA"] as const };
const ALL_LINE_TYPES: (LineType | null)[] = ["mobile", "landline", "voip", "toll_free", "unknown", null];

/** What decide does with a missed call from a caller on this line type, at `now`. */
function atCall(lineType: LineType | null, now: Date) {
  return decide({ event: dialEvent(now), contact: { ...LEAD, lineType }, location: LOCATION, history: NO_HISTORY, now });
}

/** What happens when the text-back is due at `now` and Lookup has just said `lineType`: the guard, then the callback pre-send opens. */
function atSend(lineType: LineType | null, now: Date) {
  const guard = sendGuard({
    message: { automated: true, templateSituation: "open", toNumber: "+12135550123" },
    contact: { optedOutAt: null, blockedAt: null, leadStatus: "new_inbound", lineType },
    signals: { replied: false, booked: false, calledBack: false, humanTexted: false, autoTextsSent24h: 0 },
    facts: FACTS,
    limits: { ...LIMITS, textCountries: [...LIMITS.textCountries] },
    quietUntil: null,
    now,
  });
  if (guard.action !== "cancel") return { guard, callback: null };
  const instead = callbackFor(guard.reason);
  return { guard, callback: instead && { dueAt: callbackDueFor(instead.when, LOCATION, now).dueAt, reason: instead.reason } };
}

describe("numbers that cannot be texted", () => {
  it("are landlines and toll-free numbers; mobile, VoIP, unknown and not yet looked up are texted", () => {
    expect([...UNTEXTABLE_LINE_TYPES].sort()).toEqual(["landline", "toll_free"]);
    expect(ALL_LINE_TYPES.map(untextableLine)).toEqual([null, "landline", null, "toll_free", null, null]);
  });

  it.each(ALL_LINE_TYPES)("decide and the send guard agree on a %s line: the same reason, or both text", (lineType) => {
    const decision = atCall(lineType, TUE_1000);
    const { guard } = atSend(lineType, TUE_1000);
    if (untextableLine(lineType)) {
      expect(decision).toMatchObject({ action: "skip", reason: lineType });
      expect(guard).toEqual({ action: "cancel", reason: lineType });
    } else {
      expect(decision.action).toBe("text");
      expect(guard).toEqual({ action: "send" });
    }
  });

  describe.each(UNTEXTABLE_LINE_TYPES)("a %s number", (lineType) => {
    it.each([
      ["while open: due now", TUE_1000, TUE_1000],
      ["at lunch: due when the desk is back at 13:15", TUE_1245, TUE_1315],
      ["at 20:00: due at Wednesday's opening", TUE_2000, WED_0900],
      ["on Sunday: due at Monday 09:00", SUN_1100, MON_0900],
    ])("gets the same callback at the call and at send time %s", (_when, now, due) => {
      const decided = atCall(lineType, now).callback;
      const sent = atSend(lineType, now).callback;
      expect(decided).toEqual({ dueAt: due, reason: callbackFor(lineType)?.reason });
      expect(sent).toEqual(decided);
    });

    it("says so in the desk's words, at the call and on a cancelled text", () => {
      const words = lineType === "landline" ? "a landline" : "toll-free";
      expect(SKIP_REASON_TEXT[lineType]).toBe(`The number is ${words} and cannot receive texts.`);
      expect(CANCEL_REASON_TEXT[lineType]).toBe(`Not sent: the number is ${words}. A callback task was created instead.`);
    });
  });

  it("a landline's callback reads as it always has", () => {
    expect(atCall("landline", TUE_1000).callback?.reason).toBe("Missed call from a landline: call back");
    expect(atCall("toll_free", TUE_1000).callback?.reason).toBe("Missed call from a toll-free number: call back");
  });
});
