"use client";

// The recovery forecast: five inputs, the four results, live as the owner types. The URL keeps the
// inputs (beside any other parameters, e.g. the dashboard's range) so the link shares them; the
// page can hand in the spa's measured numbers, which "Use my numbers" loads into the form.
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { fieldErrors } from "@/lib/form-errors";
import { forecast, forecastInputSchema, WORKED_EXAMPLE, type ForecastInput } from "@/lib/roi/forecast";
import { term } from "@/lib/roi/glossary";
import { forecastQuery } from "@/lib/roi/forecast-params";
import { withForecastQuery } from "./links";

type Draft = Record<keyof ForecastInput, string>;

const FIELDS: { name: keyof ForecastInput; label: string; hint: string; suffix: string; step: string }[] = [
  { name: "monthlyCalls", label: "Inbound calls a month", hint: "All calls to the spa's numbers.", suffix: "calls", step: "1" },
  { name: "missedRatePct", label: "Missed-call rate", hint: "The average business misses about 22%.", suffix: "%", step: "0.1" },
  {
    name: "recoveryRatePct",
    label: term("reEngagedRate"),
    hint: "Missed calls whose caller replies or taps the link after the text-back: 25–35% with automation.",
    suffix: "%",
    step: "0.1",
  },
  { name: "bookRatePct", label: term("bookRate"), hint: "Re-engaged callers who book: 30–40% with automation.", suffix: "%", step: "0.1" },
  { name: "clientValue", label: "Average client value", hint: "First-visit and follow-on revenue.", suffix: "$", step: "1" },
];

const dollars = (cents: number) => (cents / 100).toLocaleString("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const whole = (n: number) => n.toLocaleString("en-US");

const toDraft = (input: ForecastInput) => Object.fromEntries(Object.entries(input).map(([k, v]) => [k, String(v)])) as Draft;

export type MeasuredInput = { input: ForecastInput; description: string };

/** The forecast updates as the owner types; the URL follows, so the link shares these exact numbers. */
export function ForecastCalculator({ initial, measured }: { initial: ForecastInput; measured?: MeasuredInput }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [draft, setDraft] = useState<Draft>(() => toDraft(initial));
  const parsed = forecastInputSchema.safeParse(draft);
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  const result = parsed.success ? forecast(parsed.data) : null;
  const query = parsed.success ? forecastQuery(parsed.data) : null;

  useEffect(() => {
    if (!query) return;
    // The browser's own history, not a router navigation: typing must not re-render the server page.
    const current = searchParams.toString();
    const next = withForecastQuery(current, query);
    if (next !== current) window.history.replaceState(window.history.state, "", `${pathname}?${next}`);
  }, [query, pathname, searchParams]);

  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)] print:grid-cols-2">
      <form className="space-y-4 rounded-xl border border-slate-200 bg-white p-5" onSubmit={(e) => e.preventDefault()} noValidate>
        {measured ? (
          <div className="border-b border-slate-100 pb-4 print:hidden">
            <div className="flex flex-wrap gap-2">
              <Button type="button" variant="secondary" size="sm" onClick={() => setDraft(toDraft(measured.input))}>
                Use my numbers
              </Button>
              <Button type="button" variant="ghost" size="sm" onClick={() => setDraft(toDraft(WORKED_EXAMPLE))}>
                Worked example
              </Button>
            </div>
            <p className="mt-2 text-xs text-slate-600">{measured.description}</p>
          </div>
        ) : null}
        {FIELDS.map((field) => (
          <Field key={field.name} name={field.name} label={`${field.label} (${field.suffix})`} hint={field.hint} errors={errors[field.name]}>
            <input
              id={field.name}
              name={field.name}
              type="number"
              inputMode="decimal"
              min="0"
              step={field.step}
              value={draft[field.name]}
              onChange={(event) => setDraft((current) => ({ ...current, [field.name]: event.target.value }))}
              aria-invalid={Boolean(errors[field.name])}
              aria-describedby={describedBy(field.name, errors[field.name], true)}
              className={inputClass}
            />
          </Field>
        ))}
      </form>
      <section aria-labelledby="forecast-heading" aria-live="polite" className="rounded-xl border border-brand-100 bg-brand-50 p-5">
        <h2 id="forecast-heading" className="text-sm font-semibold text-brand-700">
          Each month, Rebound would recover
        </h2>
        {result ? (
          <>
            <p className="mt-2 text-4xl font-semibold text-slate-900" data-testid="forecast-revenue">
              {dollars(result.recoveredCents)}
            </p>
            <dl className="mt-5 grid grid-cols-3 gap-3 text-center">
              {[
                [term("missed").toLowerCase(), result.missed, "forecast-missed"],
                [term("reEngaged").toLowerCase(), result.reEngaged, "forecast-reengaged"],
                [term("recovered").toLowerCase(), result.booked, "forecast-booked"],
              ].map(([label, value, testId]) => (
                <div key={String(label)} className="rounded-lg bg-white p-3 ring-1 ring-brand-100">
                  <dt className="text-xs text-slate-600">{label}</dt>
                  <dd className="text-2xl font-semibold text-slate-900" data-testid={String(testId)}>
                    {whole(Number(value))}
                  </dd>
                </div>
              ))}
            </dl>
            <p className="mt-5 text-xs text-slate-600">
              People are whole: each step rounds to the nearest person before the next one (e.g. 320 calls × 23% = 73.6 → 74 missed). Money is exact to the cent.
            </p>
          </>
        ) : (
          <p className="mt-2 text-sm text-slate-700">Fix the numbers marked in red to see the forecast.</p>
        )}
      </section>
    </div>
  );
}
