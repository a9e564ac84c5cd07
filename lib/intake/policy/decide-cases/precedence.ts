// Precedence: the first rule that applies wins.
import { LEGS_UNKNOWN_CALLBACK } from "../reasons";
import { TUE_1000, TUE_2000, HOUR, MINUTE, ago, dialEvent, LEAD, contact, LONG_AGO, LANDLINE_CALLBACK, skip, type Case } from "./kit";

export const PRECEDENCE_CASES: Case[] = [
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
  {
    name: "landline client → landline callback, not a client text",
    event: dialEvent(TUE_1000),
    now: TUE_1000,
    contact: contact({ kind: "client", lineType: "landline" }),
    expected: skip("landline", "peak_overflow", { callback: { dueAt: TUE_1000, reason: LANDLINE_CALLBACK } }),
  },
  {
    name: "own Twilio flow, legs nobody could list, after hours → legs_unknown, callback due now (not at opening)",
    event: { ...dialEvent(TUE_2000), legCheck: { status: "unknown", failures: 5, error: "Twilio answered HTTP 500 (error 20500): Internal Server Error" } },
    now: TUE_2000,
    contact: LEAD,
    expected: skip("legs_unknown", "after_hours", { callback: { dueAt: TUE_2000, reason: LEGS_UNKNOWN_CALLBACK } }),
  },
  {
    name: "legs unknown AND landline → legs_unknown (a callback either way, due now)",
    event: { ...dialEvent(TUE_1000), legCheck: { status: "unknown", failures: 5, error: "timeout" } },
    now: TUE_1000,
    contact: contact({ lineType: "landline" }),
    expected: skip("legs_unknown", "peak_overflow", { callback: { dueAt: TUE_1000, reason: LEGS_UNKNOWN_CALLBACK } }),
  },
];
