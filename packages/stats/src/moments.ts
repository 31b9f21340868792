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

/**
 * Mean and sample deviation of a stream of values, one `add` at a time, for a statistic re-read as values arrive
 * (a running check) without passing over all of them again. The sums are d3's, in the same order (a running sum
 * for the mean, Welford's update for the variance), so over the same values in the same order `mean` and
 * `sampleStd` are exactly `mean(values)` and `sampleStd(values)`. NaN values are skipped, as those skip them.
 */
export class RunningMoments {
  count = 0;
  private sum = 0;
  private welfordMean = 0;
  private squaredDeviations = 0;

  add(value: number): void {
    if (Number.isNaN(value)) return;
    this.count += 1;
    this.sum += value;
    const delta = value - this.welfordMean;
    this.welfordMean += delta / this.count;
    this.squaredDeviations += delta * (value - this.welfordMean);
  }

  get mean(): number {
    return this.count === 0 ? Number.NaN : this.sum / this.count;
  }

  get sampleStd(): number {
    if (this.count === 0) return Number.NaN;
    return this.count === 1 ? 0 : Math.sqrt(this.squaredDeviations / (this.count - 1));
  }
}
