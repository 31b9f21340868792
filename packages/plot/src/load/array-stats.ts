import { mean, percentileOfSorted, populationStd } from '@aiperf/stats';

/** The scalar columns a per-request array metric (`inter_chunk_latency`) becomes, in this order. */
export const ARRAY_STAT_SUFFIXES = ['avg', 'p50', 'p95', 'std', 'min', 'max', 'range'] as const;

let scratch = new Float64Array(256);

/** avg, p50, p95, std (population), min, max and range of the numbers in `values`; null when none is a number. */
export function arrayStats(values: readonly unknown[]): number[] | null {
  if (scratch.length < values.length) scratch = new Float64Array(values.length * 2);
  let n = 0;
  for (const value of values) if (typeof value === 'number' && Number.isFinite(value)) scratch[n++] = value;
  if (n === 0) return null;
  const sorted = scratch.subarray(0, n).sort();
  const min = sorted[0]!;
  const max = sorted[n - 1]!;
  return [mean(sorted), percentileOfSorted(sorted, 50), percentileOfSorted(sorted, 95), populationStd(sorted), min, max, max - min];
}
