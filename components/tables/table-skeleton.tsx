/** The shape of a table while its page loads: header, rows and the pager, no layout jump after. */
export function TableSkeleton({ rows = 10, columns = 6 }: { rows?: number; columns?: number }) {
  return (
    <div aria-busy="true" aria-label="Loading" className="bg-white">
      <div className="flex gap-4 border-b border-slate-200 bg-slate-50 px-3 py-2.5">
        {Array.from({ length: columns }, (_, i) => (
          <div key={i} className="h-3 flex-1 animate-pulse rounded bg-slate-200" />
        ))}
      </div>
      <ul className="divide-y divide-slate-100">
        {Array.from({ length: rows }, (_, i) => (
          <li key={i} className="flex gap-4 px-3 py-3">
            {Array.from({ length: columns }, (_, j) => (
              <div key={j} className={`h-4 flex-1 animate-pulse rounded ${j === 0 ? "bg-slate-200" : "bg-slate-100"}`} />
            ))}
          </li>
        ))}
      </ul>
      <div className="h-14 border-t border-slate-200" />
    </div>
  );
}
