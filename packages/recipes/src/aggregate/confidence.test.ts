import { describe, expect, it } from 'vitest';
import { aggregateSummaries, confidenceStats, confidenceStatsJson, flattenSummaryMetrics } from './confidence.js';

describe('confidenceStats', () => {
  // Reference numbers from numpy/scipy: values [10, 12, 14], level 0.95:
  // mean 12, std (ddof 1) 2, se 2/sqrt(3) = 1.1547005383792515, t.ppf(0.975, 2) = 4.302652729749462,
  // ci = 12 ∓ 4.968275..., i.e. [7.031724..., 16.968275...].
  it('matches scipy for three trials at 95 %', () => {
    const stats = confidenceStats([10, 12, 14], 0.95, 'ms');
    expect(stats.mean).toBe(12);
    expect(stats.std).toBeCloseTo(2, 12);
    expect(stats.cv).toBeCloseTo(2 / 12, 12);
    expect(stats.se).toBeCloseTo(1.1547005383792515, 12);
    expect(stats.tCritical).toBeCloseTo(4.302652729749462, 9);
    expect(stats.ciLow).toBeCloseTo(7.031724, 5);
    expect(stats.ciHigh).toBeCloseTo(16.968276, 5);
    expect(stats).toMatchObject({ min: 10, max: 14, unit: 'ms' });
  });

  it('matches scipy t.ppf(0.995, 4) = 4.604094525 at 99 % with five trials', () => {
    const stats = confidenceStats([1, 2, 3, 4, 5], 0.99);
    expect(stats.tCritical).toBeCloseTo(4.604094525, 6);
    expect(stats.std).toBeCloseTo(1.5811388300841898, 12);
  });

  it('degrades to a point interval for one value and skips non-finite values', () => {
    const stats = confidenceStats([Number.NaN, 7], 0.95);
    expect(stats).toMatchObject({ mean: 7, std: 0, se: 0, ciLow: 7, ciHigh: 7 });
    expect(Number.isNaN(stats.tCritical)).toBe(true);
    expect(confidenceStatsJson(stats).t_critical).toBeNull();
  });

  it('reports an infinite CV (null in JSON) when the mean is 0', () => {
    const stats = confidenceStats([-1, 1], 0.95);
    expect(stats.cv).toBe(Number.POSITIVE_INFINITY);
    expect(confidenceStatsJson(stats).cv).toBeNull();
  });
});

describe('aggregateSummaries', () => {
  const summary = (ttftAvg: number, rps: number) => ({
    schema_version: '1.1',
    time_to_first_token: { unit: 'ms', avg: ttftAvg, p99: ttftAvg * 2 },
    request_throughput: { unit: 'requests/sec', avg: rps },
    error_summary: [],
    telemetry_data: { endpoints: {} },
  });

  it('flattens every populated stat of every metric block and skips provenance keys', () => {
    expect([...flattenSummaryMetrics(summary(5, 100)).keys()]).toEqual([
      'time_to_first_token_avg',
      'time_to_first_token_p99',
      'request_throughput_avg',
    ]);
  });

  it('aggregates per flattened key across trials', () => {
    const stats = aggregateSummaries([summary(4, 90), summary(6, 110)], 0.95);
    expect(stats.get('time_to_first_token_avg')?.mean).toBe(5);
    expect(stats.get('time_to_first_token_p99')?.max).toBe(12);
    expect(stats.get('request_throughput_avg')?.unit).toBe('requests/sec');
    // t.ppf(0.975, 1) = 12.706204736174698; se = std/sqrt(2) = 10/sqrt(2)/sqrt(2) = 10
    expect(stats.get('request_throughput_avg')?.ciHigh).toBeCloseTo(100 + 12.706204736 * 10, 5);
  });
});
