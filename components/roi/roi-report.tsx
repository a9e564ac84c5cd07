// The whole ROI report below the filters: headline numbers, the counting rule, forecast beside the
// actuals, the charts, the benchmarks and the per-month / per-location tables. Server-rendered
// from one RoiDashboard; only the calculator and the charts are client leaves.
import type { RoiDashboard } from "@/lib/roi/dashboard-data";
import type { ForecastInput } from "@/lib/roi/forecast";
import { ActualsTable } from "./actuals-table";
import { AttributionRule } from "./attribution-rule";
import { BenchmarkTable } from "./benchmark-table";
import { ExportLinks } from "./export-links";
import { ForecastCalculator } from "./forecast-calculator";
import { count, counted, monthLabel, rangeName } from "./format";
import { Glossary } from "./glossary";
import { HeadlineNumbers } from "./headline-numbers";
import { RoiCharts } from "./roi-charts";
import { StageActuals } from "./stage-actuals";

function measuredDescription(data: RoiDashboard): string {
  const m = data.measured;
  const months = Math.round(data.measuredMonths * 10) / 10;
  return `Your numbers, ${rangeName(data.range)} (${months} ${months === 1 ? "month" : "months"}): ${counted(m.monthlyCalls, "call")} a month, ${m.missedRatePct}% missed, ${m.recoveryRatePct}% re-engaged rate, ${m.bookRatePct}% book rate, $${count(m.clientValue)} a client.`;
}

export function RoiReport({ data, forecastInitial, locationName }: { data: RoiDashboard; forecastInitial: ForecastInput; locationName: string }) {
  const { range, totals } = data;
  return (
    <div className="space-y-6 p-4 sm:p-6 print:space-y-4 print:p-0">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700" data-testid="roi-range">
          <span className="font-semibold text-slate-900">{rangeName(range)}</span> · {locationName}
        </p>
        <ExportLinks range={range} />
      </div>
      <HeadlineNumbers totals={totals} range={range} />
      <AttributionRule windowDays={data.attributionWindowDays} />
      <Glossary />

      <section aria-labelledby="forecast-section-heading" className="space-y-3 break-before-auto">
        <div>
          <h2 id="forecast-section-heading" className="text-base font-semibold text-slate-900 print:break-after-avoid">
            Recovery forecast
          </h2>
          <p className="text-sm text-slate-600">The industry&apos;s worked example, or your own numbers, beside what was measured.</p>
        </div>
        <div className="grid grid-cols-1 gap-4 xl:grid-cols-[minmax(0,1.7fr)_minmax(0,1fr)] print:grid-cols-1">
          <ForecastCalculator initial={forecastInitial} measured={{ input: data.measured, description: measuredDescription(data) }} />
          <StageActuals byMonth={data.byMonth} totals={totals} />
        </div>
      </section>

      <RoiCharts data={data} range={range} />

      <section aria-labelledby="benchmarks-heading" className="space-y-3 break-inside-avoid">
        <h2 id="benchmarks-heading" className="text-base font-semibold text-slate-900 print:break-after-avoid">
          Benchmarks
        </h2>
        <BenchmarkTable rows={data.benchmarks} />
      </section>

      <section aria-labelledby="tables-heading" className="space-y-4">
        <h2 id="tables-heading" className="text-base font-semibold text-slate-900 print:break-after-avoid">
          Month by month, location by location
        </h2>
        <ActualsTable
          id="actuals-by-month"
          caption={`Per month · ${locationName}`}
          firstHeader="Month"
          rows={data.byMonth.map(({ month, actuals, span }) => ({ key: month, label: monthLabel(span), actuals, partial: span.partial }))}
          total={{ key: "total", label: "Range total", actuals: totals }}
        />
        <ActualsTable
          id="actuals-by-location"
          caption={`Per location · ${rangeName(range)}`}
          firstHeader="Location"
          rows={data.byLocation.map((l) => ({ key: l.locationId, label: l.name, actuals: l.actuals }))}
        />
      </section>
    </div>
  );
}
