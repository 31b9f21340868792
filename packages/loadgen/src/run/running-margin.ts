import { RunningMoments, quantileInterval, studentTIntervalOfMoments } from '@aiperf/stats';
import { type MarginJudgement, judgeMeanInterval, judgeQuantileInterval } from './convergence.js';

/**
 * `judgeMargin` over a column that only grows, for a check that runs every second of a long run: each `update`
 * reads only the rows added since the last one. The mean keeps running moments (the same sums in the same order
 * as the one-shot computation, so the same numbers); a percentile keeps a sorted copy and merges the new values
 * (sorted among themselves) into it, O(n + k log k) for k new values instead of copying and sorting all n values
 * (O(n log n)) on every check, with no allocation once the buffers fit.
 */
export class RunningMargin {
  private rowsRead = 0;
  private readonly moments = new RunningMoments();
  private sorted = new Float64Array(1024);
  private spare = new Float64Array(1024);
  private sortedCount = 0;
  private readonly quantile: number | null;

  constructor(
    stat: string,
    private readonly level: number,
  ) {
    this.quantile = stat === 'avg' ? null : Number(stat.slice(1));
  }

  /** Values judged so far (missing values, NaN, are not counted). */
  get n(): number {
    return this.quantile === null ? this.moments.count : this.sortedCount;
  }

  /** Reads rows [last row read, `rows`) through `value(row)` (NaN for a row without a value). */
  read(rows: number, value: (row: number) => number): void {
    if (rows <= this.rowsRead) return;
    if (this.quantile === null) {
      for (let row = this.rowsRead; row < rows; row++) this.moments.add(value(row));
    } else {
      const fresh: number[] = [];
      for (let row = this.rowsRead; row < rows; row++) {
        const v = value(row);
        if (!Number.isNaN(v)) fresh.push(v);
      }
      this.merge(Float64Array.from(fresh).sort());
    }
    this.rowsRead = rows;
  }

  judge(): MarginJudgement {
    if (this.quantile === null) return judgeMeanInterval(studentTIntervalOfMoments(this.moments.count, this.moments.mean, this.moments.sampleStd, this.level));
    return judgeQuantileInterval(quantileInterval(this.sorted.subarray(0, this.sortedCount), this.quantile, this.level));
  }

  /** Merges ascending `fresh` into the sorted values, through the spare buffer (the two then swap). */
  private merge(fresh: Float64Array): void {
    if (fresh.length === 0) return;
    const old = this.sorted;
    const oldCount = this.sortedCount;
    const total = oldCount + fresh.length;
    if (this.spare.length < total) this.spare = new Float64Array(Math.max(total, 2 * this.spare.length));
    const out = this.spare;
    let i = 0;
    let j = 0;
    let o = 0;
    while (i < oldCount && j < fresh.length) out[o++] = old[i]! <= fresh[j]! ? old[i++]! : fresh[j++]!;
    out.set(old.subarray(i, oldCount), o);
    out.set(fresh.subarray(j), o + oldCount - i);
    this.spare = old;
    this.sorted = out;
    this.sortedCount = total;
  }
}
