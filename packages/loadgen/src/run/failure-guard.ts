import type { RequestRecord } from '../records.js';

/** Why profiling was stopped by `--failed-request-threshold`. */
export interface FailureStop {
  failed: number;
  finished: number;
  threshold: number;
}

/** The threshold is judged only once this many requests finished: a first failure alone says little. */
const MINIMUM_FINISHED = 10;

/**
 * `--failed-request-threshold`: follows the profiling records as they arrive and trips once (calling `onTrip`) when
 * the failed share of the finished requests exceeds the threshold, after max(10, concurrency) of them (fewer when
 * the run sends fewer). Abandoned requests (cut off by the end of the run) are not judged.
 */
export class FailureGuard {
  private finished = 0;
  private failed = 0;
  tripped: FailureStop | null = null;
  private readonly minimum: number;

  constructor(
    private readonly threshold: number | null,
    load: { concurrency: number | null; requestCount: number | null },
    private readonly onTrip: (stop: FailureStop) => void,
  ) {
    this.minimum = Math.min(Math.max(MINIMUM_FINISHED, load.concurrency ?? 0), load.requestCount ?? Number.POSITIVE_INFINITY);
  }

  add(record: RequestRecord): void {
    if (this.threshold === null || this.tripped !== null || record.phase !== 'profiling' || record.abandoned) return;
    this.finished += 1;
    if (record.error) this.failed += 1;
    if (this.finished >= this.minimum && this.failed / this.finished > this.threshold) {
      this.tripped = { failed: this.failed, finished: this.finished, threshold: this.threshold };
      this.onTrip(this.tripped);
    }
  }
}

const percent = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;

/** The one line that says why the run stopped (pure). */
export function describeFailureStop(stop: FailureStop): string {
  return `${stop.failed}/${stop.finished} profiling requests failed (${percent(stop.failed / stop.finished)}), over the --failed-request-threshold of ${percent(stop.threshold)}; profiling was stopped early and the results so far were written`;
}
