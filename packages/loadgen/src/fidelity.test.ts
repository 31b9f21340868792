import { afterEach, describe, expect, it } from 'vitest';
import { MISREPORTING, cleanupTimedProfiles, profileTimed } from './test-timed-profile.js';

// Against the hand-written SSE server of `fidelity.timing.test.ts`, the cases that check counts, not time: which
// token counts a record takes (client tokenizer or the server's usage) and that the connection pool is open before
// the first request. Nothing here bounds a duration, so they run in the parallel unit group.
afterEach(cleanupTimedProfiles);

describe('token counts', () => {
  it('takes input, output and reasoning counts from the server with --use-server-token-count', async () => {
    const { records, truthOf } = await profileTimed(
      { ...MISREPORTING, reasoningChunks: 4 },
      { endpoint: { useServerTokenCount: true }, load: { concurrency: 2, requestCount: 4 }, input: { outputTokens: { mean: 24, stddev: 0 } } },
    );
    for (const record of records) {
      const truth = truthOf(record);
      expect(record.metrics.input_sequence_length.value).toBe(truth.promptTokens + 50);
      // The server claims 48 completion tokens, 4 of them reasoning.
      expect(record.metrics.output_sequence_length.value).toBe(48);
      expect(record.metrics.reasoning_token_count.value).toBe(4);
      expect(record.metrics.output_token_count.value).toBe(44);
    }
  });

  it('counts the text with the client tokenizer when an honest server reports usage', async () => {
    const { records } = await profileTimed(
      { ttftMs: 10, itlMs: 2, contentChunks: 6, tokensPerChunk: 3 },
      { load: { concurrency: 1, requestCount: 2 }, input: { outputTokens: { mean: 18, stddev: 0 } } },
    );
    for (const record of records) {
      expect(record.metrics.output_sequence_length.value).toBe(18);
      expect(record.metrics.usage_completion_tokens_diff_pct).toEqual({ value: 0, unit: '%' });
    }
  });
});

describe('connections', () => {
  it('opens the pool before profiling, so the first wave (no warmup) does not pay for connecting', async () => {
    const { records, server: s } = await profileTimed(
      { ttftMs: 20, itlMs: 2, contentChunks: 4 },
      { load: { concurrency: 8, requestCount: 16, warmupRequestCount: 0 }, input: { outputTokens: { mean: 4, stddev: 0 } } },
    );
    expect(records).toHaveLength(16);
    expect(s.connectionsAccepted).toBe(8);
    // Every request, the very first included, found all 8 connections already open.
    expect(s.truths.map((t) => t.openConnectionsAtArrival)).toEqual(Array(16).fill(8));
  });
});
