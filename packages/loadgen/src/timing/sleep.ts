/**
 * Waits until a monotonic deadline with sub-millisecond precision without blocking the event loop: a timer
 * sleeps to within ~1 ms of the deadline (timers only have ms granularity), then `setImmediate` polls the clock,
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
      } else if (remainingNs > 1_100_000n) {
        // Polling costs CPU (~1 µs a turn); a 1 ms timer first keeps the polled stretch under ~1 ms.
        timer = setTimeout(poll, 1);
      } else {
        setImmediate(poll);
      }
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    poll();
  });
}

/**
 * A counting semaphore for the in-flight cap (O(1) per acquire/release, unlike racing promises). A wait does not
 * add its own abort listener: at a full cap nearly every send waits, and adding and removing an EventTarget
 * listener per wait cost ~10 µs of CPU per request. One listener per signal ends all the waits on it instead.
 */
export class Slots {
  private used = 0;
  /** Waiters in arrival order (Maps iterate in insertion order), with the signal that may end each wait. */
  private readonly waiters = new Map<(acquired: boolean) => void, AbortSignal | undefined>();
  private readonly watched = new WeakSet<AbortSignal>();

  constructor(private capacity: number | null) {}

  /** Changes the cap (a ramp); raising it hands the new slots to waiters at once. */
  setCapacity(capacity: number): void {
    this.capacity = capacity;
    while (this.used < capacity) {
      const next = this.waiters.keys().next();
      if (next.done) return;
      this.waiters.delete(next.value);
      this.used += 1;
      next.value(true);
    }
  }

  get inUse(): number {
    return this.used;
  }

  /** `true` at once when a slot is free; else a promise of `true` when one frees, `false` if `signal` aborts first. */
  acquire(signal?: AbortSignal): true | Promise<boolean> {
    if (this.capacity === null || this.used < this.capacity) {
      this.used += 1;
      return true;
    }
    if (signal?.aborted) return Promise.resolve(false);
    if (signal && !this.watched.has(signal)) {
      this.watched.add(signal);
      signal.addEventListener('abort', () => this.endWaits(signal), { once: true });
    }
    return new Promise((resolve) => this.waiters.set(resolve, signal));
  }

  release(): void {
    const next = this.waiters.keys().next();
    if (next.done) {
      this.used -= 1;
      return;
    }
    // Hand the slot straight to the longest waiter.
    this.waiters.delete(next.value);
    next.value(true);
  }

  private endWaits(signal: AbortSignal): void {
    for (const [grant, waitSignal] of this.waiters) {
      if (waitSignal !== signal) continue;
      this.waiters.delete(grant);
      grant(false);
    }
  }
}
