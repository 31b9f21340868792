// Waiting for real I/O while vitest's fake timers drive the code's clock. `vi.waitFor` advances the fake clock by
// its interval on every check (vitest's documented behaviour), so a test that steps the clock itself would lose
// count; this polls on node:timers/promises, which fake timers leave alone, and never moves the fake clock.
import { setTimeout as realDelay } from 'node:timers/promises';
import { vi } from 'vitest';

/** Resolves once `check()` is true (polled every ms of real time); rejects with `describe()` after `timeoutMs`. */
export async function until(check: () => boolean, describe: () => string, timeoutMs = 20_000): Promise<void> {
  // The deadline is on process.hrtime, not Date or performance: tests fake those, and a faked clock that nobody
  // advances would make this wait forever instead of failing with `describe()`.
  const deadlineNs = process.hrtime.bigint() + BigInt(timeoutMs) * 1_000_000n;
  while (!check()) {
    if (process.hrtime.bigint() > deadlineNs) throw new Error(`still waiting after ${timeoutMs} ms: ${describe()}`);
    await realDelay(1);
  }
}

/**
 * Advances vitest's fake clock `steps` times by `stepMs` (timers due run as it passes them), after each step waiting
 * in real time until `landed(step)` holds: for code whose timers are faked but whose I/O is real.
 */
export async function stepFakeClock(steps: number, stepMs: number, landed: (step: number) => boolean, describe: () => string): Promise<void> {
  for (let step = 1; step <= steps; step++) {
    await vi.advanceTimersByTimeAsync(stepMs);
    await until(() => landed(step), () => `step ${step}: ${describe()}`);
  }
}
