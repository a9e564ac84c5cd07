// A location not set up (no weekly hours or no booking link): no text, a callback due now.
import { TUE_1000, TUE_2000, dialEvent, LEAD, contact, LONG_AGO, skip, type Case } from "./kit";
import { NOT_SET_UP_CALLBACK } from "../reasons";

export const NOT_SET_UP_CASES: Case[] = [
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
