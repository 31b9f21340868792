import { createRequire } from 'node:module';
import { mean, sampleStd } from './moments.js';

interface StudentT {
  inv(p: number, degreesOfFreedom: number): number;
  cdf(x: number, degreesOfFreedom: number): number;
  pdf(x: number, degreesOfFreedom: number): number;
}
// jstat is a dependency-free CommonJS bundle without typings; require() it and type the one part used.
const { studentt } = createRequire(import.meta.url)('jstat') as { studentt: StudentT };

/** jstat's inverse stops at ~1e-8 relative error; one Newton step on its cdf brings it to ~1e-10, as scipy reports. */
function studentTQuantile(p: number, degreesOfFreedom: number): number {
  const x = studentt.inv(p, degreesOfFreedom);
  return x - (studentt.cdf(x, degreesOfFreedom) - p) / studentt.pdf(x, degreesOfFreedom);
}

// The quantile is an iterative inverse; every metric of a run set shares (level, df), so compute it once.
const cache = new Map<string, number>();

/** Two-sided Student-t critical value t(1 − (1 − level)/2, df), e.g. 2.228 for level 0.95 and df 10; NaN for df < 1. */
export function tCritical(level: number, degreesOfFreedom: number): number {
  if (!(degreesOfFreedom >= 1)) return Number.NaN;
  const key = `${level}:${degreesOfFreedom}`;
  let value = cache.get(key);
  if (value === undefined) {
    value = studentTQuantile(1 - (1 - level) / 2, degreesOfFreedom);
    cache.set(key, value);
  }
  return value;
}

export interface StudentTInterval {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1); 0 for a single value. */
  std: number;
  /** Standard error std / √n. */
  se: number;
  /** NaN for a single value (no degrees of freedom). */
  tCritical: number;
  /** tCritical × se; 0 for a single value, so the interval collapses to the mean. */
  halfWidth: number;
  low: number;
  high: number;
}

/** Student-t confidence interval of the mean of `values` at `level` (e.g. 0.95); every number NaN when empty. */
export function studentTInterval(values: ArrayLike<number>, level: number): StudentTInterval {
  return studentTIntervalOfMoments(values.length, mean(values), sampleStd(values), level);
}

/** `studentTInterval` from the count, mean and sample deviation (e.g. a `RunningMoments`'). */
export function studentTIntervalOfMoments(n: number, m: number, std: number, level: number): StudentTInterval {
  const se = std / Math.sqrt(n);
  const t = tCritical(level, n - 1);
  const halfWidth = n === 1 ? 0 : t * se;
  return { n, mean: m, std, se, tCritical: t, halfWidth, low: m - halfWidth, high: m + halfWidth };
}
