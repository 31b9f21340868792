// Summary statistics for GPU telemetry series: the shared percentiles and the sample std (ddof 1), as AIPerf reports them. Pure.
import { mean, percentilesOfSorted, sampleStd, type PercentileKey } from '@aiperf/stats';

export type SeriesStats = { avg: number; min: number; max: number } & Record<PercentileKey, number> & {
    /** Sample standard deviation (ddof 1); 0 for a single value. */
    std: number;
    count: number;
  };

/** Returns undefined for an empty series. */
export function seriesStats(values: readonly number[]): SeriesStats | undefined {
  const count = values.length;
  if (count === 0) return undefined;
  const sorted = Float64Array.from(values).sort();
  return { avg: mean(values), min: sorted[0]!, max: sorted[count - 1]!, ...percentilesOfSorted(sorted), std: sampleStd(values), count };
}
