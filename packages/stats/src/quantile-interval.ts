import { createRequire } from 'node:module';
import { percentileOfSorted } from './percentile.js';

// jstat's regularized incomplete beta gives the binomial CDF in O(1) for any n (no sum over k); see student-t.ts.
const { ibeta } = createRequire(import.meta.url)('jstat') as { ibeta(x: number, a: number, b: number): number };

/** P(B ≤ k) for B ~ Binomial(n, p), as I_{1−p}(n − k, k + 1). */
function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  return ibeta(1 - p, n - k, k + 1);
}

/** Smallest k in [lo, hi] with test(k) true (test is monotone false → true); hi + 1 when none. */
function firstTrue(lo: number, hi: number, test: (k: number) => boolean): number {
  let a = lo;
  let b = hi + 1;
  while (a < b) {
    const mid = Math.floor((a + b) / 2);
    if (test(mid)) b = mid;
    else a = mid + 1;
  }
  return a;
}

export interface QuantileInterval {
  n: number;
  /** The percentile itself (numpy-linear, as the exports compute it). */
  estimate: number;
  /** Order statistics x(lowRank) and x(highRank) (1-based); −∞ / +∞ when the sample is too small for that side. */
  low: number;
  high: number;
  lowRank: number;
  highRank: number;
}

/**
 * Distribution-free confidence interval of percentile `q` (0–100) of ascending values at `level` (e.g. 0.95):
 * the number of values below the true quantile is Binomial(n, q/100), so the order statistics x(l) and x(u)
 * with P(B ≤ l − 1) ≤ α/2 and P(B ≤ u − 1) ≥ 1 − α/2 cover it with probability ≥ level, whatever the
 * distribution. A side whose rank falls outside 1..n is unbounded (too few values to say).
 */
export function quantileInterval(sorted: ArrayLike<number>, q: number, level: number): QuantileInterval {
  const n = sorted.length;
  const p = q / 100;
  const tail = (1 - level) / 2;
  // l = the largest rank with F(l − 1) ≤ α/2, i.e. one below the first k (from 0) whose F(k) passes α/2.
  const lowRank = firstTrue(0, n - 1, (k) => binomialCdf(k, n, p) > tail);
  const highRank = firstTrue(0, n - 1, (k) => binomialCdf(k, n, p) >= 1 - tail) + 1;
  return {
    n,
    estimate: percentileOfSorted(sorted, q),
    low: lowRank >= 1 ? sorted[lowRank - 1]! : Number.NEGATIVE_INFINITY,
    high: highRank <= n ? sorted[highRank - 1]! : Number.POSITIVE_INFINITY,
    lowRank,
    highRank,
  };
}
