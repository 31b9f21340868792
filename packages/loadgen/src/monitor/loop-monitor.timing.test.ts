// The loop monitor reads libuv's own timer delays and the loop's utilization: only a really blocked loop shows them,
// so this runs in the serial timing group, where other test files do not compete for the CPU.
import { describe, expect, it } from 'vitest';
import { startLoopMonitor } from './loop-monitor.js';

describe('startLoopMonitor', () => {
  it('sees a loop blocked for 60 ms as delayed and busy', async () => {
    const monitor = startLoopMonitor('main');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const until = performance.now() + 60;
    while (performance.now() < until) {
      // Busy: nothing else can run on this loop meanwhile.
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    const load = monitor.stop();
    expect(load.thread).toBe('main');
    expect(load.eventLoopDelayMaxMs).toBeGreaterThan(40);
    expect(load.busyFraction).toBeGreaterThan(0.3);
  });
});
