// The recovery forecast (docs/roi.md#the-forecast), with its rounding
// rule: people are whole, so each stage rounds to the nearest person before the next stage.
// 320 calls × 23% → 74 missed × 30% → 22 re-engaged × 35% → 8 booked × $1,400 → $11,200.
import { z } from "zod";

const percent = z.coerce.number().min(0, "Use a percentage from 0 to 100.").max(100, "Use a percentage from 0 to 100.");

export const forecastInputSchema = z.object({
  monthlyCalls: z.coerce.number().int("Use a whole number of calls.").min(0).max(1_000_000),
  missedRatePct: percent,
  recoveryRatePct: percent,
  bookRatePct: percent,
  /** Average client value in whole dollars (money is kept in cents below). */
  clientValue: z.coerce.number().min(0).max(1_000_000),
});
export type ForecastInput = z.infer<typeof forecastInputSchema>;

export const WORKED_EXAMPLE: ForecastInput = { monthlyCalls: 320, missedRatePct: 23, recoveryRatePct: 30, bookRatePct: 35, clientValue: 1400 };

export type Forecast = { missed: number; reEngaged: number; booked: number; recoveredCents: number };

/** Rounds half up to a whole person (0.5 → 1), after removing floating-point noise (73.6000001). */
export function wholePeople(value: number): number {
  return Math.floor(Math.round(value * 1e6) / 1e6 + 0.5);
}

export function forecast(input: ForecastInput): Forecast {
  const missed = wholePeople((input.monthlyCalls * input.missedRatePct) / 100);
  const reEngaged = wholePeople((missed * input.recoveryRatePct) / 100);
  const booked = wholePeople((reEngaged * input.bookRatePct) / 100);
  const recoveredCents = booked * Math.round(input.clientValue * 100);
  return { missed, reEngaged, booked, recoveredCents };
}
