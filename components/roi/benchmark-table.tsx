// The brief's benchmark table with the spa's own value in each row and a verdict in words (a mark
// and "meets" / "below" / "no data"), never by colour alone.
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
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white break-inside-avoid">
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
