import { describe, expect, it } from 'vitest';
import { percentileOfSorted } from '@aiperf/stats';
import { seriesStats } from './stats.js';

describe('seriesStats', () => {
  it('matches numpy (linear percentiles, std ddof=1) on 1..10', () => {
    const stats = seriesStats([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    // numpy.percentile(range(1, 11), [1,5,10,25,50,75,90,95,99]) and numpy.std(..., ddof=1)
    expect(stats).toMatchObject({ avg: 5.5, min: 1, max: 10, count: 10 });
    const expected = { p1: 1.09, p5: 1.45, p10: 1.9, p25: 3.25, p50: 5.5, p75: 7.75, p90: 9.1, p95: 9.55, p99: 9.91 };
    for (const [key, value] of Object.entries(expected)) expect(stats?.[key as keyof typeof expected]).toBeCloseTo(value, 12);
    expect(stats?.std).toBeCloseTo(3.0276503540974917, 12);
  });

  it('gives std 0 and every percentile equal to the value for a single sample', () => {
    expect(seriesStats([42])).toEqual({
      avg: 42, min: 42, max: 42, p1: 42, p5: 42, p10: 42, p25: 42, p50: 42, p75: 42, p90: 42, p95: 42, p99: 42, std: 0, count: 1,
    });
  });

  it('returns undefined for no samples', () => {
    expect(seriesStats([])).toBeUndefined();
  });

  it('interpolates between the two closest ranks', () => {
    expect(percentileOfSorted([100, 200], 25)).toBe(125);
    expect(percentileOfSorted([0, 10, 20, 30], 50)).toBe(15);
  });
});
