import { afterEach, describe, expect, it, vi } from 'vitest';
import { Slots, sleepUntilPerfNs } from './sleep.js';

describe('sleepUntilPerfNs', () => {
  afterEach(() => vi.useRealTimers());

  // Real time is the subject here: the contract is never to return before a real process.hrtime deadline, with
  // sub-millisecond precision past the timer's ms granularity (about 9 ms of sleeping in all).
  it('never returns before the deadline (sub-millisecond deadlines included)', async () => {
    for (const aheadNs of [0n, 300_000n, 1_500_000n, 7_250_000n]) {
      const deadline = process.hrtime.bigint() + aheadNs;
      await sleepUntilPerfNs(deadline);
      expect(process.hrtime.bigint()).toBeGreaterThanOrEqual(deadline);
    }
  });

  it('returns early when aborted, its timer cleared; an aborted signal returns at once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const controller = new AbortController();
    let returned = false;
    const sleeping = sleepUntilPerfNs(process.hrtime.bigint() + 10_000_000_000n, controller.signal).then(() => (returned = true));
    expect(vi.getTimerCount()).toBe(1);
    await Promise.resolve();
    expect(returned).toBe(false);
    controller.abort();
    await sleeping;
    expect(vi.getTimerCount()).toBe(0);
    await sleepUntilPerfNs(process.hrtime.bigint() + 10_000_000_000n, controller.signal);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('Slots', () => {
  it('grants up to the capacity at once, then hands released slots to waiters in order', async () => {
    const slots = new Slots(2);
    expect(slots.acquire()).toBe(true);
    expect(slots.acquire()).toBe(true);
    const order: string[] = [];
    const a = (slots.acquire() as Promise<boolean>).then((ok) => order.push(`a:${ok}`));
    const b = (slots.acquire() as Promise<boolean>).then((ok) => order.push(`b:${ok}`));
    slots.release();
    await a;
    expect(order).toEqual(['a:true']);
    expect(slots.inUse).toBe(2);
    slots.release();
    await b;
    expect(order).toEqual(['a:true', 'b:true']);
  });

  it('gives up a wait on abort without taking a slot; null capacity never waits', async () => {
    const slots = new Slots(1);
    slots.acquire();
    const controller = new AbortController();
    const waiting = slots.acquire(controller.signal) as Promise<boolean>;
    controller.abort();
    expect(await waiting).toBe(false);
    slots.release();
    expect(slots.inUse).toBe(0);
    const open = new Slots(null);
    for (let i = 0; i < 1000; i++) expect(open.acquire()).toBe(true);
  });

  it('an abort ends only the waits on its own signal; the others still get released slots in order', async () => {
    const slots = new Slots(1);
    slots.acquire();
    const first = new AbortController();
    const second = new AbortController();
    const results: string[] = [];
    const wait = (name: string, signal: AbortSignal) => (slots.acquire(signal) as Promise<boolean>).then((ok) => results.push(`${name}:${ok}`));
    const waits = [wait('a', first.signal), wait('b', second.signal), wait('c', first.signal), wait('d', second.signal)];
    first.abort();
    await Promise.resolve();
    slots.release();
    slots.release();
    await Promise.all(waits);
    expect(results).toEqual(['a:false', 'c:false', 'b:true', 'd:true']);
    // A wait on an already-aborted signal gives up at once; the listener added earlier is not added twice.
    expect(await slots.acquire(first.signal)).toBe(false);
  });

  it('keeps arrival order through thousands of waiters, aborted ones skipped, while slots are released one by one', async () => {
    const slots = new Slots(1);
    slots.acquire();
    const odd = new AbortController();
    const granted: number[] = [];
    const waits = Array.from({ length: 3000 }, (_, i) => (slots.acquire(i % 2 ? odd.signal : undefined) as Promise<boolean>).then((ok) => ok && granted.push(i)));
    for (let i = 0; i < 1200; i++) slots.release();
    odd.abort();
    for (let i = 0; i < 901; i++) slots.release(); // the 900 even waiters left, then the first holder's slot
    await Promise.all(waits);
    const even = Array.from({ length: 1500 }, (_, k) => 2 * k);
    expect(granted.filter((i) => i % 2 === 0)).toEqual(even);
    expect(granted.filter((i) => i % 2 === 1)).toEqual(Array.from({ length: 1200 }, (_, k) => k).filter((i) => i % 2 === 1));
    expect(slots.inUse).toBe(0);
  });
});
