import { describe, expect, it } from 'vitest';
import { percentileOfSorted } from '@aiperf/stats';
import { summarize } from './stats.js';

describe('summarize', () => {
  // Reference values from numpy 2.4: np.percentile(v, q) (linear) and np.std(v) (ddof 0).
  const values = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];

  it('matches numpy percentiles (linear interpolation between closest ranks)', () => {
    const stats = summarize(values)!;
    expect(stats.p1).toBeCloseTo(1, 12);
    expect(stats.p25).toBeCloseTo(2.5, 12);
    expect(stats.p50).toBeCloseTo(4, 12);
    expect(stats.p75).toBeCloseTo(5, 12);
    expect(stats.p90).toBeCloseTo(6, 12);
    expect(stats.p95).toBeCloseTo(7.5, 12);
    expect(stats.p99).toBeCloseTo(8.7, 12);
  });

  it('uses the population standard deviation and reports count, sum, min, max', () => {
    const stats = summarize(values)!;
    expect(stats.std).toBeCloseTo(2.256304299271065, 12);
    expect(stats).toMatchObject({ avg: 4, min: 1, max: 9, count: 11, sum: 44 });
  });

  it('interpolates between two values and handles one value and none', () => {
    expect(percentileOfSorted([10.5, 20.25], 1)).toBeCloseTo(10.5975, 12);
    expect(percentileOfSorted([10.5, 20.25], 50)).toBeCloseTo(15.375, 12);
    expect(percentileOfSorted([10.5, 20.25], 99)).toBeCloseTo(20.1525, 12);
    expect(summarize([7])).toMatchObject({ avg: 7, p1: 7, p99: 7, std: 0, count: 1 });
    expect(summarize([])).toBeUndefined();
  });
});
