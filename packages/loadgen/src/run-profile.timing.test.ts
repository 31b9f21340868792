import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { type MockServer, type MockServerOptions, startMockServer } from '@aiperf/mock-server';
import { afterEach, describe, expect, it } from 'vitest';
import { parseJsonWithBigInt } from './export/json-text.js';
import { runProfile } from './run-profile.js';
import { findWorkerScript } from './run/worker-runner.js';
import { testConfig } from './test-config.js';
import { makeTempDir } from '@aiperf/test-kit';

// End-to-end through the real client against the real mock server; assertions read the files on disk.
let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Overrides = Parameters<typeof testConfig>[0] & object;

async function profile(mock: MockServerOptions, overrides: Overrides, signal?: AbortSignal) {
  server = await startMockServer({ port: 0, ...mock });
  const dir = await makeTempDir('aiperf-loadgen-');
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (chunk) => (text += chunk));
  const config = testConfig({
    ...overrides,
    endpoint: { url: server.url, extraInputs: { ignore_eos: true }, ...overrides.endpoint },
    output: { artifactDir: dir, artifactDirExplicit: true, ...overrides.output },
  });
  const result = await runProfile(config, { stdout, stderr: new PassThrough(), ...(signal ? { signal } : {}) });
  const summary = JSON.parse(readFileSync(join(dir, 'profile_export_aiperf.json'), 'utf8'));
  const lines = readFileSync(join(dir, 'profile_export.jsonl'), 'utf8').trim().split('\n').filter(Boolean);
  const records = lines.map((line) => parseJsonWithBigInt(line) as Record<string, any>);
  return { result, summary, records, dir, stdout: text };
}

