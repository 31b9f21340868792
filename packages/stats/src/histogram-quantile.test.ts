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
  it('names buckets as AIPerf does', () => {
    expect(bounds.map(boundKey)).toEqual(['0.1', '0.2', '0.4', '+Inf']);
  });
});
