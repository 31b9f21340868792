import { deviation, mean as d3Mean, variance } from 'd3-array';

/** Arithmetic mean; NaN when empty. */
export function mean(values: ArrayLike<number>): number {
  return d3Mean(values as number[]) ?? Number.NaN;
}

/** Sample standard deviation (ddof 1), as confidence intervals and GPU telemetry use; 0 for one value, NaN when empty. */
export function sampleStd(values: ArrayLike<number>): number {
  if (values.length === 0) return Number.NaN;
  return deviation(values as number[]) ?? 0;
}

/** Population standard deviation (ddof 0), as AIPerf uses for request metrics; 0 for one value, NaN when empty. */
export function populationStd(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  // d3's variance is the sample variance (n − 1); rescale it to n.
  return Math.sqrt(((variance(values as number[]) ?? 0) * (n - 1)) / n);
}
