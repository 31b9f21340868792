// Summary statistics for GPU telemetry series (spec §4.3). Pure.

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

/** Linear interpolation between closest ranks over sorted values (numpy's default `linear` method). */
export function percentileOfSorted(sorted: readonly number[], percent: number): number {
  if (sorted.length === 0) throw new Error('percentileOfSorted: no values');
  const rank = (percent / 100) * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  const lowValue = sorted[lower] as number;
  const highValue = sorted[upper] as number;
  return lowValue + (highValue - lowValue) * (rank - lower);
}

/** Returns undefined for an empty series. */
export function seriesStats(values: readonly number[]): SeriesStats | undefined {
  const count = values.length;
  if (count === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const sum = values.reduce((total, value) => total + value, 0);
  const avg = sum / count;
  const squares = values.reduce((total, value) => total + (value - avg) ** 2, 0);
  const std = count > 1 ? Math.sqrt(squares / (count - 1)) : 0;
  const percentiles = Object.fromEntries(PERCENTILES.map((p) => [`p${p}`, percentileOfSorted(sorted, p)])) as Pick<
    SeriesStats,
    `p${(typeof PERCENTILES)[number]}`
  >;
  return { avg, min: sorted[0] as number, max: sorted[count - 1] as number, ...percentiles, std, count };
}
