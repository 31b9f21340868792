import type { BenchmarkConfig, LoadConfig } from '@aiperf/config';

/** What the warmup phase runs: its stop conditions and the load it runs at (profiling's, with warmup overrides). */
export interface WarmupPlan {
  /** Requests to send, or null when only the duration or the sessions bound it. */
  requestCount: number | null;
  /** Sessions (conversations) to start, or null: as many as the other limits allow. */
  sessionCount: number | null;
  durationNs: number | null;
  /** After a timed warmup stops sending, how long its answers are waited for (Infinity = all). */
  gracePeriodSeconds: number;
  /** The load of the warmup phase; the profiling load itself when nothing is overridden. */
  load: LoadConfig;
}

/**
 * The warmup of a run, or null when there is none (pure). A warmup request rate makes the warmup a request-rate
 * phase even when profiling runs at a fixed concurrency; a warmup concurrency caps it (a burst when no rate).
 */
export function warmupPlan(config: BenchmarkConfig): WarmupPlan | null {
  const { load } = config;
  const warmup = config.warmup;
  const requestCount = load.warmupRequestCount > 0 ? load.warmupRequestCount : null;
  if (requestCount === null && warmup.durationSeconds === null && warmup.numSessions === null) return null;
  const own = [
    warmup.concurrency, warmup.requestRate, warmup.arrivalPattern, warmup.prefillConcurrency, warmup.concurrencyRampDurationSeconds,
    warmup.requestRateRampDurationSeconds, warmup.prefillConcurrencyRampDurationSeconds,
  ];
  const overridden = own.some((value) => value !== null);
  const requestRate = warmup.requestRate ?? load.requestRate;
  const warmupLoad: LoadConfig = !overridden
    ? load
    : {
        ...load,
        mode: requestRate !== null ? 'request_rate' : 'concurrency',
        requestRate,
        concurrency: warmup.concurrency ?? load.concurrency,
        arrivalPattern: (warmup.arrivalPattern as LoadConfig['arrivalPattern'] | null) ?? load.arrivalPattern,
        // A warmup rate of its own replaces a profiling rate series; each ramp and the prefill cap fall back to profiling's.
        requestRateSeries: warmup.requestRate !== null ? null : load.requestRateSeries,
        concurrencyRampDurationSeconds: warmup.concurrencyRampDurationSeconds ?? load.concurrencyRampDurationSeconds,
        requestRateRampDurationSeconds: warmup.requestRateRampDurationSeconds ?? load.requestRateRampDurationSeconds,
        prefillConcurrency: warmup.prefillConcurrency ?? load.prefillConcurrency,
        prefillConcurrencyRampDurationSeconds: warmup.prefillConcurrencyRampDurationSeconds ?? load.prefillConcurrencyRampDurationSeconds,
        requestCount,
        benchmarkDurationSeconds: warmup.durationSeconds,
      };
  return {
    requestCount,
    sessionCount: warmup.numSessions,
    durationNs: warmup.durationSeconds === null ? null : warmup.durationSeconds * 1e9,
    gracePeriodSeconds: warmup.gracePeriodSeconds ?? Number.POSITIVE_INFINITY,
    load: warmupLoad,
  };
}

/**
 * Connections are opened for the profiling load, so a warmup cannot hold more requests in flight than profiling
 * does (they would queue inside the client instead of reaching the server).
 */
export function warmupProblems(config: BenchmarkConfig, plan: WarmupPlan | null): string[] {
  const cap = config.load.concurrency;
  const wanted = config.warmup.concurrency;
  if (plan === null || wanted === null || cap === null || wanted <= cap) return [];
  return [`--warmup-concurrency: got ${wanted}, which exceeds --concurrency ${cap}; connections are opened for the profiling load, so lower it to ${cap} or less`];
}

/** `warmup: 50 requests or 30 s, 10 req/s constant, concurrency 4` for the log (pure). */
export function describeWarmup(plan: WarmupPlan, profiling: LoadConfig): string {
  const limits = [
    plan.requestCount === null ? null : `${plan.requestCount} requests`,
    plan.sessionCount === null ? null : `${plan.sessionCount} sessions`,
    plan.durationNs === null ? null : `${plan.durationNs / 1e9} s`,
  ].filter((limit) => limit !== null);
  const { load } = plan;
  const own = load === profiling ? '' : `, ${load.mode === 'request_rate' ? `${load.requestRate} req/s ${load.arrivalPattern}` : 'burst'}${load.concurrency === null ? '' : `, concurrency ${load.concurrency}`}`;
  const ramps = [
    load.requestRateRampDurationSeconds === null || load.mode !== 'request_rate' ? null : `rate ramp ${load.requestRateRampDurationSeconds} s`,
    load.concurrencyRampDurationSeconds === null || load.concurrency === null ? null : `concurrency ramp ${load.concurrencyRampDurationSeconds} s`,
    load.prefillConcurrency === null ? null : `prefill concurrency ${load.prefillConcurrency}${load.prefillConcurrencyRampDurationSeconds === null ? '' : ` (ramp ${load.prefillConcurrencyRampDurationSeconds} s)`}`,
  ].filter((part) => part !== null);
  return `warmup: ${limits.join(' or ')}${own}${load === profiling || ramps.length === 0 ? '' : `, ${ramps.join(', ')}`}`;
}
