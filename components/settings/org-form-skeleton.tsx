/** The shape of a settings form while its values load. */
export function OrgFormSkeleton({ fields = 3 }: { fields?: number }) {
  return (
    <div aria-busy="true" aria-label="Loading" className="max-w-xl space-y-5">
      {Array.from({ length: fields }, (_, i) => (
        <div key={i}>
          <div className="h-3.5 w-32 animate-pulse rounded bg-slate-200" />
          <div className="mt-2 h-9 w-full animate-pulse rounded-md bg-slate-100" />
        </div>
      ))}
    </div>
  );
}
