import { describe, expect, it } from 'vitest';
import { createRunClock } from './clock.js';

describe('createRunClock', () => {
  it('stamps epoch nanoseconds from the monotonic clock plus one offset', () => {
    const clock = createRunClock(1_000n);
    const perfNs = clock.nowPerfNs();
    expect(clock.toEpochNs(perfNs)).toBe(perfNs + 1_000n);
    expect(clock.nowEpochNs()).toBeGreaterThanOrEqual(perfNs + 1_000n);
  });

  it('measures an offset that puts now within a second of Date.now()', () => {
    const nowMs = Number(createRunClock().nowEpochNs() / 1_000_000n);
    expect(Math.abs(nowMs - Date.now())).toBeLessThan(1_000);
  });
});
