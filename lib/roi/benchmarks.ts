// The brief's benchmark table ("Benchmarks the dashboard measures against") with the spa's own
// value in each row and whether it meets the target. Pure: no I/O.
import type { Actuals } from "./actuals";
import { term } from "./glossary";
import { formatResponseBound } from "./response-buckets";

export type BenchmarkRow = {
  metric: string;
  baseline: string;
  target: string;
  /** The spa's measured value, formatted; "not enough data" when the range has none. */
  value: string;
  /** null when there is nothing to judge. */
  meetsTarget: boolean | null;
};

const percent = (rate: number | null) => (rate === null ? "not enough data" : `${Math.round(rate * 100)}%`);
const atLeast = (rate: number | null, floor: number) => (rate === null ? null : rate >= floor);

export function benchmarkRows(actuals: Actuals): BenchmarkRow[] {
  return [
    {
      metric: `${term("answeredLive")} (open hours)`,
      baseline: "72%–80%",
      target: "90%+",
      value: percent(actuals.answeredLiveRate),
      meetsTarget: atLeast(actuals.answeredLiveRate, 0.9),
    },
    {
      metric: `${term("timeToText")} (median)`,
      baseline: "hours / never",
      target: "under 60 seconds",
      value: actuals.medianSecondsToText === null ? "not enough data" : formatResponseBound(actuals.medianSecondsToText),
      meetsTarget: actuals.medianSecondsToText === null ? null : actuals.medianSecondsToText <= 60,
    },
    { metric: term("reEngagedRate"), baseline: "~0%", target: "25%–35%", value: percent(actuals.reEngagedRate), meetsTarget: atLeast(actuals.reEngagedRate, 0.25) },
    {
      metric: term("afterHoursCaptured"),
      baseline: "near 0%",
      target: "60%+",
      value: percent(actuals.afterHoursCapturedRate),
      meetsTarget: atLeast(actuals.afterHoursCapturedRate, 0.6),
    },
    { metric: term("bookRate"), baseline: "18%–25%", target: "30%–40%", value: percent(actuals.bookRate), meetsTarget: atLeast(actuals.bookRate, 0.3) },
  ];
}
