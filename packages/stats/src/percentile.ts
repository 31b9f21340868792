import { quantileSorted } from 'd3-array';

/** The percentiles every summary lists, in the order the exports write them (`p1` … `p99`). */
export const PERCENTILES = [1, 5, 10, 25, 50, 75, 90, 95, 99] as const;
export type Percentile = (typeof PERCENTILES)[number];
export type PercentileKey = `p${Percentile}`;

/**
 * Percentile `q` (0–100) of ascending values by linear interpolation between closest ranks (numpy's default
 * `linear`, R-7), as AIPerf computes it. An empty input gives NaN: "no value" flows through arithmetic and is
 * written as null by the exports, so callers never need a try/catch for a run that produced no samples.
 */
export function percentileOfSorted(sorted: ArrayLike<number>, q: number): number {
  // quantileSorted only reads `length` and indices, so typed arrays work although its typings say Array.
  return quantileSorted(sorted as number[], q / 100) ?? Number.NaN;
}

/** `{ p1, p5, …, p99 }` of ascending values (all NaN when empty). */
export function percentilesOfSorted(sorted: ArrayLike<number>): Record<PercentileKey, number> {
  const out = {} as Record<PercentileKey, number>;
  for (const q of PERCENTILES) out[`p${q}`] = percentileOfSorted(sorted, q);
  return out;
}
