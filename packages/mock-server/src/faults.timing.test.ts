// Fault injection that is about when bytes leave the server (a stall, held-back headers): bounded on the wall clock
// both ways, so it runs in the serial timing group, where other test files do not compete for the CPU.
import { describe, expect, it } from 'vitest';
import { chatBody, postRaw, tokenTimes, useMockServer } from './test-support.js';

describe('fault injection on the wall clock', () => {
  const { start, chatUrl, stats } = useMockServer();

  it('stalls (no bytes) for N ms after N tokens', async () => {
    await start({ port: 0, ttftMs: 1, itlMs: 2, stallMs: 150, stallAfterTokens: 2 });
    const exchange = await postRaw(chatUrl(), chatBody({ max_tokens: 5 }));
    const times = tokenTimes(exchange).map((atMs) => atMs - exchange.sentMs);
    // Token 2 is due at 1 + 2 × 2 + 150 ms: never earlier (timers may be ~1 ms early), and clearly apart
    // from token 1. Client-side gaps alone can shrink when the client reads token 1 late.
    expect(times[2]).toBeGreaterThanOrEqual(155 - 1.5);
    expect(times[2]! - times[1]!).toBeGreaterThan(100);
    expect(times[2]).toBeLessThan(155 + 60);
    expect((await stats()).faults.stall).toBe(1);
  });

  it('holds the response headers back, shifting the whole response', async () => {
    await start({ port: 0, ttftMs: 10, itlMs: 1 });
    const exchange = await postRaw(chatUrl(), chatBody({ max_tokens: 3 }), { 'x-mock-header-delay-ms': '120' });
    expect(exchange.headersMs - exchange.sentMs).toBeGreaterThanOrEqual(120 - 1.5);
    expect(exchange.headersMs - exchange.sentMs).toBeLessThan(120 + 60);
    expect(tokenTimes(exchange)[0]! - exchange.sentMs).toBeGreaterThanOrEqual(130 - 1.5);
    expect((await stats()).faults.headerDelay).toBe(1);
  });
});
