import { percentileOfSorted } from '@aiperf/stats';
import type { RequestRecord } from '../records.js';

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

interface Finished {
  atMs: number;
  ttftMs: number | null;
  itlMs: number | null;
  latencyMs: number;
  outputTokens: number;
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
  private recent: Finished[] = [];
  private readonly tokensBySecond = new Map<number, number>();

  constructor(
    private readonly plan: { requestCount: number | null; durationSeconds: number | null; warmupRequestCount: number | null; warmupDurationSeconds?: number | null },
    private readonly now: () => number = () => performance.now(),
  ) {
    this.phaseStartMs = now();
  }

  startPhase(phase: string): void {
    this.phase = phase;
    this.phaseStartMs = this.now();
    this.completed = 0;
    this.errors = 0;
    this.recent = [];
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
    this.recent.push({ atMs, ttftMs, itlMs, latencyMs, outputTokens });
    this.forget(atMs);
    const second = Math.floor((atMs - this.phaseStartMs) / 1000);
    if (!this.tokensBySecond.has(second)) this.tokensBySecond.delete(second - HISTORY_SECONDS - 1);
    this.tokensBySecond.set(second, (this.tokensBySecond.get(second) ?? 0) + outputTokens);
  }

  /** Drops requests older than the window as they age out, so memory stays flat over a long run. */
  private forget(nowMs: number): void {
    let old = 0;
    while (old < this.recent.length && nowMs - this.recent[old]!.atMs > WINDOW_MS) old += 1;
    // One splice per batch of aged entries instead of a shift per request.
    if (old > 0 && (old >= 1024 || old === this.recent.length || old * 2 >= this.recent.length)) this.recent.splice(0, old);
  }

  snapshot(): LiveRequestStats {
    const nowMs = this.now();
    this.forget(nowMs);
    this.recent = this.recent.filter((f) => nowMs - f.atMs <= WINDOW_MS);
    const elapsedSeconds = (nowMs - this.phaseStartMs) / 1000;
    const windowSeconds = Math.max(0.001, Math.min(elapsedSeconds, WINDOW_MS / 1000));
    const requestsPerSecond = this.recent.length / windowSeconds;
    const outputTokensPerSecond = this.recent.reduce((sum, f) => sum + f.outputTokens, 0) / windowSeconds;
    const totalRequests = this.phase === 'warmup' ? this.plan.warmupRequestCount : this.plan.requestCount;
    const durationSeconds = this.phase === 'warmup' ? (this.plan.warmupDurationSeconds ?? null) : this.plan.durationSeconds;
    const etaSeconds =
      durationSeconds !== null ? Math.max(0, durationSeconds - elapsedSeconds)
        : totalRequests !== null && requestsPerSecond > 0 ? Math.max(0, totalRequests - this.completed) / requestsPerSecond : null;
    const current = Math.floor(elapsedSeconds);
    const history: number[] = [];
    for (let s = Math.max(0, current - HISTORY_SECONDS); s < current; s++) history.push(this.tokensBySecond.get(s) ?? 0);
    return {
      phase: this.phase, completed: this.completed, errors: this.errors, totalRequests, durationSeconds, elapsedSeconds, etaSeconds,
      requestsPerSecond, outputTokensPerSecond,
      ttftMs: percentiles(this.recent.flatMap((f) => (f.ttftMs === null ? [] : [f.ttftMs]))),
      itlMs: percentiles(this.recent.flatMap((f) => (f.itlMs === null ? [] : [f.itlMs]))),
      latencyMs: percentiles(this.recent.map((f) => f.latencyMs)),
      tokensPerSecondHistory: history,
    };
  }
}
