import Link from "next/link";
import type { ChecklistItem } from "@/lib/onboarding/checklist";

function Tick({ done }: { done: boolean }) {
  return done ? (
    <span aria-hidden="true" className="mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full bg-emerald-600 text-sm text-white">
      ✓
    </span>
  ) : (
    <span aria-hidden="true" className="mt-0.5 size-6 shrink-0 rounded-full border-2 border-slate-300 bg-white" />
  );
}

/** The checklist itself: a panel on the inbox (h2), or the whole /getting-started page (h1). */
export function ChecklistView({
  items,
  texting,
  actions,
  heading = "h2",
  className = "",
}: {
  items: ChecklistItem[];
  /** Whether automatic texts are held, said plainly above the steps. */
  texting: { held: boolean; text: string };
  actions?: React.ReactNode;
  heading?: "h1" | "h2";
  className?: string;
}) {
  const done = items.filter((i) => i.done).length;
  const Heading = heading;
  return (
    <section aria-labelledby="getting-started-heading" className={`border-b border-brand-100 bg-brand-50/60 px-4 py-4 sm:px-6 ${className}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <Heading id="getting-started-heading" className={`${heading === "h1" ? "text-lg" : "text-base"} font-semibold text-slate-900`}>
            Getting started
          </Heading>
          <p className="text-sm text-slate-600">
            <span data-testid="checklist-progress">
              {done}/{items.length}
            </span>{" "}
            done. Each step ticks itself off as soon as it is done.
          </p>
        </div>
        {actions}
      </div>
      <div
        role="progressbar"
        aria-label="Getting started progress"
        aria-valuemin={0}
        aria-valuemax={items.length}
        aria-valuenow={done}
        className="mt-3 h-1.5 overflow-hidden rounded-full bg-brand-100"
      >
        <div className="h-full rounded-full bg-brand-600" style={{ width: `${(done / items.length) * 100}%` }} />
      </div>
      <p
        data-testid="texting-statement"
        className={`mt-3 rounded-md px-3 py-2 text-sm ${texting.held ? "bg-amber-50 text-amber-900 ring-1 ring-amber-200 ring-inset" : "bg-emerald-50 text-emerald-900 ring-1 ring-emerald-200 ring-inset"}`}
      >
        <span className="font-semibold">{texting.held ? "Texts held. " : "Texts on. "}</span>
        {texting.text}
      </p>
      <ol className="mt-4 grid gap-2 xl:grid-cols-2">
        {items.map((item) => (
          <li key={item.key} data-done={item.done} className="flex gap-3 rounded-lg border border-slate-200 bg-white p-3">
            <Tick done={item.done} />
            <div className="flex min-w-0 flex-1 flex-col gap-1 sm:flex-row sm:items-start sm:justify-between sm:gap-3">
              <div className="min-w-0">
                <p className={`font-medium ${item.done ? "text-slate-500" : "text-slate-900"}`}>
                  <span className="sr-only">{item.done ? "Done: " : "To do: "}</span>
                  {item.title}
                </p>
                <p className="text-sm text-slate-600">{item.detail}</p>
              </div>
              {item.done ? null : (
                <Link
                  href={item.href}
                  className="-mx-2 self-start rounded-md px-2 py-1 text-sm font-semibold whitespace-nowrap text-brand-700 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-600 sm:mx-0"
                >
                  {item.cta} <span aria-hidden="true">→</span>
                </Link>
              )}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
