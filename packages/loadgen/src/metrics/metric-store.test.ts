import { describe, expect, it } from 'vitest';
import { summarize } from '../stats.js';
import { makeRecord } from '../test-records.js';
import { computeStoreMetrics } from './compute.js';
import { MetricStore } from './metric-store.js';
import { PooledDistribution, RUN_DENSE_LIMIT } from './pooled-distribution.js';

const context = { streaming: true, producesTokens: true };

describe('MetricStore', () => {
  it('retains well under 128 B per record over many streaming records, whatever the records held', () => {
    const store = new MetricStore(context);
    const record = makeRecord({ contentMs: [50, 70, 90, 110, 130, 150, 170, 190], inputTokenCount: 550, outputTokenCount: 8 });
    // One record object, its first chunk time varied per row: the store must keep values, never the object.
    const offsets = record.contentOffsetsNs as number[];
    // Exactly 8 column chunks (16,384 rows each), so bytes ÷ rows is the per-record cost with no slack: what 1M
    // records cost per record (the README's 1M-record figure comes from the memory bench), in an eighth of the time.
    const rows = 8 * 16_384;
    for (let i = 0; i < rows; i++) {
      offsets[0] = 50e6 + (i % 997) * 1e3;
      store.add(record);
    }
    expect(store.length).toBe(rows);
    // 4 time/flag columns (8 + 8 + 4 + 1 B) and 10 Float32 metric columns today; the target is ≤ 128 B.
    expect(store.columnBytes / store.length).toBeLessThan(80);
    const ttft = computeStoreMetrics(store, { context }).find((r) => r.tag === 'time_to_first_token')!;
    expect(ttft.stats).toMatchObject({ count: rows, min: 50, max: 50.996 });
  });

  it('pools inter-chunk latencies in memory that grows with their range, not their number', () => {
    const store = new MetricStore(context);
    const record = makeRecord({ contentMs: Array.from({ length: 64 }, (_, i) => 50 + i * 20 + (i % 7) / 10) });
    for (let i = 0; i < 20_000; i++) store.add(record);
    // 1.26M gaps of 19.4–20.1 ms: a count per µs up to 20.1 ms (the array grows by doubling: 128 KiB).
    const icl = store.pooledDistribution('inter_chunk_latency')!;
    expect(icl.denseBytes).toBe(32_768 * 4);
    expect(icl.sparseValues).toBe(0);
    const stats = icl.summarize()!;
    expect(stats.count).toBe(1_260_000);
    expect([stats.min, stats.p50, stats.max]).toEqual([19.4e6, 20.1e6, 20.1e6].map((ns) => expect.closeTo(ns, 0)));
  });

  it('keeps every metric value exact to Float32 and the run timestamps exact to the ns', () => {
    const store = new MetricStore(context);
    store.add(makeRecord({ startMs: 0.000_001, contentMs: [33.333_333, 60.123_457], inputTokenCount: 16_777_216 }));
    store.add(makeRecord({ startMs: 12, latencyMs: 7_200_000.5, contentMs: [1] }));
    expect(store.values('time_to_first_token')[0]).toBeCloseTo(33_333_333, -1);
    expect(store.values('input_sequence_length')[0]).toBe(16_777_216);
    const results = Object.fromEntries(computeStoreMetrics(store, { context }).map((r) => [r.tag, r.avg]));
    expect(results.min_request_timestamp).toBe(1_760_000_000_000_000_001n);
    expect(results.max_response_timestamp).toBe(1_760_000_000_000_000_000n + 12_000_000n + 7_200_000_500_000n);
  });
});

describe('PooledDistribution', () => {
  it('matches the exact numpy-linear statistics on values at µs resolution, in memory per distinct value', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => ((i * 7919) % 5003) * 1_000 + 20e6);
    // Dense counts, sparse counts, and both at once (values on either side of the limit).
    for (const pooled of [new PooledDistribution(RUN_DENSE_LIMIT), new PooledDistribution(), new PooledDistribution(22_500)]) {
      for (const v of values) pooled.add(v);
      const exact = summarize(values)!;
      const stats = pooled.summarize()!;
      for (const key of Object.keys(exact) as Array<keyof typeof exact>) expect(stats[key]).toBeCloseTo(exact[key], 3);
    }
  });

  it('is within 0.5 µs of the exact percentiles for arbitrary ns values, with exact extremes, mean and std', () => {
    const values = Array.from({ length: 5_001 }, (_, i) => 1e6 + ((i * 104_729) % 9_973_463));
    const pooled = new PooledDistribution(RUN_DENSE_LIMIT);
    for (const v of values) pooled.add(v);
    const exact = summarize(values)!;
    const stats = pooled.summarize()!;
    for (const key of ['p1', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95', 'p99'] as const) {
      expect(Math.abs(stats[key] - exact[key])).toBeLessThanOrEqual(500);
    }
    expect(stats).toMatchObject({ min: exact.min, max: exact.max, count: 5_001, sum: exact.sum });
    expect(stats.std).toBeCloseTo(exact.std, 3);
    expect(new PooledDistribution().summarize()).toBeUndefined();
  });
});
