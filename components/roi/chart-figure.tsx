// The frame of every ROI chart: the owner's question as the title, the chart, and the finding in
// words underneath (so the answer never depends on reading colours). Prints without splitting.
export function ChartFigure({
  id,
  question,
  finding,
  children,
  className = "",
}: {
  id: string;
  question: string;
  finding: React.ReactNode;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <figure
      aria-labelledby={`${id}-title`}
      data-chart={id}
      className={`flex min-w-0 flex-col rounded-xl border border-slate-200 bg-white p-4 break-inside-avoid print:border-slate-300 ${className}`}
    >
      <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-900">
        {question}
      </h3>
      <div className="mt-3 min-w-0 flex-1">{children}</div>
      <figcaption className="mt-3 text-sm text-slate-600">{finding}</figcaption>
    </figure>
  );
}
