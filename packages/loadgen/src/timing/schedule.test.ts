import { defaultConfig } from '@aiperf/config';
import { describe, expect, it } from 'vitest';
import { timeAtCount } from './rate-profile.js';
import { countScheduledWithin, createRateSchedule } from './schedule.js';
import { concurrencyStrategy, getTimingStrategy, requestRateStrategy } from './strategies.js';

describe('request-rate schedules', () => {
  it('constant arrivals: R req/s for D s issues R×D requests ± 1, at exact multiples of 1/R', () => {
    for (const [rate, seconds] of [[10, 3], [7.5, 2], [1000, 1.25], [3, 0.5]] as const) {
      const count = countScheduledWithin(createRateSchedule('constant', rate, null), seconds * 1e9);
      expect(Math.abs(count - rate * seconds)).toBeLessThanOrEqual(1);
    }
    const schedule = createRateSchedule('constant', 4, null);
    expect([0, 1, 2, 1000].map(schedule)).toEqual([0, 250e6, 500e6, 250_000e6]);
  });

  it('Poisson arrivals: exponential gaps with mean 1/R and variance 1/R² (100k draws)', () => {
    const rate = 50;
    const schedule = createRateSchedule('poisson', rate, 7);
    const n = 100_000;
    const gaps: number[] = [];
    for (let i = 1; i <= n; i++) gaps.push((schedule(i) - schedule(i - 1)) / 1e9);
    const mean = gaps.reduce((a, b) => a + b, 0) / n;
    const variance = gaps.reduce((a, g) => a + (g - mean) ** 2, 0) / (n - 1);
    expect(mean).toBeGreaterThan((1 / rate) * 0.99);
    expect(mean).toBeLessThan((1 / rate) * 1.01);
    expect(variance).toBeGreaterThan((1 / rate) ** 2 * 0.97);
    expect(variance).toBeLessThan((1 / rate) ** 2 * 1.03);
    // Count over a long window stays near R×D (Poisson: sd = √(R·D) ≈ 22 for 500).
    expect(Math.abs(countScheduledWithin(createRateSchedule('poisson', 50, 3), 10e9) - 500)).toBeLessThan(90);
  });

  it('is reproducible with a seed and independent of lookup order', () => {
    const a = createRateSchedule('poisson', 10, 42);
    const b = createRateSchedule('poisson', 10, 42);
    const late = b(50);
    expect(a(50)).toBe(late);
    expect(a(3)).toBe(b(3));
    expect(createRateSchedule('poisson', 10, 43)(50)).not.toBe(late);
  });
});

describe('timing strategies', () => {
  const load = { ...defaultConfig().benchmark.load, mode: 'concurrency' as const, concurrency: 8, requestCount: 4 };

  it('validates with messages naming the flag', () => {
    expect(concurrencyStrategy.validate(load)).toEqual(['--concurrency: 8 exceeds --request-count 4; it must not']);
    expect(requestRateStrategy.validate({ ...load, mode: 'request_rate', requestCount: null })).toEqual([
      '--request-count, --conversation-num or --benchmark-duration: one of them must be set',
      '--request-rate: required in request-rate mode',
    ]);
    expect(() => getTimingStrategy('bursty')).toThrow('benchmark.load.mode: unknown timing mode "bursty"; allowed: concurrency, request_rate, fixed_schedule, user_centric');
  });

  it('describes itself in one line', () => {
    expect(requestRateStrategy.describe({ ...load, mode: 'request_rate', requestRate: 5, concurrency: 2 })).toBe(
      'poisson arrivals at 5 req/s, at most 2 in flight, 4 requests',
    );
    expect(concurrencyStrategy.describe({ ...load, requestCount: null, benchmarkDurationSeconds: 10 })).toBe('concurrency 8, 10 s');
    expect(requestRateStrategy.describe({ ...load, mode: 'request_rate', requestRate: 5, arrivalPattern: 'gamma', arrivalSmoothness: 0.5, requestRateRampDurationSeconds: 3, concurrency: null })).toBe(
      'gamma (smoothness 0.5) arrivals at 5 req/s (ramped from 0 over 3 s), 4 requests',
    );
    expect(requestRateStrategy.describe({ ...load, mode: 'request_rate', requestRateSeries: '5:2,10', concurrency: null })).toBe('poisson arrivals at rates 5:2,10 req/s, 4 requests');
  });
});

describe('rate profiles', () => {
  it('a linear ramp from 0 to R over D: request k at √(2kD/R), then k/R after the ramp', () => {
    const segments = [{ durationS: 2, startRate: 0, endRate: 60 }, { durationS: Infinity, startRate: 60, endRate: 60 }];
    expect(timeAtCount(segments, 0)).toBe(0);
    expect(timeAtCount(segments, 15)).toBeCloseTo(1, 9);
    expect(timeAtCount(segments, 60)).toBeCloseTo(2, 9);
    expect(timeAtCount(segments, 120)).toBeCloseTo(3, 9);
  });
  it('a series with a pause: no request while the rate is 0', () => {
    const segments = [{ durationS: 1, startRate: 10, endRate: 10 }, { durationS: 2, startRate: 0, endRate: 0 }, { durationS: Infinity, startRate: 5, endRate: 5 }];
    expect(timeAtCount(segments, 10)).toBeCloseTo(1, 9);
    expect(timeAtCount(segments, 10.0001)).toBeGreaterThan(3);
    expect(timeAtCount(segments, 15)).toBeCloseTo(4, 9);
  });
});
