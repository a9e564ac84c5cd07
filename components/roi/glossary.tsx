// "What the words mean": every ROI word with its one definition (lib/roi/glossary.ts, the same
// text as docs/roi.md), so a number's label can always be looked up on the page itself.
import { ROI_TERMS } from "@/lib/roi/glossary";

export function Glossary() {
  return (
    <details className="rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-700 break-inside-avoid print:hidden" data-testid="roi-glossary">
      <summary className="cursor-pointer font-semibold text-slate-900">What the words mean</summary>
      <dl className="mt-3 grid gap-x-6 gap-y-2 md:grid-cols-2">
        {Object.entries(ROI_TERMS).map(([key, { term, definition }]) => (
          <div key={key} data-term-definition={key}>
            <dt className="font-medium text-slate-900">{term}</dt>
            <dd className="text-slate-700">{definition}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