describe('runProfile against the mock server', () => {
  it('measures TTFT, ITL and OSL of a streaming chat run at fixed concurrency', async () => {
    const { result, summary, records } = await profile(
      { ttftMs: 50, itlMs: 10 },
      { load: { concurrency: 8, requestCount: 80, warmupRequestCount: 8 }, input: { outputTokens: { mean: 32, stddev: 0 } } },
    );
    expect(result).toMatchObject({ exitCode: 0, cancelled: false, successfulRequestCount: 80, errorRequestCount: 0 });
    expect(summary.request_count.avg).toBe(80);
    // The mock shares this process's event loop, so stalls of a busy machine land in the upper percentiles; the
    // lower quartile stays tight, and nothing may come in under the configured 50 ms (that would be a clock bug).
    expect(Math.abs(summary.time_to_first_token.p25 - 50)).toBeLessThan(5);
    expect(Math.abs(summary.time_to_first_token.avg - 50)).toBeLessThan(25);
    expect(summary.time_to_first_token.min).toBeGreaterThan(48);
    expect(Math.abs(summary.inter_token_latency.avg - 10)).toBeLessThan(2);
    expect(summary.output_sequence_length).toMatchObject({ avg: 32, min: 32, max: 32, unit: 'tokens' });
    // Little's law: throughput ≈ concurrency / latency.
    const expected = 8 / (summary.request_latency.avg / 1000);
    expect(summary.request_throughput.avg).toBeGreaterThan(expected * 0.8);
    expect(summary.request_throughput.avg).toBeLessThan(expected * 1.1);
    expect(records).toHaveLength(80);
    // Warmup requests are excluded: session numbers restart at 0 for profiling.
    expect(records.map((r) => r.metadata.session_num).sort((a, b) => a - b)).toEqual([...Array(80).keys()]);
    for (const r of records) {
      expect(r.metadata.benchmark_phase).toBe('profiling');
      expect(typeof r.metadata.request_start_ns).toBe('bigint');
      expect(r.metadata.request_ack_ns).toBeGreaterThan(r.metadata.request_start_ns);
      expect(r.metadata.request_end_ns).toBeGreaterThan(r.metadata.request_ack_ns);
      expect(r.metrics.inter_chunk_latency.value).toHaveLength(31);
    }
  });

  it('issues R×D ± 1 requests at a constant rate for a duration', async () => {
    const { summary, records } = await profile(
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
    const { records, dir } = await profile(
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

  it('cancels the configured share of requests after the delay and reports them as 499 errors', async () => {
    const { summary, records, stdout } = await profile(
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

  it('stops on abort, keeps what completed and exits non-zero', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 800);
    const { result, summary, records } = await profile(
      { ttftMs: 20, itlMs: 5 },
      { load: { concurrency: 2, requestCount: 1000 }, input: { outputTokens: { mean: 10, stddev: 0 } } },
      controller.signal,
    );
    expect(result.cancelled).toBe(true);
    expect(result.exitCode).toBe(130);
    expect(summary.was_cancelled).toBe(true);
    expect(records.length).toBeGreaterThan(0);
    expect(records.length).toBeLessThan(200);
    expect(summary.request_count.avg).toBe(records.length);
  });

  it('stops issuing at the duration, waits the grace period, then drops and reports what is still in flight', async () => {
    // Requests take ~700 ms: wave 1 ends at 0.7 s, wave 2 (sent at 0.7 s < 1 s) would end at 1.4 s > 1 s + 0.2 s grace.
    const { records, stdout, summary } = await profile(
      { ttftMs: 20, itlMs: 20 },
      { load: { concurrency: 2, requestCount: null, benchmarkDurationSeconds: 1, gracePeriodSeconds: 0.2 }, input: { outputTokens: { mean: 35, stddev: 0 } } },
    );
    expect(records).toHaveLength(2);
    expect(summary.request_count.avg).toBe(2);
    expect(stdout).toContain('Note: 2 requests still in flight when the run ended were dropped (not in the metrics)');
  });

  it('counts reasoning tokens into OSL and reports TTFO after the reasoning', async () => {
    const { summary, records } = await profile(
      { ttftMs: 10, itlMs: 5, reasoningTokens: 6 },
      { load: { concurrency: 2, requestCount: 6 }, input: { outputTokens: { mean: 16, stddev: 0 } } },
    );
    expect(summary.reasoning_token_count).toMatchObject({ avg: 6, min: 6, max: 6 });
    expect(summary.output_sequence_length.avg).toBe(16);
    expect(summary.output_token_count.avg).toBe(10);
    expect(summary.total_reasoning_tokens.avg).toBe(36);
    // The first answer token comes 6 reasoning tokens (6 × 5 ms) after the first token.
    const gapMs = summary.time_to_first_output_token.avg - summary.time_to_first_token.avg;
    expect(gapMs).toBeGreaterThan(25);
    expect(gapMs).toBeLessThan(60);
    expect(records[0]!.metrics.reasoning_token_count).toEqual({ value: 6, unit: 'tokens' });
  });

  it('records HTTP errors with code, type and message', async () => {
    const { summary, records, result } = await profile({ ttftMs: 1, itlMs: 1, errorRate: 0.5, seed: 3 }, { load: { concurrency: 2, requestCount: 30 } });
    const failed = records.filter((r) => r.error);
    expect(failed.length).toBeGreaterThan(3);
    expect(failed[0]!.error).toMatchObject({ code: 500, type: 'HTTPError' });
    expect(result.errorRequestCount).toBe(failed.length);
    expect(summary.request_count.avg).toBe(30 - failed.length);
  });

  it('runs non-streaming chat and embeddings (no streaming metrics, embeddings without token metrics)', async () => {
    const plain = await profile({ ttftMs: 5, itlMs: 1 }, { endpoint: { streaming: false }, input: { outputTokens: { mean: 16, stddev: 0 } } });
    // Absent metrics are written as null, as AIPerf does.
    expect(plain.summary.time_to_first_token).toBeNull();
    expect(plain.summary.output_sequence_length.avg).toBe(16);
    await server!.close();
    const embeddings = await profile({}, { endpoint: { type: 'embeddings', streaming: true } });
    expect(embeddings.summary.request_count.avg).toBe(10);
    expect(embeddings.summary.output_sequence_length).toBeNull();
    expect(embeddings.summary.request_latency.avg).toBeGreaterThan(5);
  });

  it('merges records from worker threads into one run', async () => {
    const { summary, records, stdout } = await profile(
      { ttftMs: 20, itlMs: 2 },
      { load: { concurrency: 6, requestCount: 60, workers: 3 }, input: { outputTokens: { mean: 10, stddev: 0 } } },
    );
    expect(summary.request_count.avg).toBe(60);
    expect(new Set(records.map((r) => r.metadata.session_num)).size).toBe(60);
    const workers = new Set(records.map((r) => r.metadata.worker_id));
    // From sources the worker script is taken from dist/ when built (pnpm test builds first); else one event loop.
    expect(workers.size).toBe(findWorkerScript() ? 3 : 1);
    // The client watches itself: every issuing thread (and the collecting main thread, with workers) is reported.
    const threads = summary.client_health.threads.map((t: { thread: string }) => t.thread).sort();
    expect(threads).toEqual(findWorkerScript() ? ['main', ...workers].sort() : [...workers]);
    for (const t of summary.client_health.threads) expect(t.busy_percent).toBeGreaterThan(0);
    expect(summary.client_health.cpu_percent).toBeGreaterThan(0);
    expect(stdout).toMatch(/^Client: event-loop delay p99 \d+\.\d\d ms, busiest thread \d+%, CPU \d+% \(\d+ cores, \d threads\)$/m);
    expect(Math.abs(summary.time_to_first_token.p25 - 20)).toBeLessThan(5);
    expect(summary.time_to_first_token.min).toBeGreaterThan(19);
  });
});
