import { quantileSorted, sum, variance } from 'd3-array';

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

/** Percentile of ascending values by linear interpolation between closest ranks (numpy's default, R-7); NaN when empty. */
export function percentileOfSorted(sorted: ArrayLike<number>, q: number): number {
  // quantileSorted only reads `length` and indices, so typed arrays work although its typings say Array.
  return quantileSorted(sorted as number[], q / 100) ?? Number.NaN;
}

/** Full stat set of a non-empty list of values; returns undefined for an empty list. */
export function summarize(values: ArrayLike<number>): DistributionStats | undefined {
  return summarizeInPlace(Float64Array.from(values));
}

/** `summarize` for a Float64Array the caller hands over: sorted in place, no copy (columns of millions of values). */
export function summarizeInPlace(values: Float64Array): DistributionStats | undefined {
  const n = values.length;
  if (n === 0) return undefined;
  const sorted = values.sort();
  const total = sum(sorted);
  const stats: Record<string, number> = { avg: total / n, min: sorted[0]!, max: sorted[n - 1]! };
  for (const q of PERCENTILES) stats[`p${q}`] = percentileOfSorted(sorted, q);
  // d3's variance is the sample variance (n − 1); request metrics use the population std (n).
  stats.std = Math.sqrt(((variance(sorted) ?? 0) * (n - 1)) / n);
  stats.count = n;
  stats.sum = total;
  return stats as unknown as DistributionStats;
}
