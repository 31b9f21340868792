import type { RunConvergenceConfig } from '@aiperf/config';
import { type Eta, convergenceEta } from './convergence.js';
import { RunningMargin } from './running-margin.js';

/** Where within-run convergence stands: what the progress line, the dashboard and the summary show. */
export interface ConvergenceStatus {
  metric: string;
  stat: string;
  threshold: number;
  confidenceLevel: number;
  /** Values of the metric judged. */
  n: number;
  /** The statistic and its interval, in the metric's base unit; null before the first judgement. */
  estimate: number | null;
  low: number | null;
  high: number | null;
  /** CI half-width / |statistic|; null before --convergence-min-samples values (Infinity: too few to bound it). */
  margin: number | null;
  converged: boolean;
  eta: Eta;
}

export interface ConvergenceSource {
  /** Profiling records finished so far (failed ones included: they spend the request budget). */
  records(): number;
  /** The metric's value in one profiling record, by its row (0 … records() − 1; NaN when it has none). Rows never change. */
  value(row: number): number;
}

/**
 * `--convergence-scope run`: judges the metric's margin every --convergence-check-interval seconds on a timer,
 * reading the values the record sink already keeps, so no work is added per request; each check reads only the
 * records added since the last one (`RunningMargin`). Calls `onConverged` once
 * when the margin is at or below the threshold (with at least --convergence-min-samples values).
 */
export class ConvergenceWatch {
  status: ConvergenceStatus;
  private timer: NodeJS.Timeout | null = null;
  private startMs = 0;
  private fired = false;
  private readonly margin: RunningMargin;
  /** The judgement that stopped profiling, or null while it has not. */
  atStop: ConvergenceStatus | null = null;

  constructor(
    private readonly settings: RunConvergenceConfig,
    private readonly source: ConvergenceSource,
    private readonly budget: { requestCount: number | null; durationSeconds: number | null },
    private readonly onConverged: (status: ConvergenceStatus) => void,
    private readonly now: () => number = () => performance.now(),
  ) {
    const { metric, stat, threshold, confidenceLevel } = settings;
    this.margin = new RunningMargin(stat, confidenceLevel);
    this.status = { metric, stat, threshold, confidenceLevel, n: 0, estimate: null, low: null, high: null, margin: null, converged: false, eta: { seconds: null, bound: null } };
  }

  /** Starts judging (call when profiling starts: the pace and the duration budget count from here). */
  start(): void {
    this.startMs = this.now();
    this.timer = setInterval(() => this.check(), this.settings.checkIntervalSeconds * 1000);
    this.timer.unref();
  }

  /** Judges the values so far; fires `onConverged` the first time the margin is small enough. */
  check(): ConvergenceStatus {
    const records = this.source.records();
    this.margin.read(records, (row) => this.source.value(row));
    const elapsedSeconds = (this.now() - this.startMs) / 1000;
    const n = this.margin.n;
    const budgetLeft = {
      samplesLeftInBudget: this.budget.requestCount === null ? null : Math.max(0, this.budget.requestCount - records),
      secondsLeftInBudget: this.budget.durationSeconds === null ? null : Math.max(0, this.budget.durationSeconds - elapsedSeconds),
    };
    const pace = elapsedSeconds > 0 ? n / elapsedSeconds : 0;
    if (n < this.settings.minSamples) {
      // Until the minimum, the ETA is the budget's (or the minimum's, at the current pace).
      const eta = convergenceEta({ n, margin: Number.POSITIVE_INFINITY, threshold: this.settings.threshold, samplesPerSecond: pace, ...budgetLeft });
      this.status = { ...this.status, n, eta };
      return this.status;
    }
    const judged = this.margin.judge();
    const converged = judged.margin <= this.settings.threshold;
    const eta = convergenceEta({ n, margin: judged.margin, threshold: this.settings.threshold, samplesPerSecond: pace, ...budgetLeft });
    this.status = { ...this.status, n, estimate: judged.estimate, low: judged.low, high: judged.high, margin: judged.margin, converged, eta };
    if (converged && !this.fired) {
      this.fired = true;
      this.atStop = this.status;
      this.onConverged(this.status);
    }
    return this.status;
  }

  /** Stops the timer; returns the judgement over every value (what finished after the stop included). */
  finish(): ConvergenceStatus {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const wasFired = this.fired;
    this.fired = true;
    const status = this.check();
    this.fired = wasFired;
    return status;
  }

  /** Whether profiling was stopped by convergence. */
  get stoppedProfiling(): boolean {
    return this.atStop !== null;
  }
}
