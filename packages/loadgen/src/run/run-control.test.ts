import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir } from '@aiperf/test-kit';
import { PassThrough } from 'node:stream';
import { type MockServer, type MockServerOptions, startMockServer } from '@aiperf/mock-server';
import { afterEach, describe, expect, it } from 'vitest';
import { makeRecord } from '../test-records.js';
import { runProfile } from '../run-profile.js';
import { testConfig } from '../test-config.js';
import { describeFailureStop, FailureGuard } from './failure-guard.js';
import type { LiveSnapshot } from './live-snapshot.js';
import { findWorkerScript } from './issuer-thread-pool.js';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Overrides = Parameters<typeof testConfig>[0] & object;

/** A run against a fresh mock server with a live view sampling every few ms; the server's own counts after it. */
async function run(mock: MockServerOptions, overrides: Overrides) {
  server = await startMockServer({ port: 0, ...mock });
  const dir = await makeTempDir('aiperf-run-control-');
  const samples: LiveSnapshot[] = [];
  const liveView = (source: { snapshot(): LiveSnapshot }) => {
    const timer = setInterval(() => samples.push(source.snapshot()), 5);
    return { stop: () => clearInterval(timer) };
  };
  const stderr = new PassThrough();
  let log = '';
  stderr.on('data', (chunk) => (log += chunk));
  const config = testConfig({ ...overrides, ui: 'dashboard', endpoint: { url: server.url }, output: { artifactDir: dir, artifactDirExplicit: true } });
  const result = await runProfile(config, { stdout: new PassThrough(), stderr, liveView });
  const summary = JSON.parse(await readFile(join(dir, 'profile_export_aiperf.json'), 'utf8'));
  const records = (await readFile(join(dir, 'profile_export.jsonl'), 'utf8')).trim().split('\n').filter(Boolean);
  const stats = (await (await fetch(`${server.url}/mock/stats`)).json()) as { requests: { total: number } };
  return { result, summary, records, samples, log, serverRequests: stats.requests.total };
}

describe('warmup with its own stop condition and load', () => {
  it.each([1, 2])('runs for --warmup-duration at --warmup-request-rate, then profiles at the run\'s own load (%i thread(s))', async (workers) => {
    if (workers > 1 && !findWorkerScript()) return console.warn('SKIPPED: worker threads need the built dist/worker.js');
    const { result, records, samples, serverRequests } = await run(
      { ttftMs: 20, itlMs: 2 },
      { load: { concurrency: 4, requestCount: 16, workers }, warmup: { durationSeconds: 0.6, requestRate: 20, arrivalPattern: 'constant', concurrency: null, gracePeriodSeconds: null, numSessions: null } },
    );
    expect(result.exitCode).toBe(0);
    expect(records).toHaveLength(16); // warmup requests are not in the exports
    // 20 req/s constant for 0.6 s: sends at 0, 50, …, 550 ms.
    expect(serverRequests - 16).toBe(12);
    const warmup = samples.filter((s) => s.phase === 'warmup');
    expect(warmup.length).toBeGreaterThan(0);
    expect(warmup.at(-1)?.durationSeconds).toBe(0.6);
    expect(Math.max(...samples.filter((s) => s.phase === 'profiling').map((s) => s.inFlight))).toBe(4);
  });

  it('--warmup-concurrency caps the warmup below the profiling concurrency; the first stop condition wins', async () => {
    const { result, samples, serverRequests } = await run(
      { ttftMs: 30, itlMs: 2 },
      { load: { concurrency: 4, requestCount: 12, warmupRequestCount: 6 }, warmup: { durationSeconds: 30, concurrency: 1, requestRate: null, arrivalPattern: null, gracePeriodSeconds: null, numSessions: null } },
    );
    expect(result.exitCode).toBe(0);
    expect(serverRequests).toBe(6 + 12); // the count (6) came long before the 30 s
    const warmup = samples.filter((s) => s.phase === 'warmup');
    expect(Math.max(...warmup.map((s) => s.inFlight))).toBe(1);
    expect(Math.max(...samples.filter((s) => s.phase === 'profiling').map((s) => s.inFlight))).toBe(4);
  });

  it('--num-warmup-sessions: that many sessions (single-turn: requests) before profiling', async () => {
    const { result, records, serverRequests } = await run(
      { ttftMs: 5, itlMs: 1 },
      { load: { concurrency: 2, requestCount: 8 }, warmup: { durationSeconds: null, concurrency: null, requestRate: null, arrivalPattern: null, gracePeriodSeconds: null, numSessions: 5 } },
    );
    expect(result.exitCode).toBe(0);
    expect(records).toHaveLength(8);
    expect(serverRequests).toBe(5 + 8);
  });

  it('a warmup concurrency above the profiling one is refused before anything is sent', async () => {
    await expect(run({}, { load: { concurrency: 2, requestCount: 4, warmupRequestCount: 4 }, warmup: { durationSeconds: null, concurrency: 8, requestRate: null, arrivalPattern: null, gracePeriodSeconds: null, numSessions: null } }))
      .rejects.toThrow('--warmup-concurrency: got 8, which exceeds --concurrency 2');
  });
});

