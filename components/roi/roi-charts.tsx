// The six charts of the ROI page, each titled with the owner's question and answered in words
// underneath. Data is shaped here on the server; the recharts leaves only draw it.
import type { RoiDashboard } from "@/lib/roi/dashboard-data";
import type { RoiRange } from "@/lib/roi/range";
import { formatResponseBound } from "@/lib/roi/response-buckets";
import { AfterHoursGauge } from "./after-hours-gauge";
import { funnelSteps, leakRows, partialMonthsNote, responseRows, trendRows, type TrendRow } from "./chart-data";
import { ChartFigure } from "./chart-figure";
import { DropOffFunnel } from "./drop-off-funnel";
import { count, counted, dollars, percent } from "./format";
import { LeakSourcesChart } from "./leak-sources-chart";
import { listHref } from "./links";
import { MissedHeatmap } from "./missed-heatmap";
import { ResponseTimeChart } from "./response-time-chart";
import { TrendChart } from "./trend-chart";

const rateOf = (row: TrendRow) => percent(row.recoveredRate);

export function RoiCharts({ data, range }: { data: RoiDashboard; range: RoiRange }) {
  const { totals } = data;
  const leaks = leakRows(totals.leak);
  const biggest = [...leaks].sort((a, b) => b.count - a.count)[0];
  const steps = funnelSteps(totals);
  const trend = trendRows(data.byMonth);
  const first = trend[0];
  const last = trend[trend.length - 1];

  return (
    <section aria-labelledby="charts-heading" className="space-y-4">
      <h2 id="charts-heading" className="text-base font-semibold text-slate-900 print:break-after-avoid">
        Where the calls go
      </h2>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2 print:block print:space-y-4">
        <MissedHeatmap grid={data.heatmap} />
        <ChartFigure
          id="leak-sources"
          question="Why do we miss them?"
          finding={
            biggest && biggest.count > 0
              ? `The biggest leak: ${biggest.label.toLowerCase()}, ${biggest.share}% of missed calls${biggest.typical ? ` (typical ${biggest.typical[0]}–${biggest.typical[1]}%)` : ""}.`
              : "No missed calls in this range."
          }
        >
          <LeakSourcesChart rows={leaks} />
        </ChartFigure>
        <ChartFigure
          id="response-time"
          question="How fast do we respond?"
          finding={
            totals.textedCalls > 0
              ? `${percent(totals.textedWithin60sRate)} of ${counted(totals.textedCalls, "text")} went out within the 60-second target. Half were sent ${formatResponseBound(totals.medianSecondsToText)}, 9 in 10 ${formatResponseBound(totals.p90SecondsToText)}.`
              : "No text-backs in this range."
          }
        >
          <ResponseTimeChart rows={responseRows(totals.responseHistogram)} />
        </ChartFigure>
        <ChartFigure
          id="funnel"
          question="Where do callers drop?"
          finding={
            <>
              Of {counted(totals.missedCalls, "missed call")}, {count(totals.textedCalls)} {totals.textedCalls === 1 ? "was" : "were"} texted back, {count(totals.reEngaged)}{" "}
              re-engaged and{" "}
              <a href={listHref("recovered", range)} className="font-medium text-brand-700 hover:underline">
                {count(totals.recovered)} recovered
              </a>
              {totals.missedCalls > 0 ? (
                <>
                  : a recovered rate of <span data-term="recoveredRate">{percent(totals.recoveredRate)}</span>.
                </>
              ) : (
                "."
              )}
            </>
          }
        >
          <DropOffFunnel steps={steps} />
        </ChartFigure>
        <AfterHoursGauge actuals={totals} listHref={listHref("after_hours", range)} />
        <ChartFigure
          id="trend"
          question="Is it getting better?"
          className="lg:col-span-2"
          finding={
            first && last && first !== last
              ? `Recovered rate: ${rateOf(first)} in ${first.name}, ${rateOf(last)} in ${last.name} (${dollars(last.recoveredDollars * 100)} recovered revenue${last.partial ? " in those days" : " that month"}).`
              : "Choose a range of two months or more to compare months."
          }
        >
          <TrendChart rows={trend} note={partialMonthsNote(trend)} />
        </ChartFigure>
      </div>
    </section>
  );
}
