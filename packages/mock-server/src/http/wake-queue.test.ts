import { describe, expect, it } from 'vitest';
import { nowMs } from './io.js';
import { WakeQueue } from './wake-queue.js';

describe('WakeQueue', () => {
  it('wakes every sleeper at or after its time, in order of due time', async () => {
    const queue = new WakeQueue();
    const signal = new AbortController().signal;
    const startMs = nowMs();
    const dueOffsetsMs = [7, 2, 5, 2.5, 0.3, 9];
    const woke: Array<{ offsetMs: number; dueMs: number; atMs: number; ok: boolean }> = [];
    await Promise.all(
      dueOffsetsMs.map((offsetMs) => {
        const dueMs = startMs + offsetMs;
        return queue.until(dueMs, new AbortController().signal).then((ok) => woke.push({ offsetMs, dueMs, atMs: nowMs(), ok }));
      }),
    );
    expect(woke.map((each) => each.ok)).toEqual(dueOffsetsMs.map(() => true));
    for (const each of woke) expect(each.atMs).toBeGreaterThanOrEqual(each.dueMs);
    expect(woke.map((each) => each.offsetMs)).toEqual([...dueOffsetsMs].sort((a, b) => a - b));
    expect(queue.size).toBe(0);
    // A time already past resolves at once.
    expect(await queue.until(startMs, signal)).toBe(true);
  });

  it('ends the sleeps of an aborted signal at once with false, and only those', async () => {
    const queue = new WakeQueue();
    const aborted = new AbortController();
    const kept = new AbortController();
    const startMs = nowMs();
    const long = queue.until(startMs + 60_000, aborted.signal);
    const short = queue.until(startMs + 5, kept.signal);
    expect(queue.size).toBe(2);
    aborted.abort();
    expect(await long).toBe(false);
    expect(nowMs() - startMs).toBeLessThan(1_000);
    expect(await short).toBe(true);
    expect(queue.size).toBe(0);
    // A signal that already aborted does not sleep; one that aborts later ends a later sleep too.
    expect(await queue.until(nowMs() + 60_000, aborted.signal)).toBe(false);
    const later = queue.until(nowMs() + 60_000, kept.signal);
    kept.abort();
    expect(await later).toBe(false);
  });

  it('keeps no timer once nothing sleeps, so the process can exit', async () => {
    const queue = new WakeQueue();
    const first = new AbortController();
    const second = new AbortController();
    const sleeps = [queue.until(nowMs() + 60_000, first.signal), queue.until(nowMs() + 30_000, second.signal)];
    expect(queue.armed).toBe(true);
    first.abort();
    expect(queue.armed).toBe(true);
    second.abort();
    expect(await Promise.all(sleeps)).toEqual([false, false]);
    expect(queue.armed).toBe(false);
    // Woken sleepers leave nothing scheduled either.
    expect(await queue.until(nowMs() + 1.5, new AbortController().signal)).toBe(true);
    expect(queue.armed).toBe(false);
  });
});
