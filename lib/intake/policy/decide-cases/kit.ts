// The decision table's shared parts: fixed clocks, calls as the Twilio parser makes them from the
// real `<Dial action>` payload (docs/provider-formats.md#twilio-dial-action), callers, and one way to
// run a case against the demo Downtown spa (America/Los_Angeles, Mon–Fri 09:00–12:30 + 13:15–19:00,
// Sat 09:00–15:00). The cases are in this folder, one rule group a file; the tests that run them are
// lib/intake/policy/decide*.test.ts.
import type { SendingFacts } from "@/db/queries/send-signals";
import type { CallEvent } from "@/lib/telephony/call-event";
import { DIAL_ACTION_FIXTURE } from "@/lib/telephony/twilio/samples";
import { callEventFromDial, dialActionSchema, parseTwilio } from "@/lib/telephony/twilio/parse";
import { DOWNTOWN } from "@/lib/schedule/test-schedules";
import { decide, type Decision, type DecisionContact, type RecentHistory } from "../decide";
import type { SkipReason } from "../reasons";

// Fixed clocks (Los Angeles wall time in the names).
export const TUE_1000 = new Date("2026-05-12T17:00:00Z");
export const TUE_1245 = new Date("2026-05-12T19:45:00Z"); // lunch
export const TUE_2000 = new Date("2026-05-13T03:00:00Z");
export const WED_0200 = new Date("2026-05-13T09:00:00Z");
export const SUN_1100 = new Date("2026-05-10T18:00:00Z");
export const TUE_1315 = new Date("2026-05-12T20:15:00Z");
export const WED_0900 = new Date("2026-05-13T16:00:00Z");
export const MON_0900 = new Date("2026-05-11T16:00:00Z");

export const HOUR = 3600 * 1000;
export const MINUTE = 60 * 1000;
export const ago = (now: Date, ms: number) => new Date(now.getTime() - ms);

/** §1(b) as Twilio posts it (the fixture), dialled to the Downtown spa's number. */
const DIAL_ACTION: Record<string, string> = { ...DIAL_ACTION_FIXTURE, To: "+13105550100" };

/** The CallEvent the `<Dial action>` webhook produces when it arrives at `at`. */
export function dialEvent(at: Date, overrides: { DialCallStatus?: string; From?: string; DialCallDuration?: string } = {}): CallEvent {
  const parsed = parseTwilio(dialActionSchema, { ...DIAL_ACTION, ...overrides });
  if (!parsed.ok) throw new Error(parsed.message);
  return callEventFromDial(parsed.value, at);
}

/** A caller who hung up while on hold, as a queue (`<Enqueue>` QueueResult=hangup) intake reports it. */
export const abandoned = (at: Date): CallEvent => ({ ...dialEvent(at), disposition: "abandoned", providerStatus: "hangup" });
export const withVoicemail = (at: Date): CallEvent => ({
  ...dialEvent(at),
  disposition: "voicemail",
  voicemail: { url: "https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Recordings/RE1", seconds: 14 },
});

export const LEAD: DecisionContact = { kind: "new_lead", optedOutAt: null, blockedAt: null, isStaff: false, lineType: "mobile" };
export const contact = (over: Partial<DecisionContact>): DecisionContact => ({ ...LEAD, ...over });
export const LONG_AGO = new Date("2026-01-01T00:00:00Z");

export const NO_HISTORY: RecentHistory = { lastAutoTextAt: null, lastHumanTouchAt: null };

export const LANDLINE_CALLBACK = "Missed call from a landline: call back";
export const TOLL_FREE_CALLBACK = "Missed call from a toll-free number: call back";
export const CLIENT_CALLBACK = "Existing client missed: call back";
export const AFTER_HOURS_CALLBACK = "Missed after hours: call back at opening";
export const afterHours = (dueAt: Date) => ({ callback: { dueAt, reason: AFTER_HOURS_CALLBACK } });

export type Case = {
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

export const BOOKING_URL = "https://book.glowmedspa.example/downtown";

export const skip = (reason: SkipReason, leakSource: Decision["leakSource"], extra: Partial<Decision> = {}): Decision => ({
  action: "skip",
  reason,
  situation: null,
  leakSource,
  priority: "normal",
  callback: null,
  ...extra,
});
export const text = (situation: NonNullable<Decision["situation"]>, leakSource: Decision["leakSource"], extra: Partial<Decision> = {}): Decision => ({
  action: "text",
  reason: null,
  situation,
  leakSource,
  priority: "normal",
  callback: null,
  ...extra,
});

/** What `decide` answers for a case, at the Downtown spa with the case's settings. */
export function decideCase({ event, now, contact: who, history, windowHours, textShortAbandoned, setup }: Case): Decision {
  return decide({
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
}

/** What the send guard reads with a text when nothing stands in the way: a proven Twilio number, nothing sent yet today. */
export const CLEAR_FACTS: SendingFacts = {
  enabledCountries: ["US", "CA"],
  numberHeld: true,
  number: {
    id: "00000000-0000-4000-8000-000000000001",
    provider: "twilio",
    e164: "+13105550100",
    providerNumberId: "PN0001",
    proofStatus: "proven",
    proofCheckedAt: null,
    twilioOrigin: "twilio",
    sendingPausedReason: null,
  },
  contactedFirst: true,
  autoTexts24h: 0,
  manualTexts24h: 0,
  fromNumberLastMinute: 0,
  oldestInLastMinute: null,
};
