import { afterEach, describe, expect, it, vi } from 'vitest';
import { until } from './index.js';

describe('until', () => {
  afterEach(() => vi.useRealTimers());

  it('waits on real time without moving the fake clock', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const fakeStart = performance.now();
    let done = false;
    setImmediate(() => (done = true));
    await until(() => done, () => 'setImmediate');
    expect(performance.now()).toBe(fakeStart);
  });

  it('says what it was waiting for when it gives up', async () => {
    await expect(until(() => false, () => 'a reply', 20)).rejects.toThrow('still waiting after 20 ms: a reply');
  });
});
