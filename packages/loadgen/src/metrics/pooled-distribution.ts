import { PERCENTILES } from '@aiperf/stats';
import type { DistributionStats } from '../stats.js';

/** Percentiles of pooled values are taken over the values rounded to this many base units (ns): 1 µs. */
export const POOLED_RESOLUTION_NS = 1_000;
/** A whole run's pool counts values below 2^21 µs (≈ 2.1 s) in a flat array: at most 8 MiB, and fast to count. */
export const RUN_DENSE_LIMIT = 2 ** 21;

/**
 * The run distribution of a list metric (inter-chunk latency: every gap of every response, pooled), kept in memory
 * that does not grow with the number of values: a count per distinct 1-µs value instead of the values themselves
 * (a stream of 64-chunk responses would otherwise retain 63 numbers per request). count, sum, min, max, avg and
 * std are exact (sums over the raw values, the squares shifted by the first value); percentiles interpolate linearly between closest ranks as
 * numpy does, over the values rounded to 1 µs, so they are off by at most 0.5 µs — well under the client's timing
 * noise (tens of µs on an event loop) and under the 0.01 ms the exports print.
 */
export class PooledDistribution {
  /** Counts of small values (the common case) by index; grown by doubling up to `denseLimit`. */
  private dense = new Uint32Array(0);
  /** Counts of the values beyond the dense range. */
  private readonly sparse = new Map<number, number>();
  private count = 0;
  private sum = 0;
  /** Σ(v − shift) and Σ(v − shift)² around the first value: an exact variance without a division per value. */
  private shift = Number.NaN;
  private shiftedSum = 0;
  private shiftedSquares = 0;
  private min = Number.POSITIVE_INFINITY;
  private max = Number.NEGATIVE_INFINITY;

  /**
   * `denseLimit`: values below this many µs are counted in a flat array (4 B per µs of range, allocated up to the
   * largest value seen): RUN_DENSE_LIMIT for a whole run; 0 for the many small per-slice pools.
   */
  constructor(private readonly denseLimit = 0) {}

  add(value: number): void {
    const key = Math.round(value / POOLED_RESOLUTION_NS);
    if (key >= 0 && key < this.denseLimit) {
      if (key >= this.dense.length) this.growDense(key);
      this.dense[key]! += 1;
    } else {
      this.sparse.set(key, (this.sparse.get(key) ?? 0) + 1);
    }
    this.count += 1;
    this.sum += value;
    if (this.count === 1) this.shift = value;
    const delta = value - this.shift;
    this.shiftedSum += delta;
    this.shiftedSquares += delta * delta;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  private growDense(key: number): void {
    let length = Math.max(1024, this.dense.length);
    while (length <= key) length *= 2;
    const grown = new Uint32Array(Math.min(length, this.denseLimit));
    grown.set(this.dense);
    this.dense = grown;
  }

  /** Distinct values beyond the dense range (each costs a Map entry, ~30 B). */
  get sparseValues(): number {
    return this.sparse.size;
  }

  /** Bytes held by the dense counts (what grows with the range of values, never their number). */
  get denseBytes(): number {
    return this.dense.byteLength;
  }

  /** (value in µs, count) pairs in ascending value order. */
  private sortedCounts(): { keys: Float64Array; counts: Float64Array } {
    const sparseKeys = Float64Array.from(this.sparse.keys()).sort();
    let distinct = sparseKeys.length;
    for (const count of this.dense) if (count > 0) distinct += 1;
    const keys = new Float64Array(distinct);
    const counts = new Float64Array(distinct);
    let i = 0;
    const put = (key: number, count: number) => {
      keys[i] = key;
      counts[i++] = count;
    };
    // Negative keys (never for gaps of a monotonic clock) come first, then the dense range, then the rest.
    let s = 0;
    for (; s < sparseKeys.length && sparseKeys[s]! < 0; s++) put(sparseKeys[s]!, this.sparse.get(sparseKeys[s]!)!);
    for (let key = 0; key < this.dense.length; key++) if (this.dense[key]! > 0) put(key, this.dense[key]!);
    for (; s < sparseKeys.length; s++) put(sparseKeys[s]!, this.sparse.get(sparseKeys[s]!)!);
    return { keys, counts };
  }

  summarize(): DistributionStats | undefined {
    const n = this.count;
    if (n === 0) return undefined;
    const { keys, counts: cumulative } = this.sortedCounts();
    for (let i = 1; i < cumulative.length; i++) cumulative[i]! += cumulative[i - 1]!;
    // The value of 0-based rank `rank` in the sorted multiset, clamped to the exact extremes.
    const at = (rank: number) => {
      let lo = 0;
      let hi = keys.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cumulative[mid]! > rank) hi = mid;
        else lo = mid + 1;
      }
      return Math.min(this.max, Math.max(this.min, keys[lo]! * POOLED_RESOLUTION_NS));
    };
    const stats: Record<string, number> = { avg: this.sum / n, min: this.min, max: this.max };
    for (const q of PERCENTILES) {
      const position = ((n - 1) * q) / 100;
      const lower = Math.floor(position);
      const low = at(lower);
      stats[`p${q}`] = lower + 1 < n ? low + (at(lower + 1) - low) * (position - lower) : low;
    }
    const variance = (this.shiftedSquares - (this.shiftedSum * this.shiftedSum) / n) / n;
    stats.std = Math.sqrt(Math.max(0, variance));
    stats.count = n;
    stats.sum = this.sum;
    return stats as unknown as DistributionStats;
  }
}
