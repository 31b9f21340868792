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

/** Two-sided Student-t critical value t(1 − (1 − level)/2, df): table for small df, normal beyond. */
export function tCritical(level: number, df: number): number {
  const table: Record<string, number[]> = {
    '0.9': [6.314, 2.92, 2.353, 2.132, 2.015, 1.943, 1.895, 1.86, 1.833, 1.812, 1.796, 1.782, 1.771, 1.761, 1.753, 1.746, 1.74, 1.734, 1.729, 1.725],
    '0.95': [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086],
    '0.99': [63.657, 9.925, 5.841, 4.604, 4.032, 3.707, 3.499, 3.355, 3.25, 3.169, 3.106, 3.055, 3.012, 2.977, 2.947, 2.921, 2.898, 2.878, 2.861, 2.845],
  };
  const normal: Record<string, number> = { '0.9': 1.645, '0.95': 1.96, '0.99': 2.576 };
  const key = String(level);
  const row = table[key] ?? table['0.95']!;
  return df >= 1 && df <= row.length ? row[df - 1]! : (normal[key] ?? 1.96);
}

/** Arithmetic mean; NaN for no values. */
export function mean(values: readonly number[]): number {
  return d3Mean(values) ?? Number.NaN;
}

/** Sample standard deviation (ddof 1); 0 for fewer than two values. */
export function sampleStd(values: readonly number[]): number {
  return deviation(values) ?? 0;
}
