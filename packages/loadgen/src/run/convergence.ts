import type { RunConvergenceConfig } from '@aiperf/config';
import { type QuantileInterval, type StudentTInterval, quantileInterval, studentTInterval } from '@aiperf/stats';
import { metricApplies } from '../metrics/compute-record.js';
import type { MetricRegistry } from '../metrics/registry.js';
import { type MetricContext, hasFlag } from '../metrics/types.js';

/** The statistic's interval over the values so far; margin = half-width / |estimate| (Infinity when unbounded). */
export interface MarginJudgement {
  n: number;
  estimate: number;
  low: number;
  high: number;
  margin: number;
}

/**
 * How well `values` pin the statistic at `level`: the mean by its Student-t interval, a percentile by its
 * distribution-free order-statistic interval (binomial ranks), so neither assumes a normal latency distribution.
 * One-shot; `RunningMargin` gives the same judgement over a growing column at a small cost per check.
 */
export function judgeMargin(values: Float64Array, stat: string, level: number): MarginJudgement {
  if (stat === 'avg') return judgeMeanInterval(studentTInterval(values, level));
  return judgeQuantileInterval(quantileInterval(values.slice().sort(), Number(stat.slice(1)), level));
}

/** The judgement of a mean by its Student-t interval. */
export const judgeMeanInterval = (t: StudentTInterval): MarginJudgement => ({ n: t.n, estimate: t.mean, low: t.low, high: t.high, margin: relativeMargin(t.halfWidth, t.mean) });

/** The judgement of a percentile by its order-statistic interval (half its width against the estimate). */
export const judgeQuantileInterval = (interval: QuantileInterval): MarginJudgement => ({
  n: interval.n,
  estimate: interval.estimate,
  low: interval.low,
  high: interval.high,
  margin: relativeMargin((interval.high - interval.low) / 2, interval.estimate),
});

/** Half-width / |estimate|: Infinity when either is unknown, or when the estimate is 0 and the interval is not. */
export const relativeMargin = (halfWidth: number, estimate: number): number =>
  Number.isNaN(halfWidth) || Number.isNaN(estimate) ? Number.POSITIVE_INFINITY : estimate === 0 ? (halfWidth === 0 ? 0 : Number.POSITIVE_INFINITY) : Math.abs(halfWidth / estimate);

export interface EtaInput {
  /** Values of the metric so far and their relative margin. */
  n: number;
  margin: number;
  threshold: number;
  /** New values per second so far. */
  samplesPerSecond: number;
  /** Values the request budget still allows, or null without a request count. */
  samplesLeftInBudget: number | null;
  /** Seconds the duration budget still allows, or null without a duration. */
  secondsLeftInBudget: number | null;
}

export interface Eta {
  /** Seconds until the run stops, or null when it cannot be told. */
  seconds: number | null;
  /** What stops it first: the margin reaching the threshold, or the request/duration budget. */
  bound: 'convergence' | 'budget' | null;
}

/**
 * When the run will stop. A margin shrinks as 1/√n, so reaching the threshold needs n·(margin/threshold)² values
 * in all; at the current pace that is the convergence ETA. The budget (requests left at that pace, or seconds
 * left) stops the run when it comes first. Pure.
 */
export function convergenceEta(input: EtaInput): Eta {
  const { n, margin, threshold, samplesPerSecond, samplesLeftInBudget, secondsLeftInBudget } = input;
  if (margin <= threshold) return { seconds: 0, bound: 'convergence' };
  const pace = samplesPerSecond > 0 ? samplesPerSecond : null;
  const budgets = [secondsLeftInBudget, samplesLeftInBudget !== null && pace !== null ? samplesLeftInBudget / pace : null].filter((s): s is number => s !== null);
  const budgetSeconds = budgets.length > 0 ? Math.max(0, Math.min(...budgets)) : null;
  const samplesNeeded = Number.isFinite(margin) && n > 0 ? Math.max(0, Math.ceil(n * (margin / threshold) ** 2) - n) : Number.POSITIVE_INFINITY;
  const convergeSeconds = pace !== null && Number.isFinite(samplesNeeded) ? samplesNeeded / pace : null;
  if (convergeSeconds !== null && (budgetSeconds === null || convergeSeconds < budgetSeconds)) return { seconds: convergeSeconds, bound: 'convergence' };
  return budgetSeconds !== null ? { seconds: budgetSeconds, bound: 'budget' } : { seconds: null, bound: null };
}

/** Every problem with the convergence metric: it must be a per-request scalar metric this run measures. */
export function validateConvergenceMetric(settings: RunConvergenceConfig | null, metrics: MetricRegistry, context: MetricContext): string[] {
  if (settings === null) return [];
  const allowed = metrics
    .list()
    .filter((m) => m.kind === 'record' && !hasFlag(m, 'error_only') && m.tag !== 'inter_chunk_latency' && metricApplies(m, context));
  if (allowed.some((m) => m.tag === settings.metric)) return [];
  const why = metrics.get(settings.metric) ? 'is not a per-request value of this run (streaming-only metrics need --streaming)' : 'is not a metric';
  return [`--convergence-metric: "${settings.metric}" ${why}; allowed: ${allowed.map((m) => m.tag).join(', ')}`];
}
