// Whether a location may send automatic texts yet. A new spa starts with no opening hours and no
// booking link: texting callers then would mean calling every call "after hours" and sending a link
// that is not the spa's. Until both are set, calls are recorded and become callbacks instead. Pure.
import { hasWeeklyHours, type Schedule } from "@/lib/schedule/hours";

export type SetupGap = "hours" | "booking_link";

export const SETUP_GAP_TEXT: Record<SetupGap, string> = {
  hours: "opening hours",
  booking_link: "a booking link",
};

/** What the location still lacks before it texts callers automatically (empty: ready). */
export function setupGaps(location: Pick<Schedule, "shifts"> & { bookingUrl: string | null }): SetupGap[] {
  const gaps: SetupGap[] = [];
  if (!hasWeeklyHours(location)) gaps.push("hours");
  if (!location.bookingUrl) gaps.push("booking_link");
  return gaps;
}

export function locationSetUp(location: Pick<Schedule, "shifts"> & { bookingUrl: string | null }): boolean {
  return setupGaps(location).length === 0;
}
