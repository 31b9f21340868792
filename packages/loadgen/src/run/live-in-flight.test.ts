import { join } from 'node:path';
import { makeTempDir } from '@aiperf/test-kit';
import { PassThrough } from 'node:stream';
import { type MockServer, startMockServer } from '@aiperf/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProfile } from '../run-profile.js';
import { testConfig } from '../test-config.js';
import type { RunSidecar } from '../types.js';
import type { LiveSnapshot } from './live-snapshot.js';
import { findWorkerScript } from './issuer-thread-pool.js';

let server: MockServer;
let dir: string;
beforeAll(async () => {
  server = await startMockServer({ port: 0, ttftMs: 40, itlMs: 5 });
  dir = await makeTempDir('aiperf-live-');
});
afterAll(async () => {
  await server?.close();
});

const gpu = { url: 'http://gpu:9400/metrics', gpuIndex: 0, modelName: 'NVIDIA H100', utilizationPercent: 90, memoryUsedGb: 60, powerW: 400, temperatureC: 60 };
const feeder: RunSidecar = { name: 'feeder', start: async () => {}, stop: async () => ({}), live: () => ({ gpus: [gpu] }) };

/** Runs a profile with a live view that samples every few ms; returns every snapshot and the last one. */
async function sampledRun(workers: number, concurrency: number, requestCount: number) {
  const samples: LiveSnapshot[] = [];
  let last: LiveSnapshot | null = null;
  const config = testConfig({
    ui: 'dashboard',
    endpoint: { url: server.url },
    load: { concurrency, requestCount, workers },
    input: { outputTokens: { mean: 16, stddev: 0 } },
    output: { artifactDir: join(dir, `w${workers}`), artifactDirExplicit: true },
  });
  const liveView = (source: { snapshot(): LiveSnapshot }) => {
    const timer = setInterval(() => samples.push(source.snapshot()), 5);
    return { stop: () => { clearInterval(timer); last = source.snapshot(); } };
  };
  const result = await runProfile(config, { stdout: new PassThrough(), stderr: new PassThrough(), liveView }, { sidecars: [feeder] });
  return { result, samples, last: last as LiveSnapshot | null };
}

describe('the live snapshot', () => {
  it.each([1, 2])('counts requests in flight exactly (%i issuing thread(s)) and carries the sidecars\' readings', async (workers) => {
    if (workers > 1 && !findWorkerScript()) return console.warn('SKIPPED: worker threads need the built dist/worker.js');
    const { result, samples, last } = await sampledRun(workers, 4, 40);
    expect(result.exitCode).toBe(0);
    const profiling = samples.filter((s) => s.phase === 'profiling');
    expect(profiling.length).toBeGreaterThan(5);
    // Never more than the concurrency on the wire; a fixed-concurrency run holds all four slots most of the time.
    expect(Math.max(...profiling.map((s) => s.inFlight))).toBe(4);
    expect(profiling.every((s) => s.inFlight >= 0 && s.inFlight <= 4)).toBe(true);
    expect(profiling.filter((s) => s.inFlight === 4).length).toBeGreaterThan(profiling.length / 3);
    expect(last).toMatchObject({ phase: 'profiling', inFlight: 0, completed: 40, errors: 0, gpus: [gpu], servers: [] });
  });
});
