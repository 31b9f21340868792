import { afterEach, describe, expect, it, vi } from 'vitest';
import { createIntervalLoop } from './interval-loop.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('createIntervalLoop', () => {
  it('ticks on the grid, skips a pending endpoint, and lets no grid tick land while the final scrape waits', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const scrapes: Record<string, number> = { fast: 0, slow: 0 };
    const loop = createIntervalLoop<string>({
      intervalMs: 100,
      endpoints: () => ['fast', 'slow'],
      keyOf: (endpoint) => endpoint,
      scrape: (endpoint) => {
        scrapes[endpoint] = (scrapes[endpoint] ?? 0) + 1;
        // The slow endpoint answers after 250 ms: it is skipped on the ticks that find it pending.
        return endpoint === 'slow' ? new Promise<void>((resolve) => setTimeout(resolve, 250)) : Promise.resolve();
      },
    });
    const starting = loop.start();
    await vi.advanceTimersByTimeAsync(250); // the baseline waits for the slow one
    await starting;
    await vi.advanceTimersByTimeAsync(100); // the tick at 300 ms
    expect(scrapes).toEqual({ fast: 2, slow: 2 });
    // The final scrape waits 250 ms for the slow endpoint, across the grid's slots at 400 and 500 ms.
    const final = loop.tickNow();
    await vi.advanceTimersByTimeAsync(300);
    await final;
    expect(scrapes).toEqual({ fast: 3, slow: 2 });
    await vi.advanceTimersByTimeAsync(500);
    expect(scrapes.fast).toBe(3);
    await loop.stop();
  });
});
