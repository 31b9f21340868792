import studentTQuantile from '@stdlib/stats-base-dists-t-quantile';
import { deviation, mean as d3Mean, quantileSorted } from 'd3-array';

/** Percentile with linear interpolation between closest ranks (numpy's default, R-7); `sorted` ascending; NaN when empty. */
export function percentileOfSorted(sorted: ArrayLike<number>, q: number): number {
  // quantileSorted only reads `length` and indices, so typed arrays work although its typings say Array.
  return quantileSorted(sorted as number[], q / 100) ?? Number.NaN;
}

/** Trailing-window quantiles (window `min(10, n)`, at least one row) for each q in `percentiles`. */
export function rollingPercentiles(values: ArrayLike<number>, percentiles: readonly number[], window = 10): Float64Array[] {
  const size = Math.min(window, values.length);
  const out = percentiles.map(() => new Float64Array(values.length));
  const buffer: number[] = [];
  for (let i = 0; i < values.length; i += 1) {
    buffer.length = 0;
    for (let j = Math.max(0, i - size + 1); j <= i; j += 1) buffer.push(values[j]!);
    buffer.sort((a, b) => a - b);
    percentiles.forEach((q, k) => {
      out[k]![i] = percentileOfSorted(buffer, q);
    });
  }
  return out;
}

/** Two-sided Student-t critical value t(1 − (1 − level)/2, df); NaN for df < 1. */
export function tCritical(level: number, df: number): number {
  return df >= 1 ? studentTQuantile(1 - (1 - level) / 2, df) : Number.NaN;
}

/** Arithmetic mean; NaN for no values. */
export function mean(values: readonly number[]): number {
  return d3Mean(values) ?? Number.NaN;
}

/** Sample standard deviation (ddof 1); 0 for fewer than two values. */
export function sampleStd(values: readonly number[]): number {
  return deviation(values) ?? 0;
}
