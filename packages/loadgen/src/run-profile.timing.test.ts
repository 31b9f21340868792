import { afterEach, describe, expect, it } from 'vitest';
import { findWorkerScript } from './run/issuer-thread-pool.js';
import { closeMockProfileServer, profileAgainstMock } from './test-mock-profile.js';

// End-to-end through the real client against the real mock server; assertions read the files on disk. A timing test
// (serial group): these cases bound measured latencies (TTFT, the reasoning gap) or race the clock (the grace period,
// an abort after 400 ms). The cases about logic (schedules, cancellation, errors, other endpoints) are
// `run-profile-mock.test.ts`.
afterEach(closeMockProfileServer);

describe('runProfile against the mock server', () => {
  // 16 tokens a request (200 ms, not the 360 ms of 32): the 80 TTFTs and 1,200 token gaps the bounds below are
  // taken over stay the same in number for TTFT and plenty for ITL (a 100 ms stall of all 8 streams moves the ITL
  // mean by 0.6 ms, within its 2 ms).
  it('measures TTFT, ITL and OSL of a streaming chat run at fixed concurrency', async () => {
    const { result, summary, records } = await profileAgainstMock(
      { ttftMs: 50, itlMs: 10 },
      { load: { concurrency: 8, requestCount: 80, warmupRequestCount: 8 }, input: { outputTokens: { mean: 16, stddev: 0 } } },
    );
    expect(result).toMatchObject({ exitCode: 0, cancelled: false, successfulRequestCount: 80, errorRequestCount: 0 });
    expect(summary.request_count.avg).toBe(80);
    // The mock shares this process's event loop, so stalls of a busy machine land in the upper percentiles; the
    // lower quartile stays tight, and nothing may come in under the configured 50 ms (that would be a clock bug).
    expect(Math.abs(summary.time_to_first_token.p25 - 50)).toBeLessThan(5);
    expect(Math.abs(summary.time_to_first_token.avg - 50)).toBeLessThan(25);
    expect(summary.time_to_first_token.min).toBeGreaterThan(48);
    expect(Math.abs(summary.inter_token_latency.avg - 10)).toBeLessThan(2);
    expect(summary.output_sequence_length).toMatchObject({ avg: 16, min: 16, max: 16, unit: 'tokens' });
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
      expect(r.metrics.inter_chunk_latency.value).toHaveLength(15);
    }
  });

  it('stops on abort, keeps what completed and exits non-zero', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 400);
    const { result, summary, records } = await profileAgainstMock(
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
    // Requests take ~525 ms: wave 1 ends at 0.525 s, wave 2 (sent then, 225 ms before the 0.75 s duration) would end
    // at 1.05 s, 150 ms after the 0.15 s grace: lateness only moves wave 1's end and the grace timer later, so
    // either margin holds unless the loop stalls that long.
    const { records, stdout, summary } = await profileAgainstMock(
      { ttftMs: 15, itlMs: 15 },
      { load: { concurrency: 2, requestCount: null, benchmarkDurationSeconds: 0.75, gracePeriodSeconds: 0.15 }, input: { outputTokens: { mean: 35, stddev: 0 } } },
    );
    expect(records).toHaveLength(2);
    expect(summary.request_count.avg).toBe(2);
    expect(stdout).toContain('Note: 2 requests still in flight when the run ended were dropped (not in the metrics)');
  });

  it('counts reasoning tokens into OSL and reports TTFO after the reasoning', async () => {
    const { summary, records } = await profileAgainstMock(
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

  it('merges records from worker threads into one run', async () => {
    const { summary, records, stdout } = await profileAgainstMock(
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
