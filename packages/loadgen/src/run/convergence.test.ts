import { createRng } from '@aiperf/stats';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMetricRegistry } from '../metrics/registry.js';
import { convergenceEta, judgeMargin, validateConvergenceMetric } from './convergence.js';
import { type ConvergenceStatus, ConvergenceWatch } from './convergence-watch.js';

const uniform = (n: number, seed = 1, center = 100, spread = 20) => {
  const rng = createRng(seed);
  return Float64Array.from({ length: n }, () => center - spread + 2 * spread * rng.next());
};

describe('judgeMargin', () => {
  it('avg: the Student-t half-width over the mean (values 1..9: mean 5, sd √7.5, t(0.975, 8) = 2.306)', () => {
    const judged = judgeMargin(Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]), 'avg', 0.95);
    const halfWidth = 2.306 * Math.sqrt(7.5) / 3;
    expect(judged.estimate).toBe(5);
    expect(judged.margin).toBeCloseTo(halfWidth / 5, 3);
  });

  it('p50: half the order-statistic interval over the percentile (1..100: x(40)..x(61) around 50.5)', () => {
    const values = Float64Array.from({ length: 100 }, (_, i) => 100 - i); // unsorted input: judged on a sorted copy
    const judged = judgeMargin(values, 'p50', 0.95);
    expect(judged).toMatchObject({ n: 100, estimate: 50.5, low: 40, high: 61 });
    expect(judged.margin).toBeCloseTo(10.5 / 50.5, 10);
    expect(values[0]).toBe(100);
  });

  it('shrinks as 1/√n: four times the values, half the margin (within sampling noise)', () => {
    for (const stat of ['avg', 'p50', 'p90']) {
      const small = judgeMargin(uniform(2500, 3), stat, 0.95).margin;
      const large = judgeMargin(uniform(10_000, 4), stat, 0.95).margin;
      expect(large / small, stat).toBeGreaterThan(0.4);
      expect(large / small, stat).toBeLessThan(0.62);
    }
  });

  it('too few values for a p99 bound, or no values at all: an infinite margin', () => {
    expect(judgeMargin(uniform(50), 'p99', 0.95).margin).toBe(Number.POSITIVE_INFINITY);
    expect(judgeMargin(new Float64Array(0), 'avg', 0.95).margin).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('convergenceEta', () => {
  const base = { n: 100, margin: 0.1, threshold: 0.05, samplesPerSecond: 50, samplesLeftInBudget: null, secondsLeftInBudget: null };

  it('extrapolates n·(margin/threshold)²: 100 values at ±10% need 400 for ±5%, 300 more at 50/s = 6 s', () => {
    expect(convergenceEta(base)).toEqual({ seconds: 6, bound: 'convergence' });
    expect(convergenceEta({ ...base, margin: 0.05 })).toEqual({ seconds: 0, bound: 'convergence' });
  });

  it('the budget bounds it: 100 requests left (2 s) or 3 s left end the run before convergence', () => {
    expect(convergenceEta({ ...base, samplesLeftInBudget: 100 })).toEqual({ seconds: 2, bound: 'budget' });
    expect(convergenceEta({ ...base, secondsLeftInBudget: 3 })).toEqual({ seconds: 3, bound: 'budget' });
    expect(convergenceEta({ ...base, samplesLeftInBudget: 1000, secondsLeftInBudget: 60 })).toEqual({ seconds: 6, bound: 'convergence' });
  });

  it('unknown without a pace or a bounded margin, unless a budget says when the run ends', () => {
    expect(convergenceEta({ ...base, samplesPerSecond: 0 })).toEqual({ seconds: null, bound: null });
    expect(convergenceEta({ ...base, margin: Number.POSITIVE_INFINITY, secondsLeftInBudget: 9 })).toEqual({ seconds: 9, bound: 'budget' });
  });
});

describe('ConvergenceWatch (fake clock)', () => {
  afterEach(() => vi.useRealTimers());
  const settings = { metric: 'request_latency', stat: 'avg', threshold: 0.05, confidenceLevel: 0.95, minSamples: 20, checkIntervalSeconds: 0.5 };

  it('judges on its timer from the minimum on, fires once at the threshold, and reports the ETA meanwhile', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let nowMs = 0;
    // The records so far: the first `records` of these (a check reads only the ones added since the last).
    const values = uniform(4000, 7, 100, 60);
    let records = 0;
    const fired: ConvergenceStatus[] = [];
    const watch = new ConvergenceWatch(settings, { records: () => records, value: (row) => values[row]! }, { requestCount: 10_000, durationSeconds: null }, (s) => fired.push(s), () => nowMs);
    watch.start();
    // 10 values after 0.5 s: below the minimum, only the pace is known.
    records = 10;
    nowMs = 500;
    vi.advanceTimersByTime(500);
    expect(watch.status).toMatchObject({ n: 10, margin: null, converged: false });
    // 40 values with a wide spread after 1 s: judged, not converged; the ETA extrapolates at 40 values/s.
    records = 40;
    nowMs = 1000;
    vi.advanceTimersByTime(500);
    const judged = watch.status;
    expect(judged.margin).toBeGreaterThan(0.05);
    const needed = Math.ceil(40 * (judged.margin! / 0.05) ** 2) - 40;
    expect(judged.eta.bound).toBe('convergence');
    expect(judged.eta.seconds).toBeCloseTo(needed / 40, 6);
    expect(fired).toHaveLength(0);
    // Enough values: fires once, and not again on the next check.
    records = 4000;
    nowMs = 1500;
    vi.advanceTimersByTime(500);
    nowMs = 2000;
    vi.advanceTimersByTime(500);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ n: 4000, converged: true });
    expect(watch.stoppedProfiling).toBe(true);
    expect(watch.finish()).toMatchObject({ n: 4000, converged: true });
  });

  it('finish() judges everything without firing; a run that never converged says so', () => {
    const fired: ConvergenceStatus[] = [];
    const values = uniform(30, 8, 100, 90);
    const watch = new ConvergenceWatch({ ...settings, threshold: 0.001 }, { records: () => 30, value: (row) => values[row]! }, { requestCount: 30, durationSeconds: null }, (s) => fired.push(s), () => 0);
    expect(watch.finish()).toMatchObject({ n: 30, converged: false });
    expect(fired).toHaveLength(0);
    expect(watch.stoppedProfiling).toBe(false);
  });
});

describe('validateConvergenceMetric', () => {
  const metrics = createMetricRegistry();
  const settings = { metric: 'time_to_first_token', stat: 'p50', threshold: 0.05, confidenceLevel: 0.95, minSamples: 20, checkIntervalSeconds: 1 };

  it('needs a per-request metric the run measures (TTFT only when streaming)', () => {
    expect(validateConvergenceMetric(settings, metrics, { streaming: true, producesTokens: true, metrics })).toEqual([]);
    const [notStreamed] = validateConvergenceMetric(settings, metrics, { streaming: false, producesTokens: true, metrics });
    expect(notStreamed).toMatch(/^--convergence-metric: "time_to_first_token" is not a per-request value of this run \(streaming-only metrics need --streaming\); allowed: .*request_latency/);
    const [unknown] = validateConvergenceMetric({ ...settings, metric: 'ttft' }, metrics, { streaming: true, producesTokens: true, metrics });
    expect(unknown).toMatch(/^--convergence-metric: "ttft" is not a metric; allowed: /);
    expect(validateConvergenceMetric(null, metrics, { streaming: true, producesTokens: true, metrics })).toEqual([]);
  });
});
