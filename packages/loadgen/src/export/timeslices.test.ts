import { describe, expect, it } from 'vitest';
import { computeStoreMetrics } from '../metrics/compute.js';
import { MetricStore } from '../metrics/metric-store.js';
import { makeRecord } from '../test-records.js';

const context = { streaming: true, producesTokens: true };

function storeOf(startsMs: number[], sliceSeconds: number): MetricStore {
  const store = new MetricStore(context, BigInt(sliceSeconds * 1e9));
  for (const startMs of startsMs) store.add(makeRecord({ startMs, contentMs: [10, 10 + startMs / 100] }));
  return store;
}

describe('MetricStore.sliceRows', () => {
  it('groups by absolute epoch slice of the start time, in time order, skipping empty slices', () => {
    // BASE_EPOCH_NS is a whole second, so 1 s slices are aligned to it: starts at 0.1, 0.9 | 1.2 | (empty) | 3.5 s.
    const store = storeOf([3500, 100, 1200, 900], 1);
    const slices = store.sliceRows();
    expect(slices.map((s) => [...s.rows].map((row) => store.startOffsetNs(row) / 1e6 + 3500))).toEqual([[100, 900], [1200], [3500]]);
    // 0.5 s slices: 0.1 | 0.9 | 1.2 | 3.5.
    expect(storeOf([3500, 100, 1200, 900], 0.5).sliceRows()).toHaveLength(4);
  });

  it('computes each slice from its own rows, inter-chunk latency included', () => {
    const store = storeOf([3500, 100, 1200, 900], 1);
    const [first, , last] = store.sliceRows().map((s) => computeStoreMetrics(store, { context }, s));
    const tag = (results: typeof first, name: string) => results!.find((r) => r.tag === name)!;
    expect(tag(first, 'request_count').avg).toBe(2);
    // ICL = startMs / 100 ms for these records: 1 and 9 ms in the first slice, 35 ms in the last.
    expect(tag(first, 'inter_chunk_latency').stats).toMatchObject({ min: 1, max: 9, count: 2 });
    expect(tag(last, 'inter_chunk_latency').stats).toMatchObject({ min: 35, max: 35, count: 1 });
  });
});
