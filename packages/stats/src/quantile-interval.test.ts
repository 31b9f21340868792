import { describe, expect, it } from 'vitest';
import { quantileInterval } from './quantile-interval.js';
import { createRng } from './rng.js';

const ranks = (n: number) => Float64Array.from({ length: n }, (_, i) => i + 1);

describe('quantileInterval', () => {
  it('gives the textbook order-statistic ranks (median of 100 at 95%: x(40)..x(61); of 20: x(6)..x(15))', () => {
    expect(quantileInterval(ranks(100), 50, 0.95)).toMatchObject({ n: 100, estimate: 50.5, lowRank: 40, highRank: 61, low: 40, high: 61 });
    expect(quantileInterval(ranks(20), 50, 0.95)).toMatchObject({ lowRank: 6, highRank: 15 });
    // A 99% interval is wider than a 90% one.
    const wide = quantileInterval(ranks(100), 50, 0.99);
    const narrow = quantileInterval(ranks(100), 50, 0.9);
    expect(wide.high - wide.low).toBeGreaterThan(narrow.high - narrow.low);
  });

  it('is unbounded on a side the sample is too small for (p99 of 50 values has no upper order statistic)', () => {
    const p99 = quantileInterval(ranks(50), 99, 0.95);
    expect(p99.high).toBe(Number.POSITIVE_INFINITY);
    expect(p99.low).toBeGreaterThan(40);
    expect(quantileInterval(ranks(3), 50, 0.95)).toMatchObject({ low: Number.NEGATIVE_INFINITY, high: Number.POSITIVE_INFINITY });
    expect(quantileInterval(new Float64Array(0), 50, 0.95).estimate).toBeNaN();
  });

  it('covers the true quantile at least at the level, whatever the distribution (exponential p90, 400 samples of 200)', () => {
    const rng = createRng(7);
    const truth = -Math.log(1 - 0.9); // p90 of Exp(1)
    let covered = 0;
    const trials = 400;
    for (let t = 0; t < trials; t++) {
      const sample = Float64Array.from({ length: 200 }, () => -Math.log(1 - rng.next())).sort();
      const { low, high } = quantileInterval(sample, 90, 0.95);
      if (low <= truth && truth <= high) covered += 1;
    }
    // ≥ 95% by construction; 400 trials leave ± 2.2% of binomial noise (2 sd).
    expect(covered / trials).toBeGreaterThan(0.93);
  });

  it('agrees with the normal approximation for a million values (the exact CDF holds at large n)', () => {
    const interval = quantileInterval(ranks(1_000_000), 50, 0.95);
    // Normal approximation: 500,000 ± 1.96 × 500 ranks.
    expect(Math.abs(interval.lowRank - 499_020)).toBeLessThanOrEqual(2);
    expect(Math.abs(interval.highRank - 500_981)).toBeLessThanOrEqual(2);
  });
});
