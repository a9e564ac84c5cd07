"use client";

// "Where do callers drop?": missed → texted → re-engaged → booked, one bar per stage labelled with
// its count and the share of the stage before it (to the right of the bar, where it always fits).
import { Bar, BarChart, Cell, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import type { FunnelStep } from "./chart-data";
import { COLORS } from "./palette";

const STAGE_COLORS = [COLORS.vermillion, COLORS.orange, COLORS.sky, COLORS.green];

const stepLabel = (step: FunnelStep) => (step.ofPrevious === null ? `${step.count}` : `${step.count} · ${step.ofPrevious}% of ${step.previousStage.toLowerCase()}`);

function FunnelTooltip({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: FunnelStep }> }) {
  const step = payload?.[0]?.payload;
  if (!active || !step) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-sm">
      <p className="font-semibold text-slate-900">{step.stage}</p>
      <p>{stepLabel(step)}</p>
    </div>
  );
}

export function DropOffFunnel({ steps }: { steps: FunnelStep[] }) {
  const data = steps.map((step) => ({ ...step, label: stepLabel(step) }));
  // Room on the right of the longest bar for its label.
  const top = Math.max(1, ...steps.map((s) => s.count)) * 1.9;
  return (
    <BarChart responsive style={{ width: "100%", height: 240 }} data={data} layout="vertical" margin={{ left: 8, right: 16, top: 4, bottom: 4 }}>
      <XAxis type="number" domain={[0, top]} hide />
      <YAxis type="category" dataKey="stage" width={130} tick={{ fontSize: 12, fill: COLORS.text }} />
      <Tooltip content={<FunnelTooltip />} cursor={{ fill: "#f1f5f9" }} />
      <Bar dataKey="count" name="Callers" isAnimationActive={false} minPointSize={2}>
        {data.map((step, i) => (
          <Cell key={step.stage} fill={STAGE_COLORS[i]} />
        ))}
        <LabelList dataKey="label" position="right" style={{ fontSize: 12, fill: "#0f172a", fontWeight: 600 }} />
      </Bar>
    </BarChart>
  );
}
