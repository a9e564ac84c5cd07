// Time to text is kept as a histogram in the rollup (stats_days.response_histogram): bucket i holds
// the texts sent more than RESPONSE_BUCKETS[i-1] and at most RESPONSE_BUCKETS[i] seconds after the
// call ended. Percentiles are reported as the bucket's upper bound ("within 2 s"): never rosier
// than the truth.

export const RESPONSE_BUCKETS = [1, 2, 5, 10, 20, 30, 45, 60, 90, 120, 300, 600, 1800, 3600, Number.POSITIVE_INFINITY] as const;

export function emptyHistogram(): number[] {
  return RESPONSE_BUCKETS.map(() => 0);
}

/** Adds histogram `b` into `a` (same bucket layout); returns `a`. */
export function addHistograms(a: number[], b: readonly number[]): number[] {
  for (let i = 0; i < a.length; i++) a[i] = (a[i] ?? 0) + (b[i] ?? 0);
  return a;
}

/**
 * The upper bound, in seconds, of the bucket holding the q-th quantile (0 < q ≤ 1), or null when
 * nothing was texted. Infinity means "over an hour".
 */
export function histogramQuantile(histogram: readonly number[], q: number): number | null {
  const total = histogram.reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  const rank = Math.ceil(q * total);
  let seen = 0;
  for (let i = 0; i < histogram.length; i++) {
    seen += histogram[i] ?? 0;
    if (seen >= rank) return RESPONSE_BUCKETS[i] ?? Number.POSITIVE_INFINITY;
  }
  return Number.POSITIVE_INFINITY;
}

/** "within 1 s", "within 2 min", "over 1 h". */
export function formatResponseBound(seconds: number | null): string {
  if (seconds === null) return "no texts";
  if (!Number.isFinite(seconds)) return "over 1 h";
  if (seconds < 60) return `within ${seconds} s`;
  if (seconds < 3600) return `within ${Number((seconds / 60).toFixed(1))} min`;
  return `within ${seconds / 3600} h`;
}
