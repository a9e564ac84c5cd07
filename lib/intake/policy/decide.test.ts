// Recovery policy, one row per situation a front desk would recognise. Calls are the CallEvents the
// Twilio parser makes from the real `<Dial action>` payload (docs/provider-formats.md#twilio-dial-action); the location is the
// demo Downtown spa (America/Los_Angeles, Mon–Fri 09:00–12:30 + 13:15–19:00, Sat 09:00–15:00).
import { describe, expect, it } from "vitest";
import type { CallEvent } from "@/lib/telephony/call-event";
import { DIAL_ACTION_FIXTURE } from "@/lib/telephony/twilio/samples";
import { callEventFromDial, dialActionSchema, parseTwilio } from "@/lib/telephony/twilio/parse";
import { decide, leakSourceOf, NOT_SET_UP_CALLBACK, SKIP_REASON_TEXT, type Decision, type DecisionContact, type RecentHistory, type SkipReason } from "./decide";
import { DOWNTOWN } from "@/lib/schedule/test-schedules";

// Fixed clocks (Los Angeles wall time in the names).
const TUE_1000 = new Date("2026-05-12T17:00:00Z");
const TUE_1245 = new Date("2026-05-12T19:45:00Z"); // lunch
const TUE_2000 = new Date("2026-05-13T03:00:00Z");
const WED_0200 = new Date("2026-05-13T09:00:00Z");
const SUN_1100 = new Date("2026-05-10T18:00:00Z");
const TUE_1315 = new Date("2026-05-12T20:15:00Z");
const WED_0900 = new Date("2026-05-13T16:00:00Z");
const MON_0900 = new Date("2026-05-11T16:00:00Z");

const HOUR = 3600 * 1000;
const MINUTE = 60 * 1000;
const ago = (now: Date, ms: number) => new Date(now.getTime() - ms);

/** §1(b) as Twilio posts it (the fixture), dialled to the Downtown spa's number. */
const DIAL_ACTION: Record<string, string> = { ...DIAL_ACTION_FIXTURE, To: "+13105550100" };

/** The CallEvent the `<Dial action>` webhook produces when it arrives at `at`. */
function dialEvent(at: Date, overrides: { DialCallStatus?: string; From?: string; DialCallDuration?: string } = {}): CallEvent {
  const parsed = parseTwilio(dialActionSchema, { ...DIAL_ACTION, ...overrides });
  if (!parsed.ok) throw new Error(parsed.message);
  return callEventFromDial(parsed.value, at);
}

/** A caller who hung up while on hold, as a queue (`<Enqueue>` QueueResult=hangup) intake reports it. */
const abandoned = (at: Date): CallEvent => ({ ...dialEvent(at), disposition: "abandoned", providerStatus: "hangup" });
const withVoicemail = (at: Date): CallEvent => ({
  ...dialEvent(at),
  disposition: "voicemail",
  voicemail: { url: "https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Recordings/RE1", seconds: 14 },
});

const LEAD: DecisionContact = { kind: "new_lead", optedOutAt: null, blockedAt: null, isStaff: false, lineType: "mobile" };
const contact = (over: Partial<DecisionContact>): DecisionContact => ({ ...LEAD, ...over });
const LONG_AGO = new Date("2026-01-01T00:00:00Z");

const NO_HISTORY: RecentHistory = { lastAutoTextAt: null, lastHumanTouchAt: null };

const LANDLINE_CALLBACK = "Missed call from a landline: call back";
const CLIENT_CALLBACK = "Existing client missed: call back";
const AFTER_HOURS_CALLBACK = "Missed after hours: call back at opening";
const afterHours = (dueAt: Date) => ({ callback: { dueAt, reason: AFTER_HOURS_CALLBACK } });

type Case = {
  name: string;
  event: CallEvent;
  now: Date;
  contact: DecisionContact | null;
  history?: Partial<RecentHistory>;
  windowHours?: number;
  textShortAbandoned?: boolean;
  /** The location is not set up: no weekly hours and/or no booking link. */
  setup?: { noHours?: boolean; noBookingUrl?: boolean };
  expected: Decision;
};

