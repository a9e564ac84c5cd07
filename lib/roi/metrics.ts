// The figures an owner can open to see the list behind them (/roi/list?metric=…), with their names
// as the dashboard prints them. Pure: no I/O.
import type { Actuals } from "./actuals";

export const LIST_METRICS = ["inbound", "answered", "spam", "missed", "after_hours", "texted", "texted_60s", "re_engaged", "recovered", "bookings"] as const;
export type ListMetric = (typeof LIST_METRICS)[number];

export const METRIC_LABELS: Record<ListMetric, { title: string; rule: string; count: (a: Actuals) => number }> = {
  inbound: { title: "Inbound calls", rule: "Every inbound call the phone system reported.", count: (a) => a.inboundCalls },
  answered: { title: "Answered live", rule: "Inbound calls a person picked up.", count: (a) => a.answeredCalls },
  spam: { title: "Spam calls", rule: "Calls from callers marked as spam, or that the spam rule stopped. They are not counted as missed.", count: (a) => a.spamCalls },
  missed: { title: "Missed calls", rule: "Inbound calls nobody picked up (rang out, voicemail, abandoned on hold, busy, failed), spam excluded.", count: (a) => a.missedCalls },
  after_hours: { title: "Missed while closed", rule: "Missed calls that came in outside the location's opening hours.", count: (a) => a.afterHoursMissed },
  texted: { title: "Texted back", rule: "Missed calls whose automatic text-back went out (failed and cancelled texts do not count).", count: (a) => a.textedCalls },
  texted_60s: { title: "Texted within 60 s", rule: "Missed calls texted back within 60 seconds of the call ending.", count: (a) => a.textedWithin60s },
  re_engaged: {
    title: "Re-engaged",
    rule: "Texted missed calls whose caller replied (STOP does not count) or tapped the booking link before the next text-back, within the attribution window.",
    count: (a) => a.reEngaged,
  },
  recovered: {
    title: "Recovered",
    rule: "Missed calls followed by a kept booking from the same caller within the attribution window, after our text, their reply or a tap on the link. One per call.",
    count: (a) => a.recovered,
  },
  bookings: { title: "Bookings", rule: "Every booking made in the range (any source), on the day it was made; cancelled and no-show bookings excluded.", count: (a) => a.bookings },
};

export function parseMetric(value: unknown): ListMetric | null {
  return typeof value === "string" && (LIST_METRICS as readonly string[]).includes(value) ? (value as ListMetric) : null;
}
