import { describe, expect, it } from 'vitest';
import { RunningMoments, mean, populationStd, sampleStd } from './moments.js';
import { createRng } from './rng.js';
import { studentTInterval, studentTIntervalOfMoments, tCritical } from './student-t.js';

describe('tCritical', () => {
  // Two-sided critical values from a printed Student-t table (3 decimals).
  const table: Array<[level: number, df: number, t: number]> = [
    [0.95, 1, 12.706],
    [0.95, 2, 4.303],
    [0.95, 4, 2.776],
    [0.95, 5, 2.571],
    [0.95, 10, 2.228],
    [0.95, 30, 2.042],
    [0.9, 20, 1.725],
    [0.99, 10, 3.169],
    [0.99, 3, 5.841],
    [0.8, 9, 1.383],
    [0.8, 10, 1.372],
    [0.99, 20, 2.845],
  ];
  it.each(table)('level %s, df %s → %s', (level, df, t) => {
    expect(tCritical(level, df)).toBeCloseTo(t, 3);
  });

  it('agrees with scipy.stats.t.ppf to 1e-9', () => {
    expect(tCritical(0.95, 4)).toBeCloseTo(2.7764451051977934, 9);
    expect(tCritical(0.95, 1)).toBeCloseTo(12.706204736174694, 9);
    expect(tCritical(0.95, 30)).toBeCloseTo(2.0422724563012378, 9);
  });

  it('tends to the normal quantile for many degrees of freedom', () => {
    expect(tCritical(0.95, 100_000)).toBeCloseTo(1.95996, 4);
  });

  it('is NaN without degrees of freedom', () => {
    expect(tCritical(0.95, 0)).toBeNaN();
  });
});

describe('studentTInterval', () => {
  it('matches scipy.stats.t.interval', () => {
    const interval = studentTInterval([10.2, 11.1, 9.8, 10.5, 10.9], 0.95);
    expect(interval.mean).toBeCloseTo(10.5, 12);
    expect(interval.std).toBeCloseTo(0.5244044240850756, 12);
    expect(interval.low).toBeCloseTo(9.848865906114781, 9);
    expect(interval.high).toBeCloseTo(11.151134093885215, 9);
  });

  it('collapses to the mean for one value and is NaN for none', () => {
    expect(studentTInterval([4], 0.95)).toMatchObject({ mean: 4, std: 0, halfWidth: 0, low: 4, high: 4 });
    expect(studentTInterval([4], 0.95).tCritical).toBeNaN();
    const empty = studentTInterval([], 0.95);
    expect([empty.mean, empty.low, empty.high].every(Number.isNaN)).toBe(true);
  });
});

describe('moments', () => {
  it('sample vs population standard deviation, NaN when empty', () => {
    expect(sampleStd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.138089935, 8);
    expect(populationStd([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
    expect(sampleStd([3])).toBe(0);
    expect(populationStd(Float64Array.of(3))).toBe(0);
    expect(mean([])).toBeNaN();
    expect(sampleStd([])).toBeNaN();
  });
});

describe('RunningMoments', () => {
  it('gives exactly mean() and sampleStd() of the values so far, NaN skipped, after every add', () => {
    const rng = createRng(5);
    const values = Array.from({ length: 600 }, (_, i) => (i % 50 === 7 ? Number.NaN : 1e3 + 1e4 * rng.next() ** 2));
    const running = new RunningMoments();
    expect([running.mean, running.sampleStd]).toEqual([Number.NaN, Number.NaN]);
    values.forEach((value, i) => {
      running.add(value);
      const sofar = values.slice(0, i + 1);
      expect([running.count, running.mean, running.sampleStd]).toEqual([sofar.filter((v) => !Number.isNaN(v)).length, mean(sofar), sampleStd(sofar)]);
    });
    expect(studentTIntervalOfMoments(running.count, running.mean, running.sampleStd, 0.9)).toEqual(studentTInterval(values.filter((v) => !Number.isNaN(v)), 0.9));
  });
});
