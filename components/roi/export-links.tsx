// CSV downloads of the records behind the report, for the range and location on screen.
import type { RoiRange } from "@/lib/roi/range";
import { EXPORTS, exportHref } from "./links";

export function ExportLinks({ range }: { range: RoiRange }) {
  return (
    <nav aria-label="Export CSV" className="flex flex-wrap items-center gap-2 text-sm print:hidden">
      <span className="text-slate-600">Export CSV:</span>
      {EXPORTS.map((item) => (
        <a
          key={item.file}
          href={exportHref(item.file, range)}
          download
          className="rounded-md px-2.5 py-1 font-medium text-brand-700 ring-1 ring-brand-100 ring-inset hover:bg-brand-50"
        >
          {item.label}
        </a>
      ))}
    </nav>
  );
}
