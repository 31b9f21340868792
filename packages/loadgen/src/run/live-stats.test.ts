import { describe, expect, it } from 'vitest';
import { makeRecord } from '../test-records.js';
import { LiveStats } from './live-stats.js';
import { renderStatsBlock } from './stats-blocks.js';

describe('LiveStats', () => {
  it('percentiles, rates, ETA and the per-second token history of the finished requests', () => {
    let nowMs = 0;
    const live = new LiveStats({ requestCount: 20, durationSeconds: null, warmupRequestCount: 0 }, () => nowMs);
    live.startPhase('profiling');
    // 10 requests over 5 s: TTFT 10..100 ms, 5 tokens each 10 ms apart after the first.
    for (let i = 1; i <= 10; i++) {
      nowMs = i * 500;
      const ttft = i * 10;
      live.add(makeRecord({ contentMs: [ttft, ttft + 10, ttft + 20, ttft + 30, ttft + 40] }));
    }
    live.add(makeRecord({ error: { code: 503, type: 'HTTPError', message: 'x' } }));
    const s = live.snapshot();
    expect([s.phase, s.completed, s.errors, s.totalRequests]).toEqual(['profiling', 11, 1, 20]);
    expect(s.ttftMs).toEqual({ p50: 55, p90: 91, p99: 99.1 });
    expect(s.itlMs!.p50).toBeCloseTo(10, 9);
    expect(s.requestsPerSecond).toBeCloseTo(2, 9); // 10 valid in 5 s
    expect(s.outputTokensPerSecond).toBeCloseTo(10, 9);
    expect(s.etaSeconds).toBeCloseTo(4.5, 9); // 9 left at 2/s
    expect(s.tokensPerSecondHistory).toEqual([5, 10, 10, 10, 10]);
    nowMs = 20_000; // the window forgets requests older than 10 s
    expect(live.snapshot().ttftMs).toBeNull();
    const gpus = [{ url: 'http://h:9400/metrics', gpuIndex: 0, modelName: 'NVIDIA H100', utilizationPercent: 87.4, memoryUsedGb: 61.23, powerW: 412.2, temperatureC: 61 }];
    const servers = [{ url: 'http://h:8000/metrics', runningRequests: 4, waitingRequests: 0, kvCacheUsagePercent: 12.5 }];
    const block = renderStatsBlock({ ...s, inFlight: 3, gpus, servers });
    expect(block).toContain('  TTFT     p50 55.00  p90 91.00  p99 99.10 ms');
    expect(block).toContain('output tokens/s; 3 in flight');
    expect(block).toContain('  Server   h:8000  running 4  waiting 0  KV cache 12.5%');
    expect(block).toContain('  GPU 0 H100  util 87%  mem 61.2 GB  power 412 W  61°C');
    const unknown = renderStatsBlock({ ...s, inFlight: 0, gpus: [{ ...gpus[0]!, modelName: null, powerW: null }], servers: [] });
    expect(unknown).toContain('  GPU 0  util 87%  mem 61.2 GB  power --  61°C');
  });
});
