import { describe, expect, it } from 'vitest';
import { testConfig } from '../test-config.js';
import { describeWarmup, warmupPlan, warmupProblems } from './warmup-plan.js';

const noWarmupOverrides = {
  durationSeconds: null, numSessions: null, concurrency: null, requestRate: null, arrivalPattern: null, gracePeriodSeconds: null,
  concurrencyRampDurationSeconds: null, requestRateRampDurationSeconds: null, prefillConcurrency: null, prefillConcurrencyRampDurationSeconds: null,
};

describe('warmupPlan', () => {
  it('no warmup without a stop condition; a count alone keeps the profiling load', () => {
    expect(warmupPlan(testConfig({ load: { warmupRequestCount: 0 }, warmup: noWarmupOverrides }))).toBeNull();
    const config = testConfig({ load: { warmupRequestCount: 5 }, warmup: noWarmupOverrides });
    const plan = warmupPlan(config);
    expect(plan).toMatchObject({ requestCount: 5, sessionCount: null, durationNs: null, gracePeriodSeconds: Number.POSITIVE_INFINITY });
    expect(plan?.load).toBe(config.load);
    expect(describeWarmup(plan!, config.load)).toBe('warmup: 5 requests');
  });

  it('a warmup rate turns a concurrency run\'s warmup into request-rate mode, bounded by time and count', () => {
    const config = testConfig({ load: { concurrency: 8, warmupRequestCount: 100 }, warmup: { ...noWarmupOverrides, durationSeconds: 30, requestRate: 10, arrivalPattern: 'constant', gracePeriodSeconds: 5 } });
    const plan = warmupPlan(config)!;
    expect(plan.load).toMatchObject({ mode: 'request_rate', requestRate: 10, arrivalPattern: 'constant', concurrency: 8, requestCount: 100, benchmarkDurationSeconds: 30 });
    expect(plan).toMatchObject({ durationNs: 30e9, gracePeriodSeconds: 5 });
    expect(describeWarmup(plan, config.load)).toBe('warmup: 100 requests or 30 s, 10 req/s constant, concurrency 8');
    expect(warmupProblems(config, plan)).toEqual([]);
  });

  it('a warmup concurrency alone is a burst at that cap; above the profiling cap it is refused', () => {
    const config = testConfig({ load: { concurrency: 4 }, warmup: { ...noWarmupOverrides, numSessions: 3, concurrency: 2 } });
    const plan = warmupPlan(config)!;
    expect(plan.load).toMatchObject({ mode: 'concurrency', concurrency: 2 });
    expect(describeWarmup(plan, config.load)).toBe('warmup: 3 sessions, burst, concurrency 2');
    const tooMany = testConfig({ load: { concurrency: 4 }, warmup: { ...noWarmupOverrides, numSessions: 3, concurrency: 6 } });
    expect(warmupProblems(tooMany, warmupPlan(tooMany))).toEqual([
      '--warmup-concurrency: got 6, which exceeds --concurrency 4; connections are opened for the profiling load, so lower it to 4 or less',
    ]);
  });

  it('warmup ramps and prefill cap of its own; unset ones inherit profiling\'s, and a warmup rate replaces a rate series', () => {
    const config = testConfig({
      load: { concurrency: 8, requestRate: null, requestRateSeries: '5:1,10', concurrencyRampDurationSeconds: 20, prefillConcurrency: 4, prefillConcurrencyRampDurationSeconds: 10 },
      warmup: { ...noWarmupOverrides, durationSeconds: 10, requestRate: 20, requestRateRampDurationSeconds: 4, prefillConcurrency: 2 },
    });
    const plan = warmupPlan(config)!;
    expect(plan.load).toMatchObject({
      mode: 'request_rate', requestRate: 20, requestRateSeries: null, requestRateRampDurationSeconds: 4, concurrencyRampDurationSeconds: 20,
      prefillConcurrency: 2, prefillConcurrencyRampDurationSeconds: 10,
    });
    expect(describeWarmup(plan, config.load)).toBe('warmup: 10 s, 20 req/s poisson, concurrency 8, rate ramp 4 s, concurrency ramp 20 s, prefill concurrency 2 (ramp 10 s)');
    const rampOnly = testConfig({ load: { concurrency: 8, warmupRequestCount: 10 }, warmup: { ...noWarmupOverrides, concurrencyRampDurationSeconds: 2 } });
    expect(warmupPlan(rampOnly)!.load).toMatchObject({ mode: 'concurrency', concurrency: 8, concurrencyRampDurationSeconds: 2, requestCount: 10 });
  });
});
