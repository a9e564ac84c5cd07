// The demo Downtown location's hours (docs/architecture.md#demo-data), shared by the pure tests:
// America/Los_Angeles, Mon–Fri 09:00–12:30 and 13:15–19:00, Sat 09:00–15:00, closed Sunday.
import type { Closure, Schedule, Shift } from "@/lib/schedule/hours";

export const LA = "America/Los_Angeles";
export const hm = (h: number, m = 0) => h * 60 + m;

export const DOWNTOWN: Schedule = {
  timezone: LA,
  shifts: [
    ...[1, 2, 3, 4, 5].flatMap((weekday): Shift[] => [
      { weekday, opensMinute: hm(9), closesMinute: hm(12, 30) },
      { weekday, opensMinute: hm(13, 15), closesMinute: hm(19) },
    ]),
    { weekday: 6, opensMinute: hm(9), closesMinute: hm(15) },
  ],
  closures: [],
};

export const withClosures = (schedule: Schedule, closures: Closure[]): Schedule => ({ ...schedule, closures });
