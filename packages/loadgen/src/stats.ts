/** Summary statistics for a run distribution, in the order the exports list them. */
export const PERCENTILES = [1, 5, 10, 25, 50, 75, 90, 95, 99] as const;
export type PercentileKey = `p${(typeof PERCENTILES)[number]}`;

export interface DistributionStats {
  avg: number;
  min: number;
  max: number;
  p1: number;
  p5: number;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
  p95: number;
  p99: number;
  /** Population standard deviation (ddof 0), as AIPerf uses for request metrics. */
  std: number;
  count: number;
  sum: number;
}

/** Percentile of sorted values by linear interpolation between closest ranks (numpy's default). */
export function percentileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const index = (q / 100) * (n - 1);
  const lower = Math.floor(index);
  const upper = Math.min(lower + 1, n - 1);
  const fraction = index - lower;
  const low = sorted[lower]!;
  return low + (sorted[upper]! - low) * fraction;
}

/** Full stat set of a non-empty list of values; returns undefined for an empty list. */
export function summarize(values: ArrayLike<number>): DistributionStats | undefined {
  const n = values.length;
  if (n === 0) return undefined;
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i]!;
  const avg = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (sorted[i]! - avg) ** 2;
  const stats: Record<string, number> = { avg, min: sorted[0]!, max: sorted[n - 1]! };
  for (const q of PERCENTILES) stats[`p${q}`] = percentileOfSorted(sorted, q);
  stats.std = Math.sqrt(squares / n);
  stats.count = n;
  stats.sum = sum;
  return stats as unknown as DistributionStats;
}
