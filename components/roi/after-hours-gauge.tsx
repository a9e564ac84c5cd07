// "Do we catch the after-hours callers?": after-hours captured ÷ missed while closed (the glossary's
// words), as a bar against the 60% target, with the verdict in words.
import type { Actuals } from "@/lib/roi/actuals";
import { term } from "@/lib/roi/glossary";
import { ChartFigure } from "./chart-figure";
import { count, counted, percent } from "./format";
import { COLORS } from "./palette";

const TARGET = 0.6;

export function AfterHoursGauge({
  actuals,
  listHref,
}: {
  actuals: Pick<Actuals, "afterHoursCaptured" | "afterHoursMissed" | "afterHoursCapturedRate" | "missedCalls">;
  listHref: string;
}) {
  const rate = actuals.afterHoursCapturedRate;
  const verdict = rate === null ? "No after-hours calls in this range." : rate >= TARGET ? "Meets the 60% target." : "Below the 60% target.";
  const width = 300;
  const fill = rate === null ? 0 : Math.min(1, rate) * width;
  return (
    <ChartFigure
      id="after-hours"
      question="Do we catch the after-hours callers?"
      finding={
        <>
          <a href={listHref} className="font-medium text-brand-700 hover:underline">
            {count(actuals.afterHoursCaptured)} of {counted(actuals.afterHoursMissed, "call")} missed while closed
          </a>{" "}
          were texted back, called back or recovered. {verdict}
        </>
      }
    >
      <p className="text-4xl font-semibold text-slate-900" data-testid="after-hours-rate">
        {percent(rate)} <span className="text-base font-normal text-slate-600">{term("afterHoursCaptured").toLowerCase()}</span>
      </p>
      <svg viewBox={`0 0 ${width} 44`} className="mt-4 w-full max-w-md" role="img" aria-label={`${percent(rate)} captured against a 60% target`}>
        <rect x="0" y="8" width={width} height="16" rx="4" fill="#e2e8f0" />
        <rect x="0" y="8" width={fill} height="16" rx="4" fill={rate !== null && rate >= TARGET ? COLORS.green : COLORS.orange} />
        <line x1={width * TARGET} x2={width * TARGET} y1="2" y2="30" stroke="#0f172a" strokeWidth="2" />
        <text x={width * TARGET} y="42" fontSize="11" textAnchor="middle" fill="#0f172a">
          target 60%
        </text>
        <text x="0" y="42" fontSize="11" fill="#475569">
          0%
        </text>
        <text x={width} y="42" fontSize="11" textAnchor="end" fill="#475569">
          100%
        </text>
      </svg>
      <dl className="mt-4 grid grid-cols-3 gap-2 text-center text-xs text-slate-600">
        {[
          [term("missedWhileClosed").toLowerCase(), count(actuals.afterHoursMissed)],
          [term("afterHoursCaptured").toLowerCase(), count(actuals.afterHoursCaptured)],
          ["share of all missed calls", percent(actuals.missedCalls > 0 ? actuals.afterHoursMissed / actuals.missedCalls : null)],
        ].map(([label, value]) => (
          <div key={label} className="rounded-lg bg-slate-50 p-2">
            <dt>{label}</dt>
            <dd className="text-lg font-semibold text-slate-900 tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
    </ChartFigure>
  );
}
