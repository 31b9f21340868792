import { percentileOfSorted } from '@aiperf/stats';
import type { RequestRecord } from '../records.js';
import { FinishedWindow } from './finished-window.js';

/** Live percentiles and rates cover the requests finished in the last this many seconds. */
const WINDOW_MS = 10_000;
const HISTORY_SECONDS = 60;

export interface LivePercentiles {
  p50: number;
  p90: number;
  p99: number;
}

/** The finished requests' side of the live views, at one moment. Latencies in ms; `null` when no finished request carries them. */
export interface LiveRequestStats {
  phase: string;
  completed: number;
  errors: number;
  /** Requests the phase will send (null for a duration-bound run). */
  totalRequests: number | null;
  durationSeconds: number | null;
  elapsedSeconds: number;
  /** Seconds left at the current pace, null when unknown. */
  etaSeconds: number | null;
  requestsPerSecond: number;
  outputTokensPerSecond: number;
  ttftMs: LivePercentiles | null;
  itlMs: LivePercentiles | null;
  latencyMs: LivePercentiles | null;
  /** Output tokens per second, one value per second, oldest first (for a sparkline). */
  tokensPerSecondHistory: number[];
}

const percentiles = (values: number[]): LivePercentiles | null => {
  if (values.length === 0) return null;
  const sorted = values.sort((a, b) => a - b);
  return { p50: percentileOfSorted(sorted, 50), p90: percentileOfSorted(sorted, 90), p99: percentileOfSorted(sorted, 99) };
};

/** Follows finished requests for the live views (the dashboard, `--stats-interval`); `now` is injectable for tests. */
export class LiveStats {
  // Until the first phase starts (datasets, tokenizer, connections): neither warmup nor profiling yet.
  private phase = 'starting';
  private phaseStartMs: number;
  private completed = 0;
  private errors = 0;
  private readonly recent = new FinishedWindow();
  private readonly tokensBySecond = new Map<number, number>();

  constructor(
    private readonly plan: {
      requestCount: number | null;
      durationSeconds: number | null;
      warmupRequestCount: number | null;
      warmupDurationSeconds?: number | null;
    },
    private readonly now: () => number = () => performance.now(),
  ) {
    this.phaseStartMs = now();
  }

  startPhase(phase: string): void {
    this.phase = phase;
    this.phaseStartMs = this.now();
    this.completed = 0;
    this.errors = 0;
    this.recent.clear();
    this.tokensBySecond.clear();
  }

  add(record: RequestRecord): void {
    if (record.abandoned) return;
    const atMs = this.now();
    this.completed += 1;
    if (record.error) {
      this.errors += 1;
      return;
    }
    const ttftMs = record.contentOffsetsNs.length > 0 ? record.contentOffsetsNs[0]! / 1e6 : null;
    const latencyMs = (record.lastResponseOffsetNs ?? record.endOffsetNs) / 1e6;
    const outputTokens = record.outputTokenCount ?? 0;
    const itlMs = ttftMs !== null && outputTokens >= 2 ? (latencyMs - ttftMs) / (outputTokens - 1) : null;
    this.recent.push(atMs, ttftMs, itlMs, latencyMs, outputTokens);
    this.recent.forget(atMs, WINDOW_MS);
    const second = Math.floor((atMs - this.phaseStartMs) / 1000);
    if (!this.tokensBySecond.has(second)) this.tokensBySecond.delete(second - HISTORY_SECONDS - 1);
    this.tokensBySecond.set(second, (this.tokensBySecond.get(second) ?? 0) + outputTokens);
  }

  snapshot(): LiveRequestStats {
    const nowMs = this.now();
    // Requests older than the window age out as they go, so memory stays flat over a long run.
    this.recent.forget(nowMs, WINDOW_MS);
    const elapsedSeconds = (nowMs - this.phaseStartMs) / 1000;
    const windowSeconds = Math.max(0.001, Math.min(elapsedSeconds, WINDOW_MS / 1000));
    const requestsPerSecond = this.recent.length / windowSeconds;
    const outputTokensPerSecond = this.recent.outputTokenSum() / windowSeconds;
    const totalRequests = this.phase === 'warmup' ? this.plan.warmupRequestCount : this.plan.requestCount;
    const durationSeconds = this.phase === 'warmup' ? (this.plan.warmupDurationSeconds ?? null) : this.plan.durationSeconds;
    const etaSeconds =
      durationSeconds !== null
        ? Math.max(0, durationSeconds - elapsedSeconds)
        : totalRequests !== null && requestsPerSecond > 0
          ? Math.max(0, totalRequests - this.completed) / requestsPerSecond
          : null;
    const current = Math.floor(elapsedSeconds);
    const history: number[] = [];
    for (let s = Math.max(0, current - HISTORY_SECONDS); s < current; s++) history.push(this.tokensBySecond.get(s) ?? 0);
    return {
      phase: this.phase,
      completed: this.completed,
      errors: this.errors,
      totalRequests,
      durationSeconds,
      elapsedSeconds,
      etaSeconds,
      requestsPerSecond,
      outputTokensPerSecond,
      ttftMs: percentiles(this.recent.values('ttftMs')),
      itlMs: percentiles(this.recent.values('itlMs')),
      latencyMs: percentiles(this.recent.values('latencyMs')),
      tokensPerSecondHistory: history,
    };
  }
}
