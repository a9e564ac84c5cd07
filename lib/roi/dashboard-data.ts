// What the ROI dashboard renders (app/(dashboard)/roi): everything is computed on the server from
// the rollup (db/queries/roi.ts loadRoiDashboard) and handed to the page as plain data.
import type { Actuals } from "./actuals";
import type { BenchmarkRow } from "./benchmarks";
import type { ForecastInput } from "./forecast";
import type { MonthSpan } from "./months";
import type { RoiRange } from "./range";

/** One calendar month the range touches; `span` says which days it covers and whether it is partial. */
export type MonthActuals = { month: string; actuals: Actuals; span: MonthSpan };
export type LocationActuals = { locationId: string; name: string; actuals: Actuals; byMonth: MonthActuals[] };

export type RoiDashboard = {
  range: RoiRange;
  /** The organization's local today: the current month is partial. */
  today: string;
  locations: { id: string; name: string }[];
  attributionWindowDays: number;
  /** The whole range (filtered by location when one is chosen). */
  totals: Actuals;
  /** Each calendar month the range touches, partial ones marked: the tables' rows and the trend charts' points. */
  byMonth: MonthActuals[];
  /** Each location over the range (all locations, even when the range is filtered to one). */
  byLocation: LocationActuals[];
  /** Missed calls by local weekday (0 = Sunday) × hour 0–23. */
  heatmap: number[][];
  /** "Use my numbers": forecast inputs from the range's own records, per month. */
  measured: ForecastInput;
  /** How many months `measured` averages over (days in range ÷ 30.4). */
  measuredMonths: number;
  benchmarks: BenchmarkRow[];
};