describe('--failed-request-threshold', () => {
  it('stops profiling once the failed share passes it, writes what finished, exits 1', async () => {
    const { result, summary, records, log } = await run({ ttftMs: 5, itlMs: 1, errorRate: 0.5, seed: 7 }, { load: { concurrency: 2, requestCount: 400 }, failedRequestThreshold: 0.1 });
    expect(result.exitCode).toBe(1);
    expect(result.cancelled).toBe(true);
    expect(result.stopReason).toMatch(/profiling requests failed \(\d+\.\d%\), over the --failed-request-threshold of 10\.0%/);
    expect(summary.was_cancelled).toBe(true);
    expect(records.length).toBeGreaterThanOrEqual(10);
    expect(records.length).toBeLessThan(100);
    expect(result.successfulRequestCount + result.errorRequestCount).toBe(records.length);
    expect(log).toMatch(/\d+\/\d+ profiling requests failed \(\d+\.\d%\), over the --failed-request-threshold of 10\.0%; profiling was stopped early/);
  });

  it('a run under the threshold is not stopped', async () => {
    const { result, records } = await run({ ttftMs: 5, itlMs: 1 }, { load: { concurrency: 2, requestCount: 20 }, failedRequestThreshold: 0 });
    expect(result.exitCode).toBe(0);
    expect(records).toHaveLength(20);
  });
});

describe('FailureGuard', () => {
  const failed = makeRecord({ error: { code: 500, type: 'HTTPError', message: 'x' } });
  const ok = makeRecord({});

  it('judges only after max(10, concurrency) finished requests, then trips once', () => {
    const trips: string[] = [];
    const guard = new FailureGuard(0.5, { concurrency: 16, requestCount: 1000 }, (stop) => trips.push(describeFailureStop(stop)));
    for (let i = 0; i < 15; i++) guard.add(failed);
    expect(trips).toEqual([]);
    guard.add(ok);
    guard.add(failed);
    expect(trips).toEqual(['15/16 profiling requests failed (93.8%), over the --failed-request-threshold of 50.0%; profiling was stopped early and the results so far were written']);
    guard.add(failed);
    expect(trips).toHaveLength(1);
  });

  it('a run shorter than the minimum is judged at its end; warmup and abandoned requests never count', () => {
    let tripped = 0;
    const guard = new FailureGuard(0, { concurrency: 1, requestCount: 3 }, () => tripped++);
    guard.add({ ...failed, phase: 'warmup' });
    guard.add({ ...failed, abandoned: true });
    guard.add(ok);
    guard.add(ok);
    expect(tripped).toBe(0);
    guard.add(failed);
    expect(tripped).toBe(1);
  });
});
