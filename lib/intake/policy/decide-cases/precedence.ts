// Precedence: the first rule that applies wins.
import { TUE_1000, HOUR, MINUTE, ago, dialEvent, LEAD, contact, LONG_AGO, LANDLINE_CALLBACK, skip, type Case } from "./kit";

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
];
