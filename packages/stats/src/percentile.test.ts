import { describe, expect, it } from 'vitest';
import { PERCENTILES, percentileOfSorted, percentilesOfSorted } from './percentile.js';

// Expected values are numpy.percentile(values, q) (method "linear"), computed outside this repo.
describe('percentileOfSorted', () => {
  it('matches numpy linear interpolation between closest ranks', () => {
    const sorted = [15, 20, 35, 40, 50];
    const qs = [1, 5, 10, 25, 40, 50, 75, 90, 95, 99];
    const numpy = [15.2, 16.0, 17.0, 20.0, 29.0, 35.0, 40.0, 46.0, 48.0, 49.6];
    qs.forEach((q, i) => expect(percentileOfSorted(sorted, q)).toBeCloseTo(numpy[i]!, 12));
  });

  it('reads typed arrays and gives the value itself for one sample', () => {
    expect(percentileOfSorted(Float64Array.of(3.5), 99)).toBe(3.5);
    expect(percentileOfSorted(Float64Array.of(1, 2, 3, 4), 25)).toBe(1.75);
  });

  it('gives NaN for no values (never throws)', () => {
    expect(percentileOfSorted([], 50)).toBeNaN();
    expect(Object.values(percentilesOfSorted(new Float64Array(0))).every(Number.isNaN)).toBe(true);
  });

  it('lists p1 … p99 in export order', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10.5];
    const numpy = [1.09, 1.45, 1.9, 3.25, 5.5, 7.75, 9.15, 9.825, 10.365];
    const got = percentilesOfSorted(sorted);
    expect(Object.keys(got)).toEqual(PERCENTILES.map((q) => `p${q}`));
    PERCENTILES.forEach((q, i) => expect(got[`p${q}`]).toBeCloseTo(numpy[i]!, 12));
  });
});
