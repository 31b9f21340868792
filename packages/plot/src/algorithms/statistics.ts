import { percentileOfSorted } from '@aiperf/stats';

/**
 * Trailing-window quantiles (window `min(10, n)`, at least one row) of finite `values` for each q in
 * `percentiles`. The window is kept sorted by one removal and one insertion per row instead of a sort per row
 * (a million requests would otherwise cost a million small sorts).
 */
export function rollingPercentiles(values: ArrayLike<number>, percentiles: readonly number[], window = 10): Float64Array[] {
  const size = Math.min(window, values.length);
  const out = percentiles.map(() => new Float64Array(values.length));
  const sorted = new Float64Array(size);
  let count = 0;
  for (let i = 0; i < values.length; i += 1) {
    if (count === size) {
      const leaving = values[i - size]!;
      let k = 0;
      while (k < count - 1 && sorted[k] !== leaving) k += 1;
      sorted.copyWithin(k, k + 1, count);
      count -= 1;
    }
    const value = values[i]!;
    let k = count;
    for (; k > 0 && sorted[k - 1]! > value; k -= 1) sorted[k] = sorted[k - 1]!;
    sorted[k] = value;
    count += 1;
    const current = sorted.subarray(0, count);
    for (let q = 0; q < percentiles.length; q += 1) out[q]![i] = percentileOfSorted(current, percentiles[q]!);
  }
  return out;
}
