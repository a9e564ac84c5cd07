// The bench's arithmetic and its table: nearest-rank percentiles, and a row per target with
// PASS / FAIL (or "—" for a figure shown without a target).
import { describe, expect, it } from "vitest";
import { formatComparison, formatTable, latencies, percentile } from "./bench-load";

describe("percentiles", () => {
  it("are nearest-rank: p50 of 1..100 is 50, p99 is 99, p100 the maximum", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(values, 50), percentile(values, 99), percentile(values, 100)]).toEqual([50, 99, 100]);
    expect(percentile([], 50)).toBeNaN();
  });

  it("sort their input first and round to 0.1 ms", () => {
    expect(latencies([3.14159, 1, 2])).toEqual({ n: 3, p50: 2, p95: 3.1, p99: 3.1, max: 3.1 });
  });
});

describe("the results table", () => {
  it("shows each row's target and verdict, aligned", () => {
    const table = formatTable([
      { id: "a", metric: "speed to text, p50", measured: "31.0 ms", target: "≤ 25 ms", pass: false },
      { id: "b", metric: "burst: 2xx", measured: "200 / 200", target: "all", pass: true },
      { id: "c", metric: "ingest: bare route", measured: "300 req/s", target: "(baseline)", pass: null },
    ]);
    const lines = table.split("\n");
    expect(lines[0]).toMatch(/^\| metric +\| measured +\| target +\| result \|$/);
    expect(lines[2]).toMatch(/\| speed to text, p50 +\| 31\.0 ms +\| ≤ 25 ms +\| FAIL +\|$/);
    expect(lines[3]).toMatch(/\| PASS +\|$/);
    expect(lines[4]).toMatch(/\| — +\|$/);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
  });
});

describe("two builds side by side", () => {
  it("matches rows by id, judges the after build, keeps the before build's verdict beside its figure, and marks a row a build did not run", () => {
    const before = [
      { id: "p99", metric: "old label", measured: "2282.1 ms", target: "≤ 500 ms", pass: false },
      { id: "gone", metric: "only before", measured: "1", target: "(no target)", pass: null },
    ];
    const after = [
      { id: "p99", metric: "burst: ACK p99", measured: "310.0 ms", target: "≤ 500 ms", pass: true },
      { id: "new", metric: "ACK only", measured: "900 req/s", target: "(no target)", pass: null },
    ];
    const lines = formatComparison(before, after).split("\n");
    expect(lines[0]).toMatch(/^\| metric +\| before +\| after +\| target +\| result \|$/);
    expect(lines[2]).toMatch(/^\| burst: ACK p99 +\| 2282\.1 ms \(FAIL\) +\| 310\.0 ms +\| ≤ 500 ms +\| PASS +\|$/);
    expect(lines[3]).toMatch(/^\| ACK only +\| — +\| 900 req\/s +\| \(no target\) +\| — +\|$/);
    expect(lines[4]).toMatch(/^\| only before +\| 1 +\| — +\| \(no target\) +\| — +\|$/);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
  });
});
