// The figures an owner can open to see the list behind them (/roi/list?metric=…), with their names
// and rules from the glossary, as the dashboard prints them. Pure: no I/O.
import type { Actuals } from "./actuals";
import { definition, term } from "./glossary";

export const LIST_METRICS = ["inbound", "answered", "spam", "missed", "after_hours", "texted", "texted_60s", "re_engaged", "recovered", "bookings"] as const;
export type ListMetric = (typeof LIST_METRICS)[number];

export const METRIC_LABELS: Record<ListMetric, { title: string; rule: string; count: (a: Actuals) => number }> = {
  inbound: { title: term("inbound"), rule: definition("inbound"), count: (a) => a.inboundCalls },
  answered: { title: term("answeredLive"), rule: definition("answeredLive"), count: (a) => a.answeredCalls },
  spam: { title: term("spam"), rule: definition("spam"), count: (a) => a.spamCalls },
  missed: { title: term("missed"), rule: definition("missed"), count: (a) => a.missedCalls },
  after_hours: { title: term("missedWhileClosed"), rule: definition("missedWhileClosed"), count: (a) => a.afterHoursMissed },
  texted: { title: term("textedBack"), rule: definition("textedBack"), count: (a) => a.textedCalls },
  texted_60s: { title: term("textedWithin60s"), rule: definition("textedWithin60s"), count: (a) => a.textedWithin60s },
  re_engaged: { title: term("reEngaged"), rule: definition("reEngaged"), count: (a) => a.reEngaged },
  recovered: { title: term("recovered"), rule: definition("recovered"), count: (a) => a.recovered },
  bookings: { title: term("bookings"), rule: definition("bookings"), count: (a) => a.bookings },
};

export function parseMetric(value: unknown): ListMetric | null {
  return typeof value === "string" && (LIST_METRICS as readonly string[]).includes(value) ? (value as ListMetric) : null;
}
