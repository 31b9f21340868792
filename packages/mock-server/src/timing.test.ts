import { afterEach, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from './index.js';
import { chatBody, mean, median, postRaw, tokenTimes } from './test-support.js';

// Tolerances: the server schedules from request arrival, so client-measured TTFT can only be later
// than configured (by loopback + timer lateness, a few ms on a loaded 2-core machine); ITL is
// scheduled on absolute times, so its mean over a stream is exact up to the last timer's lateness.
const TTFT_LATE_MS = 15;
const MEAN_ITL_MS = 1.5;

describe('timing measured at the client', () => {
  let server: MockServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function measure(url: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
    const exchange = await postRaw(`${url}/v1/chat/completions`, body, headers);
    const times = tokenTimes(exchange);
    const gaps = times.slice(1).map((time, index) => time - times[index]!);
    if (process.env.MOCK_TIMING_DEBUG) console.log(times[0]! - exchange.sentMs, gaps.map((gap) => gap.toFixed(1)).join(' '));
    return { ttftMs: times[0]! - exchange.sentMs, gaps, meanItlMs: (times.at(-1)! - times[0]!) / (times.length - 1) };
  }

  it('matches the configured TTFT and ITL', async () => {
    server = await startMockServer({ port: 0, ttftMs: 40, itlMs: 10 });
    await measure(server.url, chatBody({ max_tokens: 2 })); // warm up the JIT and the connection code
    const runs = [];
    for (let run = 0; run < 5; run += 1) runs.push(await measure(server.url, chatBody({ max_tokens: 20 })));
    for (const run of runs) {
      expect(run.ttftMs).toBeGreaterThanOrEqual(39.5);
      expect(run.meanItlMs).toBeGreaterThan(10 - MEAN_ITL_MS);
      expect(run.meanItlMs).toBeLessThan(10 + MEAN_ITL_MS);
    }
    expect(mean(runs.map((run) => run.ttftMs))).toBeLessThan(40 + TTFT_LATE_MS);
    expect(median(runs.flatMap((run) => run.gaps))).toBeGreaterThan(8);
    expect(median(runs.flatMap((run) => run.gaps))).toBeLessThan(12);
  });

  it('honours per-request x-mock-ttft-ms / x-mock-itl-ms headers', async () => {
    server = await startMockServer({ port: 0, ttftMs: 5, itlMs: 1 });
    const run = await measure(server.url, chatBody({ max_tokens: 11 }), { 'x-mock-ttft-ms': '60', 'x-mock-itl-ms': '15' });
    expect(run.ttftMs).toBeGreaterThanOrEqual(59.5);
    expect(run.ttftMs).toBeLessThan(60 + TTFT_LATE_MS);
    expect(Math.abs(run.meanItlMs - 15)).toBeLessThan(MEAN_ITL_MS);
  });

  it('grows TTFT with prompt length (prefill cost per prompt token)', async () => {
    server = await startMockServer({ port: 0, ttftMs: 10, itlMs: 1, ttftPerPromptTokenMs: 0.5 });
    const prompt = Array.from({ length: 100 }, () => 'word').join(' ');
    const run = await measure(server.url, chatBody({ messages: [{ role: 'user', content: prompt }], max_tokens: 3 }));
    expect(run.ttftMs).toBeGreaterThanOrEqual(10 + 50 - 0.5);
    expect(run.ttftMs).toBeLessThan(60 + TTFT_LATE_MS);
  });

  it('grows ITL with the number of concurrent streams', async () => {
    server = await startMockServer({ port: 0, ttftMs: 5, itlMs: 2, itlPerActiveStreamMs: 3 });
    const alone = await measure(server.url, chatBody({ max_tokens: 20 }));
    const together = await Promise.all(
      Array.from({ length: 4 }, () => measure(server!.url, chatBody({ max_tokens: 20 }))),
    );
    expect(Math.abs(alone.meanItlMs - 2)).toBeLessThan(MEAN_ITL_MS);
    // 3 other streams active for the whole time: 2 + 3 × 3 = 11 ms.
    for (const run of together) expect(Math.abs(run.meanItlMs - 11)).toBeLessThan(2);
    expect(server.stats().requests.maxActive).toBe(4);
  });

  it('draws jittered TTFTs from the seed: same seed, same delays', async () => {
    const ttfts = async (seed: number) => {
      const jittery = await startMockServer({ port: 0, ttftMs: 50, ttftJitterMs: 40, itlMs: 1, seed });
      const values = [];
      for (let run = 0; run < 6; run += 1) values.push((await measure(jittery.url, chatBody({ max_tokens: 2 }))).ttftMs);
      await jittery.close();
      return values;
    };
    const first = await ttfts(11);
    const second = await ttfts(11);
    const other = await ttfts(12);
    // Median of the differences: robust to one scheduling hiccup on a busy machine.
    expect(median(first.map((value, index) => Math.abs(value - second[index]!)))).toBeLessThan(6);
    expect(Math.max(...first.map((value, index) => Math.abs(value - other[index]!)))).toBeGreaterThan(20);
    for (const value of first) expect(value).toBeGreaterThanOrEqual(9.5);
    expect(Math.max(...first) - Math.min(...first)).toBeGreaterThan(15);
  });

  it('answers non-streaming requests when the last token would have streamed', async () => {
    server = await startMockServer({ port: 0, ttftMs: 30, itlMs: 5 });
    const exchange = await postRaw(`${server.url}/v1/chat/completions`, chatBody({ stream: false, max_tokens: 11 }));
    const elapsedMs = exchange.endMs - exchange.sentMs;
    expect(elapsedMs).toBeGreaterThanOrEqual(30 + 50 - 0.5);
    expect(elapsedMs).toBeLessThan(80 + TTFT_LATE_MS);
  });
});
