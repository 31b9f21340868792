// Summary statistics for GPU telemetry series (spec §4.3). Pure.
import { deviation, mean, quantileSorted } from 'd3-array';

export const PERCENTILES = [1, 5, 10, 25, 50, 75, 90, 95, 99] as const;

export interface SeriesStats {
  avg: number;
  min: number;
  max: number;
  p1: number; p5: number; p10: number; p25: number; p50: number; p75: number; p90: number; p95: number; p99: number;
  /** Sample standard deviation (ddof 1); 0 for a single value. */
  std: number;
  count: number;
}

/** Linear interpolation between closest ranks over ascending values (numpy's default `linear`, R-7). Throws when empty. */
export function percentileOfSorted(sorted: readonly number[], percent: number): number {
  const value = quantileSorted(sorted as number[], percent / 100);
  if (value === undefined) throw new Error('percentileOfSorted: no values');
  return value;
}

/** Returns undefined for an empty series. */
export function seriesStats(values: readonly number[]): SeriesStats | undefined {
  const count = values.length;
  if (count === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const percentiles = Object.fromEntries(PERCENTILES.map((p) => [`p${p}`, percentileOfSorted(sorted, p)])) as Pick<
    SeriesStats,
    `p${(typeof PERCENTILES)[number]}`
  >;
  // d3's mean/deviation: sample std (ddof 1), undefined below two values → 0.
  const avg = mean(values) as number;
  return { avg, min: sorted[0] as number, max: sorted[count - 1] as number, ...percentiles, std: deviation(values) ?? 0, count };
}
