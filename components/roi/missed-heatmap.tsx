// "When do we miss calls?": missed calls by weekday × hour (the rollup's local hours), as an SVG
// grid. Each cell carries its exact count as text and as a tooltip; shades are one blue ramp.
import { heatLevel, hourName, isWeekend, summarizeHeatmap, WEEKDAYS } from "./chart-data";
import { ChartFigure } from "./chart-figure";
import { count, percent } from "./format";
import { HEAT_SHADES } from "./palette";

const CELL_W = 26;
const CELL_H = 24;
const LEFT = 44;
const TOP = 20;
/** Monday first, so the weekend sits together at the bottom. */
const ROWS = [1, 2, 3, 4, 5, 6, 0];

export function MissedHeatmap({ grid }: { grid: number[][] }) {
  const summary = summarizeHeatmap(grid);
  const width = LEFT + 24 * CELL_W;
  const height = TOP + ROWS.length * CELL_H + 36;
  const finding =
    summary.total === 0 ? (
      "No missed calls in this range."
    ) : (
      <>
        {percent(summary.eveningsAndWeekends / summary.total)} of missed calls came on weekends or before 9 am / after 6 pm on weekdays.
        {summary.peak
          ? ` The worst hour: ${WEEKDAYS[summary.peak.weekday]}s ${hourName(summary.peak.hour)}–${hourName((summary.peak.hour + 1) % 24)} (${count(summary.peak.count)} missed).`
          : null}
      </>
    );
  return (
    <ChartFigure id="heatmap" question="When do we miss calls?" finding={finding} className="lg:col-span-2">
      <div className="overflow-x-auto">
        <svg
          viewBox={`0 0 ${width} ${height}`}
          className="mx-auto w-full max-w-4xl min-w-[560px]"
          role="img"
          aria-label={`Missed calls by weekday and hour, ${count(summary.total)} in all`}
        >
          {Array.from({ length: 8 }, (_, i) => i * 3).map((hour) => (
            <text key={hour} x={LEFT + hour * CELL_W + 2} y={TOP - 6} fontSize="10" fill="#475569">
              {hourName(hour)}
            </text>
          ))}
          {ROWS.map((weekday, row) => (
            <g key={weekday}>
              <text x={LEFT - 6} y={TOP + row * CELL_H + CELL_H / 2 + 4} fontSize="11" textAnchor="end" fill="#334155" fontWeight={isWeekend(weekday) ? 600 : 400}>
                {WEEKDAYS[weekday]!.slice(0, 3)}
              </text>
              {(grid[weekday] ?? []).map((n, hour) => {
                const level = heatLevel(n, summary.max);
                const x = LEFT + hour * CELL_W;
                const y = TOP + row * CELL_H;
                return (
                  <g key={hour}>
                    <rect x={x + 1} y={y + 1} width={CELL_W - 2} height={CELL_H - 2} rx="3" fill={HEAT_SHADES[level]} stroke="#e2e8f0" strokeWidth={level === 0 ? 1 : 0}>
                      <title>{`${WEEKDAYS[weekday]} ${hourName(hour)}–${hourName((hour + 1) % 24)}: ${count(n)} missed`}</title>
                    </rect>
                    {n > 0 ? (
                      <text x={x + CELL_W / 2} y={y + CELL_H / 2 + 4} fontSize="10" textAnchor="middle" fill={level >= 3 ? "#ffffff" : "#0f172a"} pointerEvents="none">
                        {n}
                      </text>
                    ) : null}
                  </g>
                );
              })}
            </g>
          ))}
          <line x1={LEFT} x2={width} y1={TOP + 5 * CELL_H} y2={TOP + 5 * CELL_H} stroke="#334155" strokeDasharray="4 3" />
          {[9, 18].map((hour) => (
            <line key={hour} x1={LEFT + hour * CELL_W} x2={LEFT + hour * CELL_W} y1={TOP - 2} y2={TOP + ROWS.length * CELL_H} stroke="#334155" strokeDasharray="4 3" />
          ))}
          <g transform={`translate(${LEFT}, ${TOP + ROWS.length * CELL_H + 14})`}>
            <text x="0" y="10" fontSize="10" fill="#475569">
              Fewer
            </text>
            {HEAT_SHADES.map((shade, i) => (
              <rect key={shade} x={36 + i * 22} y="0" width="20" height="14" rx="2" fill={shade} stroke="#cbd5e1" />
            ))}
            <text x={36 + HEAT_SHADES.length * 22 + 4} y="10" fontSize="10" fill="#475569">
              {`More (most in one hour: ${count(summary.max)})`}
            </text>
            <text x={width - LEFT} y="10" fontSize="10" fill="#475569" textAnchor="end">
              Dashed lines: 9 am, 6 pm, weekend
            </text>
          </g>
        </svg>
      </div>
    </ChartFigure>
  );
}
