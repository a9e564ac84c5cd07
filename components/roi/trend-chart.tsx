"use client";

// "Is it getting better?": the range's months, missed / re-engaged / recovered calls as lines (told
// apart by dash and marker as well as colour), recovered revenue below. A partial month is starred
// on the axis, named with its days under the chart, and drawn apart: a hollow point the lines do not
// run to (a few days are not a drop from a whole month) and a hatched bar.
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { term } from "@/lib/roi/glossary";
import type { TrendRow } from "./chart-data";
import { dollars } from "./format";
import { COLORS } from "./palette";

const axis = { fontSize: 11, fill: COLORS.text };
const money = (value: unknown) => dollars(Number(value) * 100);
const compactMoney = (value: unknown) => {
  const n = Number(value);
  return n >= 1000 ? `$${Math.round(n / 100) / 10}k` : `$${n}`;
};

type DotProps = { cx?: number; cy?: number; payload?: TrendRow };

/** A filled marker for a whole month, a hollow dashed ring for a partial one. */
function monthDot(color: string, r: number) {
  function MonthDot({ cx, cy, payload }: DotProps) {
    if (cx === undefined || cy === undefined) return <g />;
    return payload?.partial ? (
      <circle cx={cx} cy={cy} r={r + 1} fill="#fff" stroke={color} strokeWidth={2} strokeDasharray="2 2" data-partial="true" />
    ) : (
      <circle cx={cx} cy={cy} r={r} fill={color} stroke={color} />
    );
  }
  return MonthDot;
}

const tooltipLabel = (_label: unknown, payload: readonly { payload?: TrendRow }[]) => payload[0]?.payload?.name ?? "";

const LINES = [
  { key: "missed", name: term("missed"), color: COLORS.vermillion, width: 2, dash: "6 4", r: 3 },
  { key: "reEngaged", name: term("reEngaged"), color: COLORS.blue, width: 2, dash: "2 3", r: 3 },
  { key: "recovered", name: term("recovered"), color: COLORS.green, width: 3, dash: undefined, r: 4 },
] as const;

/** Each line's value twice: on whole months (joined by the line) and on partial ones (a lone hollow point). */
function lineData(rows: TrendRow[]) {
  return rows.map((row) => ({
    ...row,
    ...Object.fromEntries(
      LINES.flatMap(({ key }) => [
        [`${key}Whole`, row.partial ? null : row[key]],
        [`${key}Partial`, row.partial ? row[key] : null],
      ]),
    ),
  }));
}

export function TrendChart({ rows, note }: { rows: TrendRow[]; note: string | null }) {
  return (
    <div className="space-y-2">
      <LineChart responsive style={{ width: "100%", height: 240 }} data={lineData(rows)} margin={{ left: 0, right: 12, top: 4, bottom: 4 }}>
        <CartesianGrid vertical={false} stroke={COLORS.grid} />
        <XAxis dataKey="label" tick={axis} />
        <YAxis allowDecimals={false} width={40} tick={axis} />
        <Tooltip formatter={(value, name) => [String(value), name]} labelFormatter={tooltipLabel} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {LINES.map((line) => (
          <Line
            key={line.key}
            type="monotone"
            dataKey={`${line.key}Whole`}
            name={line.name}
            stroke={line.color}
            strokeWidth={line.width}
            strokeDasharray={line.dash}
            dot={monthDot(line.color, line.r)}
            isAnimationActive={false}
          />
        ))}
        {LINES.map((line) => (
          <Line
            key={`${line.key}-partial`}
            dataKey={`${line.key}Partial`}
            name={`${line.name} (partial month)`}
            stroke="none"
            legendType="none"
            dot={monthDot(line.color, line.r)}
            activeDot={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
      <p className="text-xs font-medium text-slate-600">{term("recoveredRevenue")} per month</p>
      <BarChart responsive style={{ width: "100%", height: 150 }} data={rows} margin={{ left: 0, right: 12, top: 18, bottom: 4 }}>
        <defs>
          <pattern id="partial-month-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#fff" />
            <line x1="0" y1="0" x2="0" y2="6" stroke={COLORS.green} strokeWidth="3" />
          </pattern>
        </defs>
        <CartesianGrid vertical={false} stroke={COLORS.grid} />
        <XAxis dataKey="label" tick={axis} />
        <YAxis width={40} tick={axis} tickFormatter={compactMoney} />
        <Tooltip formatter={(value) => [money(value), term("recoveredRevenue")]} labelFormatter={tooltipLabel} cursor={{ fill: "#f1f5f9" }} />
        <Bar dataKey="recoveredDollars" name={term("recoveredRevenue")} fill={COLORS.green} isAnimationActive={false}>
          {rows.map((row) => (
            <Cell key={row.month} fill={row.partial ? "url(#partial-month-hatch)" : COLORS.green} stroke={COLORS.green} strokeDasharray={row.partial ? "3 2" : undefined} />
          ))}
          <LabelList dataKey="recoveredDollars" position="top" formatter={compactMoney} style={{ fontSize: 10, fill: COLORS.text }} />
        </Bar>
      </BarChart>
      {note ? (
        <p className="text-xs text-slate-700" data-testid="trend-partial-note">
          {note} Drawn hollow and hatched.
        </p>
      ) : null}
    </div>
  );
}
