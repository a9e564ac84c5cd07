"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { forecast, forecastInputSchema, type ForecastInput } from "@/lib/roi/forecast";
import { forecastQuery } from "@/lib/roi/forecast-params";

type Draft = Record<keyof ForecastInput, string>;

const FIELDS: { name: keyof ForecastInput; label: string; hint: string; suffix: string; step: string }[] = [
  { name: "monthlyCalls", label: "Inbound calls a month", hint: "All calls to the spa's numbers.", suffix: "calls", step: "1" },
  { name: "missedRatePct", label: "Missed-call rate", hint: "The average business misses about 22%.", suffix: "%", step: "0.1" },
  { name: "recoveryRatePct", label: "Text-back recovery rate", hint: "Missed callers who re-engage: 25–35%.", suffix: "%", step: "0.1" },
  { name: "bookRatePct", label: "Reply-to-book rate", hint: "Re-engaged callers who book.", suffix: "%", step: "0.1" },
  { name: "clientValue", label: "Average client value", hint: "First-visit and follow-on revenue.", suffix: "$", step: "1" },
];

const dollars = (cents: number) => (cents / 100).toLocaleString("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const whole = (n: number) => n.toLocaleString("en-US");

/** The forecast updates as the owner types; the URL follows, so the link shares these exact numbers. */
export function ForecastCalculator({ initial }: { initial: ForecastInput }) {
  const router = useRouter();
  const pathname = usePathname();
  const [draft, setDraft] = useState<Draft>(() => Object.fromEntries(Object.entries(initial).map(([k, v]) => [k, String(v)])) as Draft);
  const parsed = forecastInputSchema.safeParse(draft);
  const errors = parsed.success ? {} : parsed.error.flatten().fieldErrors;
  const result = parsed.success ? forecast(parsed.data) : null;
  const query = parsed.success ? forecastQuery(parsed.data) : null;

  useEffect(() => {
    if (query) router.replace(`${pathname}?${query}`, { scroll: false });
  }, [query, pathname, router]);

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_1.1fr]">
      <form className="space-y-4 rounded-xl border border-slate-200 bg-white p-5" onSubmit={(e) => e.preventDefault()} noValidate>
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
                ["missed calls", result.missed, "forecast-missed"],
                ["re-engaged", result.reEngaged, "forecast-reengaged"],
                ["booked clients", result.booked, "forecast-booked"],
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
              People are whole: each step rounds to the nearest person before the next one (e.g. 320 calls × 23% = 73.6 → 74
              missed). Money is exact to the cent.
            </p>
          </>
        ) : (
          <p className="mt-2 text-sm text-slate-700">Fix the numbers marked in red to see the forecast.</p>
        )}
      </section>
    </div>
  );
}
