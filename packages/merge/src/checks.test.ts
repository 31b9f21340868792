import { describe, expect, it } from 'vitest';
import { differingSettings, shardCoverage, startAlignment } from './checks.js';
import { mergeTelemetryData } from './telemetry.js';

const shard = (index: number, count = 3) => ({ index, count });
const start = (actual: number, offset: number | null, late = 0) => ({ mode: 'barrier', target_epoch_ms: 1000, actual_epoch_ms: actual, late_ms: late, clock_offset_ms: offset });

describe('merge checks', () => {
  it('names every setting the shards disagree on, with each shard value', () => {
    const settings = (concurrency: number, url: string) => ({ load: { concurrency, mode: 'concurrency' }, endpoint: { url } });
    expect(differingSettings([{ shard: shard(0), settings: settings(8, 'a') }, { shard: shard(1), settings: settings(8, 'a') }])).toEqual([]);
    expect(differingSettings([{ shard: shard(0), settings: settings(8, 'a') }, { shard: shard(1), settings: settings(4, 'b') }])).toEqual([
      'endpoint.url (shard 0: "a", shard 1: "b")',
      'load.concurrency (shard 0: 8, shard 1: 4)',
    ]);
  });

  it('finds missing and duplicated shards and a shard count mismatch', () => {
    expect(shardCoverage([{ shard: shard(0) }, { shard: shard(2) }, { shard: shard(2) }])).toEqual({ count: 3, missing: [1], duplicated: [2], countMismatch: false });
    expect(shardCoverage([{ shard: shard(0) }, { shard: shard(1, 2) }]).countMismatch).toBe(true);
  });

  it('measures clock skew from the barrier offsets only, and the start spread', () => {
    expect(startAlignment([{ start: start(5000, 2) }, { start: start(5004, -250, 4) }])).toEqual({ clockSkewMs: 252, startSpreadMs: 4, maxLateMs: 4 });
    expect(startAlignment([{ start: start(5000, null) }, { start: start(5001, null) }]).clockSkewMs).toBeNull();
  });

  it('keeps GPU telemetry once per exporter endpoint (the first shard that has it)', () => {
    const data = (keys: string[], tag: string) => ({
      summary: { endpoints_configured: keys, endpoints_successful: keys, start_time: 't0', end_time: 't1' },
      endpoints: Object.fromEntries(keys.map((k) => [k, { gpus: { gpu_0: tag } }])),
      error_summary: null,
    });
    const merged = mergeTelemetryData([data(['a:9400'], 'shard0'), undefined, data(['a:9400', 'b:9400'], 'shard2')]);
    expect(merged?.endpoints).toEqual({ 'a:9400': { gpus: { gpu_0: 'shard0' } }, 'b:9400': { gpus: { gpu_0: 'shard2' } } });
    expect(merged?.summary.endpoints_configured).toEqual(['a:9400', 'b:9400']);
    expect(mergeTelemetryData([undefined])).toBeUndefined();
  });
});
