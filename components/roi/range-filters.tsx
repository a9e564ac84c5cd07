// The filter bar of the ROI page: the range form and the quick ranges, all of it in the URL.
import Link from "next/link";
import { rangeQuery, type RoiRange } from "@/lib/roi/range";
import { quickRanges, sameRange } from "./links";
import { RangeForm } from "./range-form";

export function RangeFilters({ range, today, locations, notice }: { range: RoiRange; today: string; locations: { id: string; name: string }[]; notice?: string | null }) {
  return (
    <div className="space-y-3 border-b border-slate-200 bg-white px-4 py-3 sm:px-6 print:hidden">
      <RangeForm range={range} today={today} locations={locations} />
      <nav aria-label="Quick ranges" className="flex flex-wrap gap-1.5 text-sm">
        {quickRanges(today, range.locationId).map((quick) => {
          const current = sameRange(quick.range, range);
          return (
            <Link
              key={quick.label}
              scroll={false}
              href={`/roi?${rangeQuery(quick.range)}`}
              aria-current={current ? "true" : undefined}
              className={`rounded-full px-3 py-1 font-medium ring-1 ring-inset ${current ? "bg-brand-600 text-white ring-brand-600" : "text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
            >
              {quick.label}
            </Link>
          );
        })}
      </nav>
      {notice ? (
        <p role="status" className="text-sm text-amber-800">
          {notice}
        </p>
      ) : null}
    </div>
  );
}
