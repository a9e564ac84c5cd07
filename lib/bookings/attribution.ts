// Where a booking came from, in one line the desk and the owner read the same way (docs/roi.md#attribution:
// a booking is recovered when it follows a missed call of the same contact within
// the organization's attribution window). Pure: no I/O.

export type AttributionFacts = {
  /** The most recent missed call of the contact at the location within the window, if any. */
  call: { startedAt: Date } | null;
  /** Rebound's automatic text-back for that call went out. */
  textBack: boolean;
  /** The caller wrote back after the missed call, before the booking. */
  replied: boolean;
  windowDays: number;
  timezone: string;
};

/** "Tue 3:12 PM" in the location's timezone. */
export function formatCallTime(at: Date, timezone: string): string {
  return at.toLocaleString("en-US", { timeZone: timezone, weekday: "short", hour: "numeric", minute: "2-digit" }).replace(",", "");
}

export function describeAttribution(facts: AttributionFacts): string {
  if (!facts.call) return `Not attributed: no missed call in the last ${facts.windowDays} ${facts.windowDays === 1 ? "day" : "days"}`;
  const steps = [`From the missed call ${formatCallTime(facts.call.startedAt, facts.timezone)}`];
  if (facts.textBack) steps.push("text-back");
  if (facts.replied) steps.push("reply");
  return steps.join(" → ");
}

/** The first instant a missed call counts for a booking made at `now`. */
export function attributionWindowStart(now: Date, windowDays: number): Date {
  return new Date(now.getTime() - windowDays * 24 * 3600 * 1000);
}
