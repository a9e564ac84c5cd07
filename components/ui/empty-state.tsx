export function EmptyState({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="p-10 text-center text-sm text-slate-600">
      <p className="font-medium text-slate-900">{title}</p>
      {children ? <div className="mt-1">{children}</div> : null}
    </div>
  );
}
