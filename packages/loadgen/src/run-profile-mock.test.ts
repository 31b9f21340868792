import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findWorkerScript } from './run/issuer-thread-pool.js';
import { closeMockProfileServer, profileAgainstMock } from './test-mock-profile.js';
import type { RunSidecar } from './types.js';

// End-to-end through the real client against the real mock server; assertions read the files on disk. Not timing
// tests: the schedules are checked on their due times (exact, whatever the machine's load) and sends only as never
// early; cancellation only as never before its delay. The cases that bound measured latencies are
// `run-profile.timing.test.ts`.
afterEach(closeMockProfileServer);

describe('runProfile against the mock server', () => {
  it('issues R×D ± 1 requests at a constant rate for a duration', async () => {
    const { summary, records } = await profileAgainstMock(
      { ttftMs: 5, itlMs: 1 },
      {
        load: { mode: 'request_rate', requestRate: 20, arrivalPattern: 'constant', concurrency: null, requestCount: null, benchmarkDurationSeconds: 1.5 },
        input: { outputTokens: { mean: 4, stddev: 0 } },
      },
    );
    expect(Math.abs(records.length - 30)).toBeLessThanOrEqual(1);
    expect(summary.request_count.avg).toBe(records.length);
    expect(summary.late_request_count.avg).toBeLessThanOrEqual(records.length);
    // The schedule itself is exact (due times k × 50 ms); actual sends are never early.
    const due = records.map((r) => r.metadata.credit_issued_ns as bigint).sort((a, b) => (a < b ? -1 : 1));
    expect(Number(due[due.length - 1]! - due[0]!) / 1e6).toBeCloseTo((records.length - 1) * 50, 3);
    for (const r of records) expect(r.metadata.request_start_ns).toBeGreaterThanOrEqual(r.metadata.credit_issued_ns);
  });

  it('keeps the global schedule across worker threads (strided indices) and writes timeslices', async () => {
    const { records, dir } = await profileAgainstMock(
      { ttftMs: 5, itlMs: 1 },
      {
        load: { mode: 'request_rate', requestRate: 40, arrivalPattern: 'constant', concurrency: null, requestCount: 40, workers: 2 },
        input: { outputTokens: { mean: 2, stddev: 0 } },
        output: { sliceDurationSeconds: 0.25 },
      },
    );
    expect(records).toHaveLength(40);
    // Request k was due at k/R after the phase start, whichever thread sent it.
    const due = records.map((r) => [r.metadata.session_num, r.metadata.credit_issued_ns as bigint] as const).sort((a, b) => a[0] - b[0]);
    for (const [k, credit] of due) expect(Number(credit - due[0]![1]) / 1e6).toBeCloseTo(k * 25, 3);
    const lateness = records.map((r) => Number((r.metadata.request_start_ns as bigint) - (r.metadata.credit_issued_ns as bigint)) / 1e6);
    expect(Math.min(...lateness)).toBeGreaterThanOrEqual(0);
    const slices = JSON.parse(readFileSync(join(dir, 'profile_export_aiperf_timeslices.json'), 'utf8'));
    expect(slices.timeslices.length).toBeGreaterThanOrEqual(4);
    expect(slices.timeslices.map((s: { timeslice_index: number }) => s.timeslice_index)).toEqual([...slices.timeslices.keys()]);
    expect(slices.timeslices.reduce((n: number, s: { request_count: { avg: number } }) => n + s.request_count.avg, 0)).toBe(40);
    expect(slices.input_config).toMatchObject({ endpoint: { model_names: ['mock-model'], type: 'chat' }, output: { slice_duration: 0.25 } });
    expect(slices.input_config.loadgen).toMatchObject({ request_rate: 40, arrival_pattern: 'constant', request_count: 40 });
    const csv = readFileSync(join(dir, 'profile_export_aiperf_timeslices.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('Timeslice,Metric,Unit,Stat,Value');
    expect(csv).toContainEqual(expect.stringMatching(/^0,Time to First Token,ms,avg,\d+\.\d\d$/));
  });

  it('issues a low-concurrency run from the main loop by default, and from a worker thread when a busy sidecar shares that loop', async () => {
    const threadsOf = (summary: Record<string, any>) => summary.client_health.threads.map((t: { thread: string }) => t.thread).sort();
    const config = { load: { concurrency: 4, requestCount: 8, workers: null }, input: { outputTokens: { mean: 2, stddev: 0 } } };
    const alone = await profileAgainstMock({ ttftMs: 2, itlMs: 1 }, config);
    expect(alone.records).toHaveLength(8);
    // One issuing loop, and it is the main one: no separate collecting thread is reported.
    expect(threadsOf(alone.summary)).toEqual([alone.records[0]!.metadata.worker_id]);
    const scraper: RunSidecar = { name: 'scraper', start: async () => {}, stop: async () => ({}) };
    const shared = await profileAgainstMock({ ttftMs: 2, itlMs: 1 }, config, undefined, { sidecars: [scraper] });
    expect(shared.records).toHaveLength(8);
    const worker = shared.records[0]!.metadata.worker_id;
    expect(threadsOf(shared.summary)).toEqual(findWorkerScript() ? ['main', worker].sort() : [worker]);
    // A sidecar that found nothing to scrape (asked after its start, which is when it knows) leaves the loop free.
    let started = false;
    const idle: RunSidecar = { name: 'nothing-to-scrape', start: async () => void (started = true), stop: async () => ({}), busyDuringRun: () => !started };
    const free = await profileAgainstMock({ ttftMs: 2, itlMs: 1 }, config, undefined, { sidecars: [idle] });
    expect(free.records).toHaveLength(8);
    expect(threadsOf(free.summary)).toEqual([free.records[0]!.metadata.worker_id]);
  });

  it('cancels the configured share of requests after the delay and reports them as 499 errors', async () => {
    const { summary, records, stdout } = await profileAgainstMock(
      { ttftMs: 20, itlMs: 10 },
      {
        load: { concurrency: 4, requestCount: 40, requestCancellationRate: 50, requestCancellationDelaySeconds: 0.1 },
        input: { outputTokens: { mean: 30, stddev: 0 } },
      },
    );
    const cancelled = records.filter((r) => r.metadata.was_cancelled);
    expect(cancelled.length).toBeGreaterThan(8);
    expect(cancelled.length).toBeLessThan(32);
    for (const r of cancelled) {
      expect(r.error).toEqual({ code: 499, type: 'RequestCancellationError', message: 'Request was cancelled after 0.100 seconds' });
      expect(Object.keys(r.metrics)).toEqual(['error_isl']);
      const afterMs = Number((r.metadata.cancellation_time_ns as bigint) - (r.metadata.request_start_ns as bigint)) / 1e6;
      expect(afterMs).toBeGreaterThanOrEqual(99);
    }
    expect(summary.error_request_count.avg).toBe(cancelled.length);
    expect(summary.error_summary).toEqual([{ error_details: { code: 499, type: 'RequestCancellationError', message: 'Request was cancelled after 0.100 seconds' }, count: cancelled.length }]);
    expect(stdout).toContain('NVIDIA AIPerf | Error Summary');
  });

  it('records HTTP errors with code, type and message', async () => {
    const { summary, records, result } = await profileAgainstMock({ ttftMs: 1, itlMs: 1, errorRate: 0.5, seed: 3 }, { load: { concurrency: 2, requestCount: 30 } });
    const failed = records.filter((r) => r.error);
    expect(failed.length).toBeGreaterThan(3);
    expect(failed[0]!.error).toMatchObject({ code: 500, type: 'HTTPError' });
    expect(result.errorRequestCount).toBe(failed.length);
    expect(summary.request_count.avg).toBe(30 - failed.length);
  });

  it('runs non-streaming chat and embeddings (no streaming metrics, embeddings without token metrics)', async () => {
    const plain = await profileAgainstMock({ ttftMs: 5, itlMs: 1 }, { endpoint: { streaming: false }, input: { outputTokens: { mean: 16, stddev: 0 } } });
    // Absent metrics are written as null, as AIPerf does.
    expect(plain.summary.time_to_first_token).toBeNull();
    expect(plain.summary.output_sequence_length.avg).toBe(16);
    const embeddings = await profileAgainstMock({}, { endpoint: { type: 'embeddings', streaming: true } });
    expect(embeddings.summary.request_count.avg).toBe(10);
    expect(embeddings.summary.output_sequence_length).toBeNull();
    expect(embeddings.summary.request_latency.avg).toBeGreaterThan(5);
  });
});
