export function ListSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <ul aria-busy="true" aria-label="Loading" className="divide-y divide-slate-100">
      {Array.from({ length: rows }, (_, i) => (
        <li key={i} className="px-4 py-3">
          <div className="h-4 w-1/2 animate-pulse rounded bg-slate-200" />
          <div className="mt-2 h-3 w-3/4 animate-pulse rounded bg-slate-100" />
        </li>
      ))}
    </ul>
  );
}
