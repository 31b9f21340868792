import { describe, expect, it } from 'vitest';
import { newEndpointStatus } from './endpoint-state.js';
import { parseExposition } from './exposition.js';
import { MetricsStore } from './store.js';
import { summarizeServerMetrics } from './summary.js';

const URL_A = 'http://127.0.0.1:8000/metrics';
const S = 1_000_000_000n;
const T0 = 1_765_000_000n * S;

function exposition(running: number, tokens: number, ttftBuckets: [number, number, number], ttftSum: number): string {
  return [
    '# TYPE vllm:num_requests_running gauge',
    `vllm:num_requests_running{model_name="m"} ${running}`,
    '# TYPE vllm:generation_tokens_total counter',
    `vllm:generation_tokens_total{model_name="m"} ${tokens}`,
    '# TYPE vllm:time_to_first_token_seconds histogram',
    `vllm:time_to_first_token_seconds_bucket{le="0.1",model_name="m"} ${ttftBuckets[0]}`,
    `vllm:time_to_first_token_seconds_bucket{le="0.2",model_name="m"} ${ttftBuckets[1]}`,
    `vllm:time_to_first_token_seconds_bucket{le="+Inf",model_name="m"} ${ttftBuckets[2]}`,
    `vllm:time_to_first_token_seconds_sum{model_name="m"} ${ttftSum}`,
    `vllm:time_to_first_token_seconds_count{model_name="m"} ${ttftBuckets[2]}`,
  ].join('\n');
}

/** Scrapes at t = 0..6 s; the window is [1 s, 5 s]; the server restarts between t = 3 and t = 4. */
function storeWithReset(): MetricsStore {
  const store = new MetricsStore();
  const scrapes: [number, number, [number, number, number], number][] = [
    [0, 1000, [10, 10, 10], 0.5], // reference (before the window)
    [4, 1100, [12, 20, 20], 1.5],
    [8, 1300, [14, 30, 30], 2.5],
    [8, 1600, [16, 40, 40], 3.5],
    [2, 50, [2, 4, 4], 0.4], // restarted: counters from zero
    [0, 150, [4, 8, 8], 0.8], // inside the window, the last one
    [0, 170, [4, 9, 9], 0.9], // after the window: the end state, counted (final scrape)
  ];
  scrapes.forEach(([running, tokens, buckets, sum], second) => {
    store.add(URL_A, T0 + BigInt(second) * S, parseExposition(exposition(running, tokens, buckets, sum)));
  });
  return store;
}

describe('summarizeServerMetrics', () => {
  const store = storeWithReset();
  const status = { ...newEndpointStatus(URL_A, false), successfulScrapes: 7 };
  const data = summarizeServerMetrics({ store, window: { startEpochNs: T0 + S, endEpochNs: T0 + 5n * S }, endpoints: [status], sliceDurationSeconds: 2 });

  it('counts a counter across a server restart without losing or inventing tokens', () => {
    const series = data.metrics['vllm:generation_tokens']?.series[0];
    // 100 + 200 + 300 before the restart, 50 after it (counted from zero), then 100 and 20.
    expect(series?.stats.total).toBe(770);
    expect(series?.stats.rate).toBeCloseTo(770 / 6, 9);
    expect(series?.stats.rate_max).toBe(300);
    expect(series?.stats.rate_min).toBe(20);
    expect(data.metrics['vllm:generation_tokens']).toMatchObject({ type: 'counter', unit: 'tokens' });
  });

  it('sums histogram increases across the restart and estimates percentiles from the buckets', () => {
    const series = data.metrics['vllm:time_to_first_token_seconds']?.series[0];
    // Increases: 10, 10, 10 before the restart, then 4, 4, 1 → 39 observations.
    expect(series?.stats.count).toBe(39);
    expect(series?.stats.sum).toBeCloseTo(1 + 1 + 1 + 0.4 + 0.4 + 0.1, 9);
    // Bucket increases: ≤0.1: 2+2+2+2+2+0 = 10; ≤0.2: 39.
    expect(series?.buckets).toEqual({ '0.1': 10, '0.2': 39, '+Inf': 39 });
    // p50: rank 19.5 in (0.1, 0.2] holding 29 → 0.1 + 0.1 × 9.5/29.
    expect(series?.stats.p50_estimate).toBeCloseTo(0.1 + (0.1 * 9.5) / 29, 9);
    expect(series?.stats.p10_estimate).toBeCloseTo(0.039, 9);
  });

  it('gives gauges exact statistics over the scrapes inside the window', () => {
    const stats = data.metrics['vllm:num_requests_running']?.series[0]?.stats;
    expect(stats).toMatchObject({ avg: (4 + 8 + 8 + 2 + 0) / 5, min: 0, max: 8, p50: 4 });
    expect(stats).not.toHaveProperty('count');
  });

  it('splits the window into timeslices, the final scrape counting in the last one', () => {
    const counter = data.metrics['vllm:generation_tokens']?.series[0]?.timeslices;
    expect(counter?.map((slice) => slice.total)).toEqual([300, 470]);
    expect(counter?.[0]).toMatchObject({ start_ns: T0 + S, end_ns: T0 + 3n * S, rate: 150 });
    const gauge = data.metrics['vllm:num_requests_running']?.series[0]?.timeslices;
    expect(gauge?.map((slice) => [slice.avg, slice.min, slice.max])).toEqual([[6, 4, 8], [10 / 3, 0, 8]]);
    const histogram = data.metrics['vllm:time_to_first_token_seconds']?.series[0]?.timeslices;
    expect(histogram?.map((slice) => slice.count)).toEqual([20, 19]);
    // First slice: increases of 10 and 10, buckets ≤0.1: 2 + 2, ≤0.2: 20 → p50 in (0.1, 0.2]: 0.1 + 0.1 × 6/16.
    expect(histogram?.[0]?.p50_estimate).toBeCloseTo(0.1 + (0.1 * 6) / 16, 9);
  });

  it('describes the endpoint and the window', () => {
    expect(data.summary.endpoints_successful).toEqual([URL_A]);
    expect(data.summary.endpoint_info[URL_A]).toMatchObject({ unique_updates: 0, duration_seconds: 6, median_update_interval_ms: 1000 });
  });
});
