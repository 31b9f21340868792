import { describe, expect, it } from 'vitest';
import type { MockServerStats } from './index.js';
import { chatBody, postRaw, useMockServer } from './test-support.js';

const contentEvents = (data: string[]) => data.filter((event) => event.startsWith('{') && event.includes('"delta"'));

describe('fault injection', () => {
  const { start, stop, server, chatUrl, stats } = useMockServer();

  it('answers the configured share of requests with the configured HTTP status, deterministically', async () => {
    const failures = async (seed: number, requests = 200) => {
      await start({ port: 0, ttftMs: 0, itlMs: 0, errorRate: 0.3, errorStatus: 503, seed });
      const statuses = [];
      for (let index = 0; index < requests; index += 1) {
        statuses.push((await postRaw(chatUrl(), chatBody({ stream: index % 2 === 0, max_tokens: 2 }))).status);
      }
      expect(new Set(statuses)).toEqual(new Set([200, 503]));
      const failed = statuses.filter((status) => status === 503).length;
      expect((await stats()).faults.httpError).toBe(failed);
      await stop();
      return statuses;
    };
    const first = await failures(5);
    const failedShare = first.filter((status) => status === 503).length / first.length;
    expect(failedShare).toBeGreaterThan(0.2);
    expect(failedShare).toBeLessThan(0.4);
    expect(await failures(5)).toEqual(first);
    // Another seed, another sequence: its first 50 answers already differ (two seeds agreeing on 50 draws at a 30%
    // rate is a ~1e-12 chance).
    expect(await failures(6, 50)).not.toEqual(first.slice(0, 50));
  });

  it('sends an OpenAI error body for injected errors, per request through headers', async () => {
    await start({ port: 0, ttftMs: 0, itlMs: 0 });
    const exchange = await postRaw(chatUrl(), chatBody(), { 'x-mock-error-rate': '1', 'x-mock-error-status': '429' });
    expect(exchange.status).toBe(429);
    expect(JSON.parse(exchange.raw).error).toMatchObject({ message: 'Simulated error', type: 'server_error' });
    expect((await postRaw(chatUrl(), chatBody())).status).toBe(200);
  });

  it('cuts the connection mid-stream after N tokens (no [DONE])', async () => {
    await start({ port: 0, ttftMs: 1, itlMs: 1, resetAfterTokens: 3 });
    const exchange = await postRaw(chatUrl(), chatBody({ max_tokens: 10 }));
    expect(exchange.status).toBe(200);
    expect(exchange.error).toBeDefined();
    const data = exchange.events.map((event) => event.data);
    expect(contentEvents(data)).toHaveLength(3);
    expect(data).not.toContain('[DONE]');
    expect((await stats()).faults.reset).toBe(1);
    // A header can switch it off for one request.
    const spared = await postRaw(chatUrl(), chatBody({ max_tokens: 10 }), { 'x-mock-reset-rate': '0' });
    expect(spared.error).toBeUndefined();
    expect(spared.events.at(-1)?.data).toBe('[DONE]');
  });

  it('writes a malformed SSE event after N tokens and then carries on', async () => {
    await start({ port: 0, ttftMs: 1, itlMs: 1 });
    const exchange = await postRaw(chatUrl(), chatBody({ max_tokens: 5 }), { 'x-mock-malformed-sse-after-tokens': '2' });
    const data = exchange.events.map((event) => event.data);
    expect(data).toHaveLength(7);
    const parses = data.map((event) => {
      try {
        return event === '[DONE]' || Boolean(JSON.parse(event));
      } catch {
        return false;
      }
    });
    expect(parses).toEqual([true, true, false, true, true, true, true]);
    expect((await stats()).faults.malformedSse).toBe(1);
  });

  it('applies reset and malformed output to non-streaming answers too', async () => {
    await start({ port: 0, ttftMs: 1, itlMs: 0 });
    await expect(
      postRaw(chatUrl(), chatBody({ stream: false }), { 'x-mock-reset-after-tokens': '0' }),
    ).rejects.toThrow(/socket hang up/);
    const truncated = await postRaw(chatUrl(), chatBody({ stream: false }), { 'x-mock-malformed-sse-after-tokens': '0' });
    expect(() => JSON.parse(truncated.raw)).toThrow();
    const counted = await stats();
    expect(counted.faults).toEqual({ httpError: 0, reset: 1, malformedSse: 1, stall: 0, headerDelay: 0 });
    expect(server().stats().faults).toEqual(counted.faults);
    const cleared = (await (await fetch(`${server().url}/mock/stats`, { method: 'DELETE' })).json()) as MockServerStats;
    expect(cleared.faults).toEqual({ httpError: 0, reset: 0, malformedSse: 0, stall: 0, headerDelay: 0 });
    expect(cleared.requests.total).toBe(0);
  });
});
