import { describe, expect, it } from 'vitest';
import { Slots, sleepUntilPerfNs } from './sleep.js';

describe('sleepUntilPerfNs', () => {
  it('never returns before the deadline (sub-millisecond deadlines included)', async () => {
    for (const aheadNs of [0n, 300_000n, 1_500_000n, 7_250_000n]) {
      const deadline = process.hrtime.bigint() + aheadNs;
      await sleepUntilPerfNs(deadline);
      expect(process.hrtime.bigint()).toBeGreaterThanOrEqual(deadline);
    }
  });

  it('returns early when aborted', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 5);
    const start = process.hrtime.bigint();
    await sleepUntilPerfNs(start + 10_000_000_000n, controller.signal);
    expect(process.hrtime.bigint() - start).toBeLessThan(5_000_000_000n);
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
});
