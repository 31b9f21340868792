import { nowMs } from './io.js';

interface Sleeper {
  dueMs: number;
  resolve: (woke: boolean) => void;
  /** Resolved already (its time came, or its signal aborted); a cancelled sleeper stays in the heap until popped. */
  done: boolean;
  /** An earlier sleep on the same signal still pending when this one began (requests sleep one at a time: null). */
  previous: Sleeper | null;
}

/**
 * Every sleep of one server, woken at absolute times on the monotonic clock by one timer, never before its time.
 *
 * Why one queue and not a timer per sleep: a streamed token is one sleep, and each sleep used to be a promise timer
 * with an abort listener of its own (added, then removed: EventTarget bookkeeping on every token), and its last
 * fraction of a millisecond was waited in `setImmediate` turns of its own, so N streams due at about the same time
 * polled the clock N times per loop turn. Here the sleepers wait in a min-heap ordered by due time; one timer is
 * armed for the earliest, and the last fraction is one `setImmediate` per loop turn for all of them. A signal gets
 * one abort listener for its life, however many sleeps it has.
 *
 * Node timers run on libuv's millisecond-truncated clock and can fire up to ~1 ms early, so each wake-up reads the
 * clock again and wakes only the sleepers whose time has come.
 */
export class WakeQueue {
  private readonly heap: Sleeper[] = [];
  /** The latest sleeper of each signal that has its abort listener. */
  private readonly latestOf = new WeakMap<AbortSignal, Sleeper | null>();
  /** Sleepers not yet resolved: at none, no timer is left to keep the process alive. */
  private pending = 0;
  private timer: NodeJS.Timeout | null = null;
  /** The due time the timer was armed for (it fires at or a little before it). */
  private timerDueMs = Infinity;
  private immediate: NodeJS.Immediate | null = null;

  /** Resolves true at `targetMs` (monotonic ms) or later, false as soon as `signal` aborts. */
  until(targetMs: number, signal: AbortSignal): Promise<boolean> {
    if (signal.aborted) return Promise.resolve(false);
    if (targetMs <= nowMs()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const latest = this.latestOf.get(signal);
      if (latest === undefined) signal.addEventListener('abort', () => this.cancel(signal), { once: true });
      const sleeper: Sleeper = { dueMs: targetMs, resolve, done: false, previous: latest && !latest.done ? latest : null };
      this.latestOf.set(signal, sleeper);
      this.pending += 1;
      this.push(sleeper);
      this.arm();
    });
  }

  /** Sleepers not yet woken or cancelled. */
  get size(): number {
    return this.pending;
  }

  /** Whether a timer or immediate is scheduled (none once nothing sleeps: it would keep the process alive). */
  get armed(): boolean {
    return this.timer !== null || this.immediate !== null;
  }

  private cancel(signal: AbortSignal): void {
    for (let sleeper = this.latestOf.get(signal) ?? null; sleeper; sleeper = sleeper.previous) {
      if (sleeper.done) continue;
      sleeper.done = true;
      this.pending -= 1;
      sleeper.resolve(false);
    }
    this.latestOf.set(signal, null);
    if (this.pending === 0) this.clear();
  }

  private readonly wake = (): void => {
    this.timer = null;
    this.timerDueMs = Infinity;
    this.immediate = null;
    const now = nowMs();
    while (this.heap.length > 0 && this.heap[0]!.dueMs <= now) {
      const sleeper = this.pop();
      if (sleeper.done) continue;
      sleeper.done = true;
      this.pending -= 1;
      sleeper.resolve(true);
    }
    this.arm();
  };

  /** Schedules the next wake-up for the earliest pending sleeper, if the one scheduled is not early enough. */
  private arm(): void {
    while (this.heap.length > 0 && this.heap[0]!.done) this.pop();
    if (this.heap.length === 0) {
      this.clear();
      return;
    }
    if (this.immediate) return;
    const dueMs = this.heap[0]!.dueMs;
    const remainingMs = dueMs - nowMs();
    if (remainingMs < 1) {
      this.clear(); // the timer, if any: no immediate is scheduled here
      this.immediate = setImmediate(this.wake);
      return;
    }
    if (this.timer && this.timerDueMs <= dueMs) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(this.wake, Math.floor(remainingMs));
    this.timerDueMs = dueMs;
  }

  private clear(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = null;
    this.immediate = null;
    this.timerDueMs = Infinity;
  }

  // A binary min-heap on dueMs: a few lines here rather than a dependency for them.
  private push(sleeper: Sleeper): void {
    const heap = this.heap;
    let at = heap.push(sleeper) - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (heap[parent]!.dueMs <= sleeper.dueMs) break;
      heap[at] = heap[parent]!;
      at = parent;
    }
    heap[at] = sleeper;
  }

  private pop(): Sleeper {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length === 0) return top;
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && heap[right]!.dueMs < heap[left]!.dueMs ? right : left;
      if (heap[child]!.dueMs >= last.dueMs) break;
      heap[at] = heap[child]!;
      at = child;
    }
    heap[at] = last;
    return top;
  }
}
