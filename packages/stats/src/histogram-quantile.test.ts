import { describe, expect, it } from 'vitest';
import { boundKey, histogramQuantile } from './histogram-quantile.js';

describe('histogramQuantile (Prometheus histogram_quantile rule)', () => {
  const bounds = [0.1, 0.2, 0.4, Number.POSITIVE_INFINITY];
  it('interpolates linearly inside the bucket holding the rank, the first bucket from 0', () => {
    const cumulative = [10, 30, 40, 40];
    expect(histogramQuantile(bounds, cumulative, 0.5)).toBeCloseTo(0.1 + 0.1 * (10 / 20), 12);
    expect(histogramQuantile(bounds, cumulative, 0.1)).toBeCloseTo(0.04, 12);
    expect(histogramQuantile(bounds, cumulative, 1)).toBeCloseTo(0.4, 12);
  });
  it('reports the highest finite bound for a rank in +Inf, NaN without observations', () => {
    expect(histogramQuantile(bounds, [0, 0, 1, 10], 0.9)).toBe(0.4);
    expect(histogramQuantile(bounds, [0, 0, 0, 0], 0.5)).toBeNaN();
  });
  it('with the sum, places observations that all share one bucket around their known mean', () => {
    // 40 observations of exactly 0.2 s: in (0.1, 0.2], mean 0.2 → every percentile 0.2 (not the 0.15 midpoint).
    expect(histogramQuantile(bounds, [0, 40, 40, 40], 0.5, 8)).toBeCloseTo(0.2, 12);
    // 10 zeros (queue time of an idle server): 0, not half the first bucket.
    expect(histogramQuantile(bounds, [10, 10, 10, 10], 0.99, 0)).toBe(0);
    // Mean 0.15 in (0.1, 0.2]: uniform over the whole bucket; p50 = 0.15, p90 = 0.19.
    expect(histogramQuantile(bounds, [0, 10, 10, 10], 0.9, 1.5)).toBeCloseTo(0.19, 12);
    // All in +Inf with mean 3 s: 3 s, not the last finite bound.
    expect(histogramQuantile(bounds, [0, 0, 0, 5], 0.5, 15)).toBeCloseTo(3, 12);
    // Spread over several buckets: the sum does not change Prometheus' interpolation.
    expect(histogramQuantile(bounds, [10, 30, 40, 40], 0.5, 9)).toBeCloseTo(0.15, 12);
  });

  it('names buckets as AIPerf does', () => {
    expect(bounds.map(boundKey)).toEqual(['0.1', '0.2', '0.4', '+Inf']);
  });
});
