import { afterEach, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from './index.js';
import { chatBody, median, postRaw, tokenTimes, type RawExchange } from './test-support.js';

// How timing is checked on a shared 2-core machine: token k is due at TTFT + k × ITL after the request
// arrived (absolute times on the server's monotonic clock, which the test shares). The server re-checks the
// clock after every timer, so no token may reach the client before its schedule: lateness measured from when
// the request was sent must be >= -EARLY_MS (0.05 ms, float noise) in every run. In the quietest of a few
// runs (noisy neighbours only ever add delay) the median lateness must be under LATE_MS. A wrong TTFT
// shifts every token; a wrong ITL grows the lateness k-fold, so both fail the median.
const EARLY_MS = 0.05;
const LATE_MS = 4;

/** Lateness (ms) of each token against the schedule, measured from when the request was sent. */
function lateness(exchange: RawExchange, ttftMs: number, itlMs: (index: number) => number): number[] {
  let dueMs = ttftMs;
  return tokenTimes(exchange).map((atMs, index) => {
    if (index > 0) dueMs += itlMs(index);
    return atMs - exchange.sentMs - dueMs;
  });
}

/** Runs `trial` until a run is quiet (median lateness < LATE_MS) or `attempts` are spent; checks earliness on all. */
async function quietest(attempts: number, trial: () => Promise<number[]>): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < attempts && best >= LATE_MS; attempt += 1) {
    const late = await trial();
    expect(Math.min(...late)).toBeGreaterThanOrEqual(-EARLY_MS);
    best = Math.min(best, median(late));
  }
  return best;
}

describe('timing measured at the client', () => {
  let server: MockServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const chat = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    postRaw(`${server!.url}/v1/chat/completions`, chatBody(body), headers);

  it('streams token k at TTFT + k × ITL', async () => {
    server = await startMockServer({ port: 0, ttftMs: 40, itlMs: 10 });
    await chat({ max_tokens: 2 }); // warm up the JIT and the connection code
    const best = await quietest(5, async () => lateness(await chat({ max_tokens: 20 }), 40, () => 10));
    expect(best).toBeLessThan(LATE_MS);
  });

  it('honours per-request x-mock-ttft-ms / x-mock-itl-ms headers', async () => {
    server = await startMockServer({ port: 0, ttftMs: 5, itlMs: 1 });
    const headers = { 'x-mock-ttft-ms': '60', 'x-mock-itl-ms': '15' };
    const best = await quietest(5, async () => lateness(await chat({ max_tokens: 11 }, headers), 60, () => 15));
    expect(best).toBeLessThan(LATE_MS);
  });

  it('grows TTFT with prompt length (prefill cost per prompt token)', async () => {
    server = await startMockServer({ port: 0, ttftMs: 10, itlMs: 2, ttftPerPromptTokenMs: 0.5 });
    const messages = [{ role: 'user', content: Array.from({ length: 100 }, () => 'word').join(' ') }];
    const best = await quietest(5, async () => lateness(await chat({ messages, max_tokens: 5 }), 10 + 50, () => 2));
    expect(best).toBeLessThan(LATE_MS);
  });

  it('grows ITL with the number of concurrent streams', async () => {
    server = await startMockServer({ port: 0, ttftMs: 5, itlMs: 2, itlPerActiveStreamMs: 3 });
    const alone = await quietest(5, async () => lateness(await chat({ max_tokens: 20 }), 5, () => 2));
    expect(alone).toBeLessThan(LATE_MS);
    // Four streams started together: while all four run, each gap is 2 + 3 × 3 = 11 ms. Which stream
    // arrives first and which ends last is up to the machine, so compare the mean gap of tokens 3–15.
    let worstMs = Number.POSITIVE_INFINITY;
    for (let attempt = 0; attempt < 5 && worstMs >= 1.5; attempt += 1) {
      const runs = await Promise.all(Array.from({ length: 4 }, () => chat({ max_tokens: 20 })));
      const middleGapsMs = runs.map((run) => {
        const times = tokenTimes(run);
        return (times[15]! - times[3]!) / 12;
      });
      worstMs = Math.min(worstMs, Math.max(...middleGapsMs.map((gapMs) => Math.abs(gapMs - 11))));
    }
    expect(worstMs).toBeLessThan(1.5);
    expect(server.stats().requests.maxActive).toBe(4);
  });

  it('draws jittered TTFTs from the seed: same seed, same delays', async () => {
    const plannedAndLate = async (seed: number) => {
      const jittery = await startMockServer({ port: 0, ttftMs: 50, ttftJitterMs: 40, itlMs: 1, seed });
      const planned: number[] = [];
      const late: number[] = [];
      for (let run = 0; run < 6; run += 1) {
        const exchange = await postRaw(`${jittery.url}/v1/chat/completions`, chatBody({ max_tokens: 2 }));
        const ttftMs = Number(exchange.headers['x-mock-ttft-ms']);
        planned.push(ttftMs);
        late.push(tokenTimes(exchange)[0]! - exchange.sentMs - ttftMs);
      }
      await jittery.close();
      return { planned, late };
    };
    const first = await plannedAndLate(11);
    expect((await plannedAndLate(11)).planned).toEqual(first.planned);
    expect((await plannedAndLate(12)).planned).not.toEqual(first.planned);
    for (const ttftMs of first.planned) {
      expect(ttftMs).toBeGreaterThanOrEqual(10);
      expect(ttftMs).toBeLessThanOrEqual(90);
    }
    expect(Math.max(...first.planned) - Math.min(...first.planned)).toBeGreaterThan(15);
    // And the first token really comes at the planned, jittered time.
    expect(Math.min(...first.late)).toBeGreaterThanOrEqual(-EARLY_MS);
    expect(median(first.late)).toBeLessThan(LATE_MS * 2);
  });

  it('answers non-streaming requests when the last token would have streamed', async () => {
    server = await startMockServer({ port: 0, ttftMs: 30, itlMs: 5 });
    const best = await quietest(5, async () => {
      const exchange = await chat({ stream: false, max_tokens: 11 });
      return [exchange.endMs - exchange.sentMs - (30 + 10 * 5)];
    });
    expect(best).toBeLessThan(LATE_MS);
  });
});
