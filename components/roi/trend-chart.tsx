"use client";

// "Is it getting better?": the 12 months ending with the range, missed / re-engaged / recovered
// callers as lines (told apart by dash and marker as well as colour), recovered dollars below.
import { Bar, BarChart, CartesianGrid, LabelList, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { TrendRow } from "./chart-data";
import { dollars } from "./format";
import { COLORS } from "./palette";

const axis = { fontSize: 11, fill: COLORS.text };
const money = (value: unknown) => dollars(Number(value) * 100);
const compactMoney = (value: unknown) => {
  const n = Number(value);
  return n >= 1000 ? `$${Math.round(n / 100) / 10}k` : `$${n}`;
};

export function TrendChart({ rows }: { rows: TrendRow[] }) {
  return (
    <div className="space-y-2">
      <LineChart responsive style={{ width: "100%", height: 240 }} data={rows} margin={{ left: 0, right: 12, top: 4, bottom: 4 }}>
        <CartesianGrid vertical={false} stroke={COLORS.grid} />
        <XAxis dataKey="label" tick={axis} />
        <YAxis allowDecimals={false} width={40} tick={axis} />
        <Tooltip formatter={(value, name) => [String(value), name]} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Line type="monotone" dataKey="missed" name="Missed calls" stroke={COLORS.vermillion} strokeWidth={2} strokeDasharray="6 4" dot={{ r: 3 }} isAnimationActive={false} />
        <Line type="monotone" dataKey="reEngaged" name="Re-engaged" stroke={COLORS.blue} strokeWidth={2} strokeDasharray="2 3" dot={{ r: 3, strokeWidth: 2, fill: "#fff" }} isAnimationActive={false} />
        <Line type="monotone" dataKey="recovered" name="Recovered clients" stroke={COLORS.green} strokeWidth={3} dot={{ r: 4 }} isAnimationActive={false} />
      </LineChart>
      <p className="text-xs font-medium text-slate-600">Recovered revenue per month</p>
      <BarChart responsive style={{ width: "100%", height: 150 }} data={rows} margin={{ left: 0, right: 12, top: 18, bottom: 4 }}>
        <CartesianGrid vertical={false} stroke={COLORS.grid} />
        <XAxis dataKey="label" tick={axis} />
        <YAxis width={40} tick={axis} tickFormatter={compactMoney} />
        <Tooltip formatter={(value) => [money(value), "Recovered revenue"]} cursor={{ fill: "#f1f5f9" }} />
        <Bar dataKey="recoveredDollars" name="Recovered revenue" fill={COLORS.green} isAnimationActive={false}>
          <LabelList dataKey="recoveredDollars" position="top" formatter={compactMoney} style={{ fontSize: 10, fill: COLORS.text }} />
        </Bar>
      </BarChart>
    </div>
  );
}
