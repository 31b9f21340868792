import { describe, expect, it } from 'vitest';
import { dispersedThroughput } from './dispersed-throughput.js';
import { minMaxDownsample, resampleStepFunction } from './downsample.js';
import { lowerIsBetter, paretoFrontier } from './pareto.js';
import { percentileOfSorted } from '@aiperf/stats';
import { rollingPercentiles } from './statistics.js';

describe('dispersedThroughput', () => {
  it("spreads each request's tokens over its generation phase; prefill contributes nothing", () => {
    // Request A: starts 0, first token at 1 s, ends 3 s, 100 tokens → 50 tok/s from 1 s to 3 s.
    // Request B: starts 2 s, no TTFT, ends 4 s, 40 tokens → 20 tok/s from 2 s to 4 s.
    const result = dispersedThroughput({
      requestStartOffsetNs: [0, 2e9],
      requestEndOffsetNs: [3e9, 4e9],
      timeToFirstTokenMs: [1000, Number.NaN],
      outputSequenceLength: [100, 40],
    });
    expect(Array.from(result.timestampS)).toEqual([0, 1, 2, 3]);
    expect(Array.from(result.throughputTokensPerSec)).toEqual([50, 70, 20, 0]);
    expect(Array.from(result.activeRequests)).toEqual([1, 2, 1, 0]);
    expect(result.firstEventOffsetNs).toBe(1e9);
  });

  it('ignores requests without output tokens or with no generation time', () => {
    const result = dispersedThroughput({
      requestStartOffsetNs: [0, 0],
      requestEndOffsetNs: [1e9, 1e9],
      timeToFirstTokenMs: [1000, 10],
      outputSequenceLength: [10, 0],
    });
    expect(result.timestampS.length).toBe(0);
  });
});

describe('paretoFrontier', () => {
  it('latency vs throughput per GPU: lower x and higher y are better', () => {
    const points = [
      { x: 100, y: 50 }, // frontier
      { x: 150, y: 40 }, // dominated by (100, 50)
      { x: 200, y: 90 }, // frontier
      { x: 300, y: 85 }, // dominated
      { x: 400, y: 120 }, // frontier
    ];
    expect(paretoFrontier(points, true, false)).toEqual([0, 2, 4]);
  });

  it('interactivity vs throughput per GPU: both higher are better (scan right to left)', () => {
    const points = [
      { x: 10, y: 100 },
      { x: 20, y: 80 },
      { x: 30, y: 30 },
      { x: 15, y: 60 },
      { x: 30, y: 30 },
    ];
    // Exact duplicates are both kept (non-strict comparison).
    expect(paretoFrontier(points, false, false).sort()).toEqual([0, 1, 2, 4]);
  });

  it('a single point is on the frontier; directions come from the metric name', () => {
    expect(paretoFrontier([{ x: 1, y: 1 }], true, false)).toEqual([0]);
    expect(lowerIsBetter('request_latency')).toBe(true);
    expect(lowerIsBetter('time_to_first_token_p99')).toBe(true);
    expect(lowerIsBetter('output_token_throughput_per_gpu')).toBe(false);
    expect(() => lowerIsBetter('mystery')).toThrow("Unknown optimisation direction for metric 'mystery'");
  });
});

describe('rollingPercentiles and downsampling', () => {
  it('trailing window quantiles with linear interpolation', () => {
    const [p50] = rollingPercentiles([1, 3, 2, 10], [50], 3);
    expect(Array.from(p50!)).toEqual([1, 2, 2, 3]);
  });

  it('the sliding sorted window gives what sorting each window gives (ties included)', () => {
    const values = Array.from({ length: 500 }, (_, i) => Math.round(Math.sin(i * 7.3) * 20) / 2);
    const rolled = rollingPercentiles(values, [50, 95, 99]);
    values.forEach((_, i) => {
      const window = values.slice(Math.max(0, i - 9), i + 1).sort((a, b) => a - b);
      [50, 95, 99].forEach((q, k) => {
        expect(rolled[k]![i]).toBe(percentileOfSorted(window, q));
      });
    });
  });

  it('can keep evenly spaced members besides the extremes', () => {
    const x = Array.from({ length: 1000 }, (_, i) => i);
    const out = minMaxDownsample(
      x,
      x.map((i) => i % 7),
      10,
      3,
    );
    expect(out.x.length).toBeGreaterThan(20);
    expect(out.x.length).toBeLessThanOrEqual(50);
    expect(out.x).toEqual([...out.x].sort((a, b) => a - b));
  });

  it("keeps each bucket's extremes", () => {
    const x = Array.from({ length: 100 }, (_, i) => i);
    const y = x.map((i) => (i === 37 ? 1000 : i === 80 ? -5 : 1));
    const out = minMaxDownsample(x, y, 10);
    expect(out.x.length).toBeLessThanOrEqual(20);
    expect(out.y).toContain(1000);
    expect(out.y).toContain(-5);
  });
});

describe('resampleStepFunction', () => {
  it('keeps the tokens: each bucket holds the time-weighted mean rate', () => {
    // 10 tok/s for 1 s, 30 tok/s for 1 s, then 0: two buckets of 1 s → 10 and 30; 40 tokens in total.
    const t = [0, 0.5, 1, 1.5, 2];
    const v = [10, 10, 30, 30, 0];
    const out = resampleStepFunction(t, v, 2);
    expect(out).toEqual({ x: [0, 1, 2], y: [10, 30, 0] });
    const tokens = out.y.slice(0, -1).reduce((sum, rate) => sum + rate * 1, 0);
    expect(tokens).toBe(40);
  });

  it('splits segments that straddle bucket edges', () => {
    const out = resampleStepFunction([0, 1.5, 1.6, 1.7, 1.8, 3], [4, 8, 8, 8, 8, 0], 2);
    // Bucket 0 ([0, 1.5)): 4 tok/s; bucket 1 ([1.5, 3)): 8 tok/s for 0.3 s... then 8 until 3 → 8.
    expect(out.y.slice(0, 2)).toEqual([4, 8]);
  });
});
