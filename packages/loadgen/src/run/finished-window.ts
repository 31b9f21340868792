/** The first capacity of a window (it doubles when full and never shrinks: at most the busiest 10 s). */
const INITIAL_CAPACITY = 1024;

/**
 * The requests finished in the live views' window, oldest first, as typed-array columns in a ring (NaN = none).
 * An object per request, kept for the window's 10 s, outlived every young-generation GC and was promoted: ~100 B
 * of old-space garbage per request (~60k objects held at 6,000 req/s) for full mark-compacts to trace and free.
 * Columns allocate nothing per request.
 */
export class FinishedWindow {
  private atMs = new Float64Array(INITIAL_CAPACITY);
  private ttftMs = new Float64Array(INITIAL_CAPACITY);
  private itlMs = new Float64Array(INITIAL_CAPACITY);
  private latencyMs = new Float64Array(INITIAL_CAPACITY);
  private outputTokens = new Float64Array(INITIAL_CAPACITY);
  private head = 0;
  length = 0;

  clear(): void {
    this.head = 0;
    this.length = 0;
  }

  /** Adds the newest request; `ttftMs`/`itlMs` null when it has none. */
  push(atMs: number, ttftMs: number | null, itlMs: number | null, latencyMs: number, outputTokens: number): void {
    if (this.length === this.atMs.length) this.grow();
    const i = (this.head + this.length) % this.atMs.length;
    this.atMs[i] = atMs;
    this.ttftMs[i] = ttftMs ?? Number.NaN;
    this.itlMs[i] = itlMs ?? Number.NaN;
    this.latencyMs[i] = latencyMs;
    this.outputTokens[i] = outputTokens;
    this.length += 1;
  }

  /** Drops the requests finished more than `windowMs` before `nowMs` (they are oldest first). */
  forget(nowMs: number, windowMs: number): void {
    while (this.length > 0 && nowMs - this.atMs[this.head]! > windowMs) {
      this.head = (this.head + 1) % this.atMs.length;
      this.length -= 1;
    }
  }

  /** Σ output tokens, added oldest first. */
  outputTokenSum(): number {
    let sum = 0;
    for (let k = 0; k < this.length; k++) sum += this.outputTokens[(this.head + k) % this.atMs.length]!;
    return sum;
  }

  /** One column's values, oldest first, without the missing ones. */
  values(column: 'ttftMs' | 'itlMs' | 'latencyMs'): number[] {
    const source = this[column];
    const out: number[] = [];
    for (let k = 0; k < this.length; k++) {
      const value = source[(this.head + k) % source.length]!;
      if (!Number.isNaN(value)) out.push(value);
    }
    return out;
  }

  private grow(): void {
    const capacity = this.atMs.length * 2;
    const copy = (column: Float64Array) => {
      const grown = new Float64Array(capacity);
      for (let k = 0; k < this.length; k++) grown[k] = column[(this.head + k) % column.length]!;
      return grown;
    };
    this.atMs = copy(this.atMs);
    this.ttftMs = copy(this.ttftMs);
    this.itlMs = copy(this.itlMs);
    this.latencyMs = copy(this.latencyMs);
    this.outputTokens = copy(this.outputTokens);
    this.head = 0;
  }
}
