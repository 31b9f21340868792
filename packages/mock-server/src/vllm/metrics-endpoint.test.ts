import { until } from '@aiperf/test-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../server.js';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function metrics(): Promise<Map<string, number>> {
  const text = await (await fetch(server!.metricsUrl)).text();
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^([^#\s][^\s]*) (\S+)$/.exec(line);
    if (match) values.set((match[1] as string).replace(/\{engine="0",model_name="m",?/, '{').replace('{}', ''), Number(match[2]));
  }
  return values;
}

function stream(prompt: string, maxTokens: number): Promise<Response> {
  return fetch(`${server!.url}/v1/completions`, {
    method: 'POST',
    body: JSON.stringify({ model: 'm', prompt, stream: true, max_tokens: maxTokens, ignore_eos: true }),
  });
}

describe('GET /metrics (vLLM-style server metrics)', () => {
  it('follows the load: running requests and KV-cache usage rise with concurrency, then fall', async () => {
    server = await startMockServer({ port: 0, models: ['m'], ttftMs: 5, itlMs: 40, kvCacheTokens: 1000 });
    const idle = await metrics();
    expect(idle.get('vllm:num_requests_running')).toBe(0);
    expect(idle.get('vllm:kv_cache_usage_perc')).toBe(0);
    // 50 distinct one-token words.
    const prompt = Array.from({ length: 50 }, (_v, i) => `w${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`).join(' ');
    const responses = await Promise.all(Array.from({ length: 4 }, () => stream(prompt, 10)));
    // Every stream has sent its first token (so each holds its prompt and at least one generated token).
    const readers = responses.map((response) => response.body!.getReader());
    await Promise.all(readers.map((reader) => reader.read()));
    const busy = await metrics();
    expect(busy.get('vllm:num_requests_running')).toBe(4);
    // 4 × (50 prompt + a few generated tokens) of 1000.
    expect(busy.get('vllm:kv_cache_usage_perc')).toBeGreaterThan(0.2);
    expect(busy.get('vllm:kv_cache_usage_perc')).toBeLessThan(0.25);
    await Promise.all(readers.map(async (reader) => {
      while (!(await reader.read()).done);
    }));
    const done = await metrics();
    expect(done.get('vllm:num_requests_running')).toBe(0);
    expect(done.get('vllm:kv_cache_usage_perc')).toBe(0);
    expect(done.get('vllm:generation_tokens_total')).toBe(40);
    expect(done.get('vllm:prompt_tokens_total')).toBe(200);
    expect(done.get('vllm:request_success_total{finished_reason="length"}')).toBe(4);
    // Same 50-word prompt: the first pays, the next three hit its 3 full 16-token blocks.
    expect(done.get('vllm:prefix_cache_queries_total')).toBe(200);
    expect(done.get('vllm:prefix_cache_hits_total')).toBe(3 * 48);
    // Exactly what was served: 4 first tokens at 5 ms, 36 gaps of 40 ms.
    expect(done.get('vllm:time_to_first_token_seconds_count')).toBe(4);
    expect(done.get('vllm:time_to_first_token_seconds_bucket{le="0.005"}')).toBe(4);
    expect(done.get('vllm:inter_token_latency_seconds_count')).toBe(36);
    expect(done.get('vllm:inter_token_latency_seconds_bucket{le="0.025"}')).toBe(0);
    expect(done.get('vllm:inter_token_latency_seconds_bucket{le="0.05"}')).toBe(36);
  });

  it('counts waiting (header-delayed) requests and restarts its counters after metricsResetAfterRequests', async () => {
    server = await startMockServer({ port: 0, models: ['m'], ttftMs: 0, itlMs: 0, headerDelayMs: 150, metricsResetAfterRequests: 2 });
    const first = [stream('a b c', 3), stream('d e f', 3)];
    // Both have arrived and wait out their 150 ms header delay.
    await until(() => server!.stats().requests.active === 2, () => `${server!.stats().requests.active} of 2 requests arrived`);
    expect((await metrics()).get('vllm:num_requests_waiting')).toBe(2);
    await Promise.all((await Promise.all(first)).map((response) => response.text()));
    // The second completion restarted the counters (like a restarted server).
    const afterReset = await metrics();
    expect(afterReset.get('vllm:request_success_total{finished_reason="length"}')).toBe(0);
    await (await stream('g h i', 3)).text();
    const later = await metrics();
    expect(later.get('vllm:request_success_total{finished_reason="length"}')).toBe(1);
    expect(later.get('vllm:generation_tokens_total')).toBe(3);
    expect(later.get('vllm:request_queue_time_seconds_count')).toBe(1);
    await fetch(`${server.url}/mock/metrics/reset`, { method: 'POST' });
    expect((await metrics()).get('vllm:generation_tokens_total')).toBe(0);
  });
});