const BOOKING_URL = "https://book.glowmedspa.example/downtown";

const skip = (reason: SkipReason, leakSource: Decision["leakSource"], extra: Partial<Decision> = {}): Decision => ({
  action: "skip",
  reason,
  situation: null,
  leakSource,
  priority: "normal",
  callback: null,
  ...extra,
});
const text = (situation: NonNullable<Decision["situation"]>, leakSource: Decision["leakSource"], extra: Partial<Decision> = {}): Decision => ({
  action: "text",
  reason: null,
  situation,
  leakSource,
  priority: "normal",
  callback: null,
  ...extra,
});

const CASES: Case[] = [
  // Not a missed call, or nobody to text.
  {
    name: "the spa answered (DialCallStatus=completed)",
    event: dialEvent(TUE_1000, { DialCallStatus: "completed", DialCallDuration: "180" }),
    now: TUE_1000,
    contact: LEAD,
    expected: skip("not_missed", null),
  },
  { name: "answered (DialCallStatus=answered)", event: dialEvent(TUE_1000, { DialCallStatus: "answered" }), now: TUE_1000, contact: LEAD, expected: skip("not_missed", null) },
  {
    name: "answered by someone who had opted out: still just an answered call",
    event: dialEvent(TUE_1000, { DialCallStatus: "completed" }),
    now: TUE_1000,
    contact: contact({ optedOutAt: LONG_AGO }),
    expected: skip("not_missed", null),
  },
  { name: "caller ID `anonymous`", event: dialEvent(TUE_1000, { From: "anonymous" }), now: TUE_1000, contact: null, expected: skip("anonymous_caller", "peak_overflow") },
  {
    name: "caller ID +266696687 (Twilio's hidden number)",
    event: dialEvent(TUE_2000, { From: "+266696687" }),
    now: TUE_2000,
    contact: null,
    expected: skip("anonymous_caller", "after_hours"),
  },

  // Who the caller is.
  { name: "opted out (replied STOP before)", event: dialEvent(TUE_1000), now: TUE_1000, contact: contact({ optedOutAt: LONG_AGO }), expected: skip("opted_out", "peak_overflow") },
  { name: "blocked number", event: dialEvent(TUE_1000), now: TUE_1000, contact: contact({ blockedAt: LONG_AGO }), expected: skip("blocked", "peak_overflow") },
  { name: "marked as spam", event: dialEvent(TUE_1000), now: TUE_1000, contact: contact({ kind: "spam" }), expected: skip("spam", "peak_overflow") },
  { name: "a staff member's phone", event: dialEvent(TUE_1000), now: TUE_1000, contact: contact({ isStaff: true }), expected: skip("staff_number", "peak_overflow") },
  {
    name: "landline while open: no text, a callback due now",
    event: dialEvent(TUE_1000),
    now: TUE_1000,
    contact: contact({ lineType: "landline" }),
    expected: skip("landline", "peak_overflow", { callback: { dueAt: TUE_1000, reason: LANDLINE_CALLBACK } }),
  },
  {
    name: "landline on Sunday: callback at Monday 09:00",
    event: dialEvent(SUN_1100),
    now: SUN_1100,
    contact: contact({ lineType: "landline" }),
    expected: skip("landline", "after_hours", { callback: { dueAt: MON_0900, reason: LANDLINE_CALLBACK } }),
  },
  {
    name: "landline at lunch: callback at 13:15",
    event: dialEvent(TUE_1245),
    now: TUE_1245,
    contact: contact({ lineType: "landline" }),
    expected: skip("landline", "lunch_gap", { callback: { dueAt: TUE_1315, reason: LANDLINE_CALLBACK } }),
  },
  { name: "VoIP line: texted", event: dialEvent(TUE_1000), now: TUE_1000, contact: contact({ lineType: "voip" }), expected: text("open", "peak_overflow") },
  { name: "line type not looked up yet: texted", event: dialEvent(TUE_1000), now: TUE_1000, contact: contact({ lineType: null }), expected: text("open", "peak_overflow") },

  // Recent history.
  {
    name: "auto-texted 2 h ago, 24 h window: no second text, conversation raised to high",
    event: dialEvent(TUE_1000),
    now: TUE_1000,
    contact: LEAD,
    history: { lastAutoTextAt: ago(TUE_1000, 2 * HOUR) },
    windowHours: 24,
    expected: skip("already_texted_recently", "peak_overflow", { priority: "high" }),
  },
  {
    name: "auto-texted 25 h ago: texted again",
    event: dialEvent(TUE_1000),
    now: TUE_1000,
    contact: LEAD,
    history: { lastAutoTextAt: ago(TUE_1000, 25 * HOUR) },
    windowHours: 24,
    expected: text("open", "peak_overflow"),
  },
  {
    name: "auto-texted 2 h ago but the window is 1 h: texted",
    event: dialEvent(TUE_1000),
    now: TUE_1000,
    contact: LEAD,
    history: { lastAutoTextAt: ago(TUE_1000, 2 * HOUR) },
    windowHours: 1,
    expected: text("open", "peak_overflow"),
  },
  {
    name: "a coordinator texted 10 min ago",
    event: dialEvent(TUE_1000),
    now: TUE_1000,
    contact: LEAD,
    history: { lastHumanTouchAt: ago(TUE_1000, 10 * MINUTE) },
    expected: skip("human_engaged_recently", "peak_overflow"),
  },
  {
    name: "a coordinator texted 40 min ago: texted",
    event: dialEvent(TUE_1000),
    now: TUE_1000,
    contact: LEAD,
    history: { lastHumanTouchAt: ago(TUE_1000, 40 * MINUTE) },
    expected: text("open", "peak_overflow"),
  },
  {
    name: "a coordinator texted exactly 30 min ago: texted",
    event: dialEvent(TUE_1000),
    now: TUE_1000,
    contact: LEAD,
    history: { lastHumanTouchAt: ago(TUE_1000, 30 * MINUTE) },
    expected: text("open", "peak_overflow"),
  },

  // Existing clients.
  {
    name: "existing client while open: the client text, high priority, callback now",
    event: dialEvent(TUE_1000),
    now: TUE_1000,
    contact: contact({ kind: "client" }),
    expected: text("existing_client", "peak_overflow", { priority: "high", callback: { dueAt: TUE_1000, reason: CLIENT_CALLBACK } }),
  },
  {
    name: "existing client after hours: callback at the next opening",
    event: dialEvent(TUE_2000),
    now: TUE_2000,
    contact: contact({ kind: "client" }),
    expected: text("existing_client", "after_hours", { priority: "high", callback: { dueAt: WED_0900, reason: CLIENT_CALLBACK } }),
  },

  // When the call came in: template and leak source.
  { name: "first-time caller while open (no contact yet)", event: dialEvent(TUE_1000), now: TUE_1000, contact: null, expected: text("open", "peak_overflow") },
  { name: "new lead while open", event: dialEvent(TUE_1000), now: TUE_1000, contact: LEAD, expected: text("open", "peak_overflow") },
  { name: "new lead at 20:00", event: dialEvent(TUE_2000), now: TUE_2000, contact: LEAD, expected: text("after_hours", "after_hours", afterHours(WED_0900)) },
  { name: "new lead at lunch", event: dialEvent(TUE_1245), now: TUE_1245, contact: LEAD, expected: text("after_hours", "lunch_gap", afterHours(TUE_1315)) },
  { name: "new lead at 02:00", event: dialEvent(WED_0200), now: WED_0200, contact: LEAD, expected: text("after_hours", "after_hours", afterHours(WED_0900)) },
  { name: "new lead on Sunday", event: dialEvent(SUN_1100), now: SUN_1100, contact: LEAD, expected: text("after_hours", "after_hours", afterHours(MON_0900)) },
  { name: "hung up on hold while open", event: abandoned(TUE_1000), now: TUE_1000, contact: LEAD, expected: text("open", "hold_abandon") },
  {
    name: "hung up on hold at lunch: still a hold abandon",
    event: abandoned(TUE_1245),
    now: TUE_1245,
    contact: LEAD,
    expected: text("after_hours", "hold_abandon", afterHours(TUE_1315)),
  },
  { name: "line busy while open", event: dialEvent(TUE_1000, { DialCallStatus: "busy" }), now: TUE_1000, contact: LEAD, expected: text("open", "peak_overflow") },
  { name: "forwarding failed while open", event: dialEvent(TUE_1000, { DialCallStatus: "failed" }), now: TUE_1000, contact: LEAD, expected: text("open", "peak_overflow") },
  {
    name: "caller hung up while ringing (canceled)",
    event: dialEvent(TUE_1000, { DialCallStatus: "canceled" }),
    now: TUE_1000,
    contact: LEAD,
    expected: text("open", "peak_overflow"),
  },
  { name: "left a voicemail after hours", event: withVoicemail(TUE_2000), now: TUE_2000, contact: LEAD, expected: text("after_hours", "after_hours", afterHours(WED_0900)) },

  // Precedence: the first rule that applies wins.
  {
    name: "opted out AND landline → opted_out, no callback",
    event: dialEvent(TUE_1000),
    now: TUE_1000,
    contact: contact({ optedOutAt: LONG_AGO, lineType: "landline" }),
    expected: skip("opted_out", "peak_overflow"),
  },
  {
    name: "opted-out client → opted_out, no client callback",
    event: dialEvent(TUE_1000),
    now: TUE_1000,
    contact: contact({ kind: "client", optedOutAt: LONG_AGO }),
    expected: skip("opted_out", "peak_overflow"),
  },
  {
    name: "blocked AND spam → blocked",
    event: dialEvent(TUE_1000),
    now: TUE_1000,
    contact: contact({ kind: "spam", blockedAt: LONG_AGO }),
    expected: skip("blocked", "peak_overflow"),
  },
  {
    name: "staff AND landline → staff_number, no callback",
    event: dialEvent(TUE_1000),
    now: TUE_1000,
    contact: contact({ isStaff: true, lineType: "landline" }),
    expected: skip("staff_number", "peak_overflow"),
  },
  {
    name: "opted out AND texted 2 h ago → opted_out at normal priority",
    event: dialEvent(TUE_1000),
    now: TUE_1000,
    contact: contact({ optedOutAt: LONG_AGO }),
    history: { lastAutoTextAt: ago(TUE_1000, 2 * HOUR) },
    expected: skip("opted_out", "peak_overflow"),
  },
  {
    name: "texted 2 h ago AND a coordinator 10 min ago → already_texted_recently",
    event: dialEvent(TUE_1000),
    now: TUE_1000,
    contact: LEAD,
    history: { lastAutoTextAt: ago(TUE_1000, 2 * HOUR), lastHumanTouchAt: ago(TUE_1000, 10 * MINUTE) },
    expected: skip("already_texted_recently", "peak_overflow", { priority: "high" }),
  },
  // Robocalls, misdials, wrong numbers and the daily cap.
  {
    name: "3rd very short call in 24 h with no voicemail → spam_pattern",
    event: dialEvent(TUE_1000),
    now: TUE_1000,
    contact: LEAD,
    history: { recentShortCalls: 3 },
    expected: skip("spam_pattern", "peak_overflow"),
  },
  {
    name: "2nd very short call → still texted",
    event: dialEvent(TUE_1000),
    now: TUE_1000,
    contact: LEAD,
    history: { recentShortCalls: 2 },
    expected: text("open", "peak_overflow"),
  },
  {
    name: "many short calls but this one left a voicemail → texted",
    event: withVoicemail(TUE_1000),
    now: TUE_1000,
    contact: LEAD,
    history: { recentShortCalls: 5 },
    expected: text("open", "peak_overflow"),
  },
  {
    name: "Aircall short_abandoned (location does not text those)",
    event: { ...abandoned(TUE_1000), missedReason: "short_abandoned" },
    now: TUE_1000,
    contact: LEAD,
    expected: skip("short_abandoned", "hold_abandon"),
  },
  {
    name: "Aircall short_abandoned where the location texts them",
    event: { ...abandoned(TUE_1000), missedReason: "short_abandoned" },
    now: TUE_1000,
    contact: LEAD,
    textShortAbandoned: true,
    expected: text("open", "hold_abandon"),
  },
  {
    name: "Aircall agents_did_not_answer → texted",
    event: { ...dialEvent(TUE_1000), missedReason: "agents_did_not_answer" },
    now: TUE_1000,
    contact: LEAD,
    expected: text("open", "peak_overflow"),
  },
  {
    name: "said 'wrong number' before → wrong_number",
    event: dialEvent(TUE_1000),
    now: TUE_1000,
    contact: contact({ leadStatus: "wrong_number" }),
    expected: skip("wrong_number", "peak_overflow"),
  },
  {
    name: "3 automatic texts in 24 h (other locations) → auto_text_limit",
    event: dialEvent(TUE_1000),
    now: TUE_1000,
    contact: LEAD,
    history: { autoTextsLast24h: 3 },
    expected: skip("auto_text_limit", "peak_overflow"),
  },
  {
    name: "2 automatic texts in 24 h → texted",
    event: dialEvent(TUE_1000),
    now: TUE_1000,
    contact: LEAD,
    history: { autoTextsLast24h: 2 },
    expected: text("open", "peak_overflow"),
  },
  {
    name: "opted out AND spam pattern → opted_out",
    event: dialEvent(TUE_1000),
    now: TUE_1000,
    contact: contact({ optedOutAt: LONG_AGO }),
    history: { recentShortCalls: 4 },
    expected: skip("opted_out", "peak_overflow"),
  },
  {
    name: "landline client → landline callback, not a client text",
    event: dialEvent(TUE_1000),
    now: TUE_1000,
    contact: contact({ kind: "client", lineType: "landline" }),
    expected: skip("landline", "peak_overflow", { callback: { dueAt: TUE_1000, reason: LANDLINE_CALLBACK } }),
  },
  {
    name: "no weekly hours (a new spa) → not set up: no text, a callback due now, neither open nor after hours",
    event: dialEvent(TUE_2000),
    now: TUE_2000,
    contact: LEAD,
    setup: { noHours: true },
    expected: skip("location_not_set_up", "other", { callback: { dueAt: TUE_2000, reason: NOT_SET_UP_CALLBACK } }),
  },
  {
    name: "hours but no booking link → not set up, callback due now even when open",
    event: dialEvent(TUE_1000),
    now: TUE_1000,
    contact: LEAD,
    setup: { noBookingUrl: true },
    expected: skip("location_not_set_up", "peak_overflow", { callback: { dueAt: TUE_1000, reason: NOT_SET_UP_CALLBACK } }),
  },
  {
    name: "existing client at a location with no booking link → not set up (held), callback due now",
    event: dialEvent(TUE_2000),
    now: TUE_2000,
    contact: contact({ kind: "client" }),
    setup: { noBookingUrl: true },
    expected: skip("location_not_set_up", "after_hours", { callback: { dueAt: TUE_2000, reason: NOT_SET_UP_CALLBACK } }),
  },
  {
    name: "opted out at a location not set up → opted_out (the caller's own rule first, no callback)",
    event: dialEvent(TUE_1000),
    now: TUE_1000,
    contact: contact({ optedOutAt: LONG_AGO }),
    setup: { noHours: true, noBookingUrl: true },
    expected: skip("opted_out", "other"),
  },
];

describe("decide", () => {
  it("has a table of at least 20 cases", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
  });

  it.each(CASES)("$name", ({ event, now, contact: who, history, windowHours, textShortAbandoned, setup, expected }) => {
    const decision = decide({
      event,
      contact: who,
      location: {
        ...DOWNTOWN,
        shifts: setup?.noHours ? [] : DOWNTOWN.shifts,
        bookingUrl: setup?.noBookingUrl ? null : BOOKING_URL,
        autoTextWindowHours: windowHours ?? 24,
        textShortAbandoned: textShortAbandoned ?? false,
      },
      history: { ...NO_HISTORY, ...history },
      now,
    });
    expect(decision).toEqual(expected);
  });

  it("every skip reason has a sentence for the timeline", () => {
    const reasons = new Set(CASES.flatMap((c) => (c.expected.reason ? [c.expected.reason] : [])));
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
