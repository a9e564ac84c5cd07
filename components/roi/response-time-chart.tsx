"use client";

// "How fast do we respond?": texts by time to text (the rollup's buckets), with the 60-second
// target drawn as a line; bars within the target are solid, later ones hatched.
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { ResponseRow } from "./chart-data";
import { counted } from "./format";
import { COLORS } from "./palette";

function ResponseTooltip({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: ResponseRow }> }) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-sm">
      <p className="font-semibold text-slate-900">Texted {row.bucket} after the call</p>
      <p>
        {counted(row.count, "text")} ({row.share}%) · {row.withinTarget ? "within" : "over"} the 60 s target
      </p>
    </div>
  );
}

function Swatch({ hatched, label }: { hatched: boolean; label: string }) {
  const color = hatched ? COLORS.vermillion : COLORS.green;
  return (
    <span className="inline-flex items-center gap-1.5">
      <svg width="14" height="14" aria-hidden="true">
        <rect x="0.5" y="0.5" width="13" height="13" fill={hatched ? "#fbe3d6" : color} stroke={color} />
        {hatched ? <path d="M0 14 L14 0 M-3 5 L5 -3 M9 17 L17 9" stroke={color} strokeWidth="2.5" /> : null}
      </svg>
      {label}
    </span>
  );
}

export function ResponseTimeChart({ rows }: { rows: ResponseRow[] }) {
  const lastWithin = [...rows].reverse().find((r) => r.withinTarget)?.bucket;
  return (
    <div>
      <p className="flex flex-wrap justify-center gap-4 text-xs text-slate-700">
        <Swatch hatched={false} label="Within 60 s (solid)" />
        <Swatch hatched label="Over 60 s (hatched)" />
      </p>
      <BarChart responsive style={{ width: "100%", height: 300 }} data={rows} margin={{ left: 0, right: 12, top: 20, bottom: 24 }}>
        <defs>
          <pattern id="late-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#fbe3d6" />
            <line x1="0" y1="0" x2="0" y2="6" stroke={COLORS.vermillion} strokeWidth="2.5" />
          </pattern>
        </defs>
        <CartesianGrid vertical={false} stroke={COLORS.grid} />
        <XAxis dataKey="bucket" interval={0} angle={-40} textAnchor="end" height={48} tick={{ fontSize: 10, fill: COLORS.text }} />
        <YAxis
          allowDecimals={false}
          width={40}
          tick={{ fontSize: 11, fill: COLORS.text }}
          label={{ value: "texts", angle: -90, position: "insideLeft", fontSize: 11, fill: COLORS.text }}
        />
        <Tooltip content={<ResponseTooltip />} cursor={{ fill: "#f1f5f9" }} />
        <Bar dataKey="count" name="Texts" isAnimationActive={false}>
          {rows.map((row) => (
            <Cell key={row.bucket} fill={row.withinTarget ? COLORS.green : "url(#late-hatch)"} stroke={row.withinTarget ? COLORS.green : COLORS.vermillion} />
          ))}
        </Bar>
        {lastWithin ? (
          <ReferenceLine
            x={lastWithin}
            position="end"
            stroke={COLORS.text}
            strokeDasharray="4 3"
            label={{ value: "60 s target", position: "top", fontSize: 11, fill: COLORS.text }}
          />
        ) : null}
      </BarChart>
    </div>
  );
}
