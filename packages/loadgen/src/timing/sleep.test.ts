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
});
