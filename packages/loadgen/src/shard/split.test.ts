import { describe, expect, it } from 'vitest';
import { testConfig } from '../test-config.js';
import { globalIndexOf, shardLoad, shareOf } from './split.js';

describe('shard split', () => {
  it('splits a total exactly, remainders to the first shards', () => {
    expect([0, 1, 2, 3].map((index) => shareOf(10, { index, count: 4 }))).toEqual([3, 3, 2, 2]);
    for (const total of [1, 7, 64, 1001]) {
      for (const count of [1, 2, 3, 4, 7]) {
        const parts = Array.from({ length: count }, (_, index) => shareOf(total, { index, count }));
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      }
    }
  });

  it('maps every shard request to a distinct global index covering 0..total-1', () => {
    for (const total of [10, 13, 100]) {
      const count = 4;
      const seen: number[] = [];
      for (let index = 0; index < count; index++) {
        for (let k = 0; k < shareOf(total, { index, count }); k++) seen.push(globalIndexOf(k, { index, count }));
      }
      expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i));
    }
  });

  it('splits concurrency, requests and warmup; keeps the global rate; refuses a shard left without work', () => {
    const config = testConfig({ load: { concurrency: 6, requestCount: 10, warmupRequestCount: 5, requestRate: 40 } });
    const { load, problems } = shardLoad(config, { index: 3, count: 4 });
    expect(problems).toEqual([]);
    expect([load.concurrency, load.requestCount, load.warmupRequestCount, load.requestRate]).toEqual([1, 2, 1, 40]);
    const starved = shardLoad(testConfig({ load: { concurrency: 2, requestCount: 10 } }), { index: 2, count: 4 });
    expect(starved.problems).toEqual(['--shard 2/4: --concurrency 2 split over 4 shards leaves this shard none; use at most 2 shards']);
  });
});
