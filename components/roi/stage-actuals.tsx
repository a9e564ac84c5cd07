// The actual side of "forecast and actuals": each month of the range through the forecast's
// stages (missed → re-engaged → recovered → recovered revenue), so the owner compares like with like.
import type { MonthActuals } from "@/lib/roi/dashboard-data";
import type { Actuals } from "@/lib/roi/actuals";
import { definition, term, type RoiTermKey } from "@/lib/roi/glossary";
import { count, dollars, monthLabel } from "./format";

const STAGES: RoiTermKey[] = ["missed", "reEngaged", "recovered", "recoveredRevenue"];

export function StageActuals({ byMonth, totals }: { byMonth: MonthActuals[]; totals: Actuals }) {
  return (
    <section aria-labelledby="stage-actuals-heading" className="rounded-xl border border-slate-200 bg-white p-5 break-inside-avoid">
      <h3 id="stage-actuals-heading" className="text-sm font-semibold text-slate-900">
        What actually happened
      </h3>
      <p className="mt-0.5 text-xs text-slate-600">The same stages, measured from the spa&apos;s own calls, texts and bookings.</p>
      <div className="mt-3 overflow-x-auto">
        <table className="min-w-full text-sm" data-testid="stage-actuals">
          <thead>
            <tr className="border-b border-slate-200 text-xs text-slate-600">
              <th scope="col" className="sticky left-0 bg-white py-2 pr-3 text-left font-medium">
                Month
              </th>
              {STAGES.map((key) => (
                <th key={key} scope="col" title={definition(key)} className="px-2 py-2 text-right font-medium last:pr-0">
                  {term(key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {byMonth.map(({ month, actuals, span }) => (
              <tr key={month} data-partial={span.partial ? "true" : undefined} className={span.partial ? "italic text-slate-600" : undefined}>
                <th scope="row" className="sticky left-0 bg-white py-2 pr-3 text-left font-medium whitespace-nowrap text-slate-900">
                  {monthLabel(span)}
                </th>
                <td className="px-2 py-2 text-right tabular-nums">{count(actuals.missedCalls)}</td>
                <td className="px-2 py-2 text-right tabular-nums">{count(actuals.reEngaged)}</td>
                <td className="px-2 py-2 text-right tabular-nums">{count(actuals.recovered)}</td>
                <td className="py-2 pl-2 text-right tabular-nums">{dollars(actuals.recoveredCents)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t-2 border-slate-200 font-semibold text-slate-900">
              <th scope="row" className="sticky left-0 bg-white py-2 pr-3 text-left">
                Range total
              </th>
              <td className="px-2 py-2 text-right tabular-nums">{count(totals.missedCalls)}</td>
              <td className="px-2 py-2 text-right tabular-nums">{count(totals.reEngaged)}</td>
              <td className="px-2 py-2 text-right tabular-nums">{count(totals.recovered)}</td>
              <td className="py-2 pl-2 text-right tabular-nums">{dollars(totals.recoveredCents)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
