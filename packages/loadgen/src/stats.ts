import { percentilesOfSorted, populationStd, type PercentileKey } from '@aiperf/stats';
import { sum } from 'd3-array';

/** Summary statistics for a run distribution, in the order the exports list them. */
export type DistributionStats = { avg: number; min: number; max: number } & Record<PercentileKey, number> & {
    /** Population standard deviation (ddof 0), as AIPerf uses for request metrics. */
    std: number;
    count: number;
    sum: number;
  };

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
  return { avg: total / n, min: sorted[0]!, max: sorted[n - 1]!, ...percentilesOfSorted(sorted), std: populationStd(sorted), count: n, sum: total };
}
