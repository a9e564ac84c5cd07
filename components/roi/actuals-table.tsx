// The measured numbers per month or per location, one row each and a total row: the same columns
// in both tables so they read against each other.
import type { Actuals } from "@/lib/roi/actuals";
import { definition, term, type RoiTermKey } from "@/lib/roi/glossary";
import { formatResponseBound } from "@/lib/roi/response-buckets";
import { count, dollars, percent } from "./format";

/** `partial`: a month only partly inside the range (or not over), shown in italics. */
export type ActualsRow = { key: string; label: string; actuals: Actuals; partial?: boolean };

type Column = { key: RoiTermKey; header: string; cell: (a: Actuals) => string };
/** Each column is a glossary word; a rate says so after the word ("Answered live %"). */
const column = (key: RoiTermKey, cell: Column["cell"], header = term(key)): Column => ({ key, header, cell });

const COLUMNS: Column[] = [
  column("inbound", (a) => count(a.inboundCalls)),
  column("answeredLive", (a) => percent(a.answeredLiveRate), `${term("answeredLive")} %`),
  column("missed", (a) => count(a.missedCalls)),
  column("spam", (a) => count(a.spamCalls)),
  column("textedWithin60s", (a) => percent(a.textedWithin60sRate), `${term("textedWithin60s")} %`),
  column(
    "timeToText",
    (a) => (a.medianSecondsToText === null ? "—" : `${formatResponseBound(a.medianSecondsToText)} / ${formatResponseBound(a.p90SecondsToText)}`),
    `${term("timeToText")} (median / 9 in 10)`,
  ),
  column("reEngaged", (a) => count(a.reEngaged)),
  column("recovered", (a) => count(a.recovered)),
  column("bookings", (a) => count(a.bookings)),
  column("bookedValue", (a) => dollars(a.bookedValueCents)),
  column("recoveredRevenue", (a) => dollars(a.recoveredCents)),
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
              <th key={column.header} scope="col" title={definition(column.key)} className="px-3 py-2 print:px-1 print:py-1 text-right font-medium">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.key} data-partial={row.partial ? "true" : undefined} className={row.partial ? "italic" : undefined}>
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
