"use client";

// "Why do we miss them?": each leak source's share of the spa's missed calls (solid bars) against
// the brief's typical share (hatched range), with exact values in the tooltip and the labels.
import { Bar, BarChart, CartesianGrid, LabelList, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { LeakRow } from "./chart-data";
import { counted } from "./format";
import { COLORS } from "./palette";

type Datum = LeakRow & { range: [number, number] | null };

function LeakTooltip({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: Datum }> }) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-sm">
      <p className="font-semibold text-slate-900">{row.label}</p>
      <p>
        Your spa: {row.share}% ({counted(row.count, "missed call")})
      </p>
      <p>{row.typical ? `Typical: ${row.typical[0]}–${row.typical[1]}%` : "No typical share"}</p>
    </div>
  );
}

export function LeakSourcesChart({ rows }: { rows: LeakRow[] }) {
  const data: Datum[] = rows.map((row) => ({ ...row, range: row.typical }));
  const top = Math.max(50, ...rows.map((r) => Math.ceil(r.share / 10) * 10));
  return (
    <BarChart responsive style={{ width: "100%", height: 300 }} data={data} layout="vertical" margin={{ left: 8, right: 48, top: 4, bottom: 4 }} barGap={2}>
      <defs>
        <pattern id="typical-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#fdf1d8" />
          <line x1="0" y1="0" x2="0" y2="6" stroke={COLORS.orange} strokeWidth="2.5" />
        </pattern>
      </defs>
      <CartesianGrid horizontal={false} stroke={COLORS.grid} />
      <XAxis type="number" domain={[0, top]} unit="%" tick={{ fontSize: 11, fill: COLORS.text }} />
      <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 11, fill: COLORS.text }} />
      <Tooltip content={<LeakTooltip />} cursor={{ fill: "#f1f5f9" }} />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      <Bar dataKey="share" name="Your spa (% of missed calls)" fill={COLORS.blue} isAnimationActive={false}>
        <LabelList dataKey="share" position="right" formatter={(v: unknown) => `${String(v)}%`} style={{ fontSize: 11, fill: COLORS.text }} />
      </Bar>
      <Bar dataKey="range" name="Typical range (brief)" fill="url(#typical-hatch)" stroke={COLORS.orange} isAnimationActive={false} />
    </BarChart>
  );
}
