import { percentileOfSorted } from '@aiperf/stats';

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
