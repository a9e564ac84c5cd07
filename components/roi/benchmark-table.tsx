// The brief's benchmark table with the spa's own value in each row and a verdict in words (a mark
// and "meets" / "below" / "no data"), never by colour alone. Cards on a phone, a table elsewhere.
import type { BenchmarkRow } from "@/lib/roi/benchmarks";

function Verdict({ meets }: { meets: boolean | null }) {
  if (meets === null) return <span className="text-slate-600">— not enough data</span>;
  return meets ? (
    <span className="font-medium text-emerald-800">
      <span aria-hidden="true">✓ </span>Meets target
    </span>
  ) : (
    <span className="font-medium text-red-700">
      <span aria-hidden="true">✗ </span>Below target
    </span>
  );
}

export function BenchmarkTable({ rows }: { rows: BenchmarkRow[] }) {
  return (
    <>
      {/* A phone gets one card per benchmark; wider screens and paper the table. */}
      <ul className="space-y-2 sm:hidden print:hidden" aria-label="How the spa compares with the industry">
        {rows.map((row) => (
          <li key={row.metric} className="rounded-xl border border-slate-200 bg-white p-3 text-sm">
            <p className="font-medium text-slate-900">{row.metric}</p>
            <p className="mt-1">
              Your spa: <span className="font-semibold text-slate-900">{row.value}</span> · <Verdict meets={row.meetsTarget} />
            </p>
            <p className="text-xs text-slate-600">
              Target {row.target} · unmanaged {row.baseline}
            </p>
          </li>
        ))}
      </ul>
      <BenchmarkGrid rows={rows} />
    </>
  );
}

function BenchmarkGrid({ rows }: { rows: BenchmarkRow[] }) {
  return (
    <div className="hidden overflow-x-auto rounded-xl border border-slate-200 bg-white break-inside-avoid sm:block print:block">
      <table className="min-w-full text-sm" data-testid="benchmark-table">
        <caption className="px-4 pt-3 text-left text-sm font-semibold text-slate-900">How the spa compares with the industry</caption>
        <thead>
          <tr className="border-b border-slate-200 text-xs text-slate-600">
            <th scope="col" className="px-4 py-2 text-left font-medium">
              Metric
            </th>
            <th scope="col" className="px-4 py-2 text-left font-medium">
              Unmanaged baseline
            </th>
            <th scope="col" className="px-4 py-2 text-left font-medium">
              Target with automation
            </th>
            <th scope="col" className="px-4 py-2 text-left font-medium">
              Your spa
            </th>
            <th scope="col" className="px-4 py-2 text-left font-medium">
              Verdict
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.metric}>
              <th scope="row" className="px-4 py-2 text-left font-medium text-slate-900">
                {row.metric}
              </th>
              <td className="px-4 py-2 text-slate-700">{row.baseline}</td>
              <td className="px-4 py-2 text-slate-700">{row.target}</td>
              <td className="px-4 py-2 font-semibold text-slate-900 tabular-nums">{row.value}</td>
              <td className="px-4 py-2 whitespace-nowrap">
                <Verdict meets={row.meetsTarget} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
