/**
 * Waits until a monotonic deadline with sub-millisecond precision without blocking the event loop: a timer
 * sleeps to ~1 ms before the deadline (timers only have ms granularity), then `setImmediate` polls the clock,
 * which yields to socket I/O between polls.
 */
export function sleepUntilPerfNs(deadlineNs: bigint, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    let timer: NodeJS.Timeout | undefined;
    const poll = () => {
      if (signal?.aborted) return;
      const remainingNs = deadlineNs - process.hrtime.bigint();
      if (remainingNs <= 0n) {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      } else if (remainingNs > 2_000_000n) {
        timer = setTimeout(poll, Math.floor(Number(remainingNs) / 1e6) - 1);
      } else {
        setImmediate(poll);
      }
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    poll();
  });
}

/** A counting semaphore for the in-flight cap (O(1) per acquire/release, unlike racing promises). */
export class Slots {
  private used = 0;
  private readonly waiters: Array<() => void> = [];

  constructor(private readonly capacity: number | null) {}

  get inUse(): number {
    return this.used;
  }

  acquire(): Promise<void> | undefined {
    if (this.capacity === null || this.used < this.capacity) {
      this.used += 1;
      return undefined;
    }
    return new Promise((resolve) => this.waiters.push(() => { this.used += 1; resolve(); }));
  }

  release(): void {
    this.used -= 1;
    this.waiters.shift()?.();
  }
}
