// The measured numbers per month or per location, one row each and a total row: the same columns
// in both tables so they read against each other.
import type { Actuals } from "@/lib/roi/actuals";
import { formatResponseBound } from "@/lib/roi/response-buckets";
import { count, dollars, percent } from "./format";

export type ActualsRow = { key: string; label: string; actuals: Actuals };

const COLUMNS: { header: string; title?: string; cell: (a: Actuals) => string }[] = [
  { header: "Inbound", cell: (a) => count(a.inboundCalls) },
  { header: "Answered live", title: "Answered by the desk while open", cell: (a) => percent(a.answeredLiveRate) },
  { header: "Missed", title: "Spam excluded", cell: (a) => count(a.missedCalls) },
  { header: "Spam", cell: (a) => count(a.spamCalls) },
  { header: "Texted ≤60 s", title: "Share of texts sent within 60 seconds", cell: (a) => percent(a.textedWithin60sRate) },
  { header: "Time to text (median / 90%)", cell: (a) => (a.medianSecondsToText === null ? "—" : `${formatResponseBound(a.medianSecondsToText)} / ${formatResponseBound(a.p90SecondsToText)}`) },
  { header: "Re-engaged", cell: (a) => count(a.reEngaged) },
  { header: "Recovered", title: "Clients who booked after a missed call and our text", cell: (a) => count(a.recovered) },
  { header: "Bookings", title: "Every booking, any source", cell: (a) => count(a.bookings) },
  { header: "Booked value", cell: (a) => dollars(a.bookedValueCents) },
  { header: "Recovered revenue", cell: (a) => dollars(a.recoveredCents) },
];

export function ActualsTable({ id, caption, firstHeader, rows, total }: { id: string; caption: string; firstHeader: string; rows: ActualsRow[]; total?: ActualsRow }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white break-inside-avoid print:overflow-visible">
      <table className="min-w-full text-sm print:text-[10px]" data-testid={id}>
        <caption className="px-4 pt-3 text-left text-sm font-semibold text-slate-900">
          {caption}
          {/* On a phone the later columns sit off to the side of this box: say so. */}
          <span className="block text-xs font-normal text-slate-500 sm:hidden print:hidden">Swipe the table sideways for every column.</span>
        </caption>
        <thead>
          <tr className="border-b border-slate-200 text-xs text-slate-600">
            <th scope="col" className="sticky left-0 bg-white px-3 py-2 print:px-1 print:py-1 text-left font-medium">
              {firstHeader}
            </th>
            {COLUMNS.map((column) => (
              <th key={column.header} scope="col" title={column.title} className="px-3 py-2 print:px-1 print:py-1 text-right font-medium">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="sticky left-0 bg-white px-3 py-2 print:px-1 print:py-1 text-left font-medium whitespace-nowrap text-slate-900">
                {row.label}
              </th>
              {COLUMNS.map((column) => (
                <td key={column.header} className="px-3 py-2 print:px-1 print:py-1 text-right whitespace-nowrap tabular-nums text-slate-800">
                  {column.cell(row.actuals)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {total ? (
          <tfoot>
            <tr className="border-t-2 border-slate-200 bg-slate-50">
              <th scope="row" className="sticky left-0 bg-slate-50 px-3 py-2 print:px-1 print:py-1 text-left font-semibold whitespace-nowrap text-slate-900">
                {total.label}
              </th>
              {COLUMNS.map((column) => (
                <td key={column.header} className="px-3 py-2 print:px-1 print:py-1 text-right font-semibold whitespace-nowrap tabular-nums text-slate-900">
                  {column.cell(total.actuals)}
                </td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
