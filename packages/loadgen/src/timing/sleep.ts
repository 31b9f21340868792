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
  /**
   * Waiters in arrival order from `head`, each a grant and the signal that may end its wait (a grant is null once
   * an abort ended it). Two plain arrays, not a Map: in a closed loop every request waits here once, and the Map
   * (plus the iterator each release took from it) was ~200 B of allocation per request (heap sampling of the
   * issuing path at 64 connections); these allocate nothing once grown.
   */
  private grants: Array<((acquired: boolean) => void) | null> = [];
  private signals: Array<AbortSignal | undefined> = [];
  private head = 0;
  private readonly watched = new WeakSet<AbortSignal>();

  constructor(private capacity: number | null) {}

  /** Changes the cap (a ramp); raising it hands the new slots to waiters at once. */
  setCapacity(capacity: number): void {
    this.capacity = capacity;
    while (this.used < capacity) {
      const grant = this.nextWaiter();
      if (!grant) return;
      this.used += 1;
      grant(true);
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
    return new Promise((resolve) => {
      this.grants.push(resolve);
      this.signals.push(signal);
    });
  }

  release(): void {
    // Hand the slot straight to the longest waiter.
    const grant = this.nextWaiter();
    if (grant) grant(true);
    else this.used -= 1;
  }

  /** The longest waiter's grant, taken off the queue, or null when none waits. */
  private nextWaiter(): ((acquired: boolean) => void) | null {
    let grant: ((acquired: boolean) => void) | null = null;
    while (grant === null && this.head < this.grants.length) {
      grant = this.grants[this.head]!;
      this.grants[this.head] = null;
      this.signals[this.head] = undefined;
      this.head += 1;
    }
    if (this.head === this.grants.length) {
      this.grants.length = 0;
      this.signals.length = 0;
      this.head = 0;
    } else if (this.head >= 1024) {
      this.grants.splice(0, this.head);
      this.signals.splice(0, this.head);
      this.head = 0;
    }
    return grant;
  }

  private endWaits(signal: AbortSignal): void {
    for (let i = this.head; i < this.grants.length; i++) {
      const grant = this.grants[i];
      if (!grant || this.signals[i] !== signal) continue;
      this.grants[i] = null;
      this.signals[i] = undefined;
      grant(false);
    }
  }
}
