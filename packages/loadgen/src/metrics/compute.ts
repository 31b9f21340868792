import type { RequestRecord } from '../records.js';
import { type DistributionStats, summarizeInPlace } from '../stats.js';
import { ProfileConfigError } from '../errors.js';
import { metricApplies } from './compute-record.js';
import { MetricStore } from './metric-store.js';
import { type MetricRegistry, metricsOf } from './registry.js';
import { runFacts, type StoreSelection } from './run-facts.js';
import {
  type MetricDefinition,
  type MetricFlag,
  type MetricContext,
  type RunValues,
  fromDisplayUnit,
  hasFlag,
  toDisplayUnit,
} from './types.js';

export { metricApplies, recordMetricValues } from './compute-record.js';
export type { StoreSelection } from './run-facts.js';

/** One metric's summary in display units: a distribution for record metrics, a single `avg` otherwise. */
export interface MetricResult {
  tag: string;
  header: string;
  /** Display unit (`ms`, `tokens`, …). */
  unit: string;
  kind: MetricDefinition['kind'];
  flags: readonly MetricFlag[];
  displayOrder?: number;
  /** Scalars are numbers, except epoch timestamps which stay bigint. */
  avg: number | bigint;
  stats?: DistributionStats;
}

export interface ComputeOptions {
  context: MetricContext;
  /** Goodput SLOs: metric tag → threshold in display units. */
  goodput?: Record<string, number>;
}

/** Every applicable metric over the profiling records (kept in a MetricStore first); see computeStoreMetrics. */
export function computeMetrics(records: readonly RequestRecord[], options: ComputeOptions): MetricResult[] {
  const store = new MetricStore(options.context);
  for (const record of records) if (record.phase === 'profiling') store.add(record);
  return computeStoreMetrics(store, options);
}

/**
 * Every applicable metric over a store's records (or a selection of them: one time slice), in registry order;
 * absent metrics are left out. Percentiles are exact over the columns (numpy's linear interpolation).
 */
export function computeStoreMetrics(store: MetricStore, options: ComputeOptions, selection: StoreSelection = {}): MetricResult[] {
  const { context } = options;
  const facts = runFacts(store, selection);
  const results = new Map<string, MetricResult>();
  const sums = new Map<string, number>();
  const baseScalars = new Map<string, number | bigint>();
  const runValues: RunValues = {
    ...facts,
    scalar: (tag) => baseScalars.get(tag),
    sum: (tag) => sums.get(tag),
    countValid: (test) => countValidRows(store, selection, test),
    goodRequestCount: options.goodput && Object.keys(options.goodput).length > 0
      ? countGoodRequests(store, selection, options.goodput, metricsOf(context))
      : undefined,
    context,
  };

  for (const metric of metricsOf(context).list()) {
    if (!metricApplies(metric, context)) continue;
    if (metric.kind === 'record') {
      const pooled = store.pooledDistribution(metric.tag, selection.sliceKey);
      const stats = pooled ? pooled.summarize() : summarizeInPlace(store.values(metric.tag, selection.rows));
      if (!stats) continue;
      sums.set(metric.tag, stats.sum);
      const display = toDisplayStats(metric, stats);
      results.set(metric.tag, { ...describe(metric), avg: display.avg, stats: display });
    } else {
      const value = metric.compute(runValues);
      if (value === undefined) continue;
      baseScalars.set(metric.tag, value);
      const avg = typeof value === 'bigint' ? value : toDisplayUnit(metric, value);
      results.set(metric.tag, { ...describe(metric), avg });
    }
  }
  return [...results.values()];
}

function describe(metric: MetricDefinition) {
  return {
    tag: metric.tag,
    header: metric.header,
    unit: metric.displayUnit,
    kind: metric.kind,
    flags: metric.flags,
    ...(metric.displayOrder !== undefined ? { displayOrder: metric.displayOrder } : {}),
  };
}

function toDisplayStats(metric: MetricDefinition, stats: DistributionStats): DistributionStats {
  const out = { ...stats };
  for (const key of Object.keys(out) as Array<keyof DistributionStats>) {
    if (key !== 'count') out[key] = toDisplayUnit(metric, stats[key]);
  }
  return out;
}

/** Goodput tags must name known record metrics; returns one message per bad entry (empty when fine). */
export function validateGoodput(goodput: Record<string, number>, metrics: MetricRegistry = metricsOf()): string[] {
  // Per-request scalar metrics only: a list metric (inter_chunk_latency) has no single value to compare.
  const allowed = metrics
    .list()
    .filter((m) => m.kind === 'record' && !hasFlag(m, 'error_only') && m.tag !== 'inter_chunk_latency');
  return Object.entries(goodput).flatMap(([tag, threshold]) => {
    if (!allowed.some((m) => m.tag === tag)) {
      return [`--goodput: unknown metric "${tag}"; allowed: ${allowed.map((m) => m.tag).join(', ')}`];
    }
    return Number.isFinite(threshold) ? [] : [`--goodput: ${tag} threshold must be a number, got ${threshold}`];
  });
}

/** Valid requests whose every SLO metric has a value within its threshold, read from the metric columns. */
function countGoodRequests(store: MetricStore, selection: StoreSelection, goodput: Record<string, number>, metrics: MetricRegistry): number {
  const slos = Object.entries(goodput).map(([tag, threshold]) => {
    const metric = metrics.get(tag);
    if (!metric || metric.kind !== 'record') throw new ProfileConfigError(validateGoodput({ [tag]: threshold }, metrics));
    return { tag, thresholdBase: fromDisplayUnit(metric, threshold), larger: hasFlag(metric, 'larger_is_better') };
  });
  const count = selection.rows?.length ?? store.length;
  let good = 0;
  for (let i = 0; i < count; i++) {
    const row = selection.rows ? selection.rows[i]! : i;
    if (!store.isValid(row)) continue;
    const passes = slos.every(({ tag, thresholdBase, larger }) => {
      const value = store.value(tag, row);
      // NaN (no value) fails both comparisons, as a missing metric fails its SLO.
      return larger ? value >= thresholdBase : value <= thresholdBase;
    });
    if (passes) good += 1;
  }
  return good;
}

function countValidRows(store: MetricStore, selection: StoreSelection, test: (value: (tag: string) => number) => boolean): number {
  const count = selection.rows?.length ?? store.length;
  let matches = 0;
  for (let i = 0; i < count; i++) {
    const row = selection.rows ? selection.rows[i]! : i;
    if (store.isValid(row) && test((tag) => store.value(tag, row))) matches += 1;
  }
  return matches;
}
