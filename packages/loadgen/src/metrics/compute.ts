import { isValidRecord, type RequestRecord } from '../records.js';
import { type DistributionStats, summarize } from '../stats.js';
import { ProfileConfigError } from '../errors.js';
import { metricRegistry } from './registry.js';
import {
  type MetricContext,
  type MetricDefinition,
  type MetricFlag,
  type RecordMetric,
  type RunValues,
  fromDisplayUnit,
  hasFlag,
  toDisplayUnit,
} from './types.js';

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

export const metricApplies = (metric: MetricDefinition, context: MetricContext): boolean =>
  !hasFlag(metric, 'experimental') &&
  (!hasFlag(metric, 'streaming_only') || context.streaming) &&
  (!hasFlag(metric, 'produces_tokens') || context.producesTokens);

/** Record metrics with their values for one record (base units), as the per-record export lists them. */
export function recordMetricValues(record: RequestRecord, context: MetricContext): Array<[RecordMetric, number | number[]]> {
  const errorRecord = !isValidRecord(record);
  const out: Array<[RecordMetric, number | number[]]> = [];
  for (const metric of metricRegistry.all()) {
    if (metric.kind !== 'record' || !metricApplies(metric, context)) continue;
    if (hasFlag(metric, 'error_only') !== errorRecord) continue;
    const value = metric.compute(record, context);
    if (value !== undefined) out.push([metric, value]);
  }
  return out;
}

/** Every applicable metric over the profiling records, in registry order; absent metrics are left out. */
export function computeMetrics(records: readonly RequestRecord[], options: ComputeOptions): MetricResult[] {
  const { context } = options;
  const profiling = records.filter((r) => r.phase === 'profiling');
  const validRecords = profiling.filter(isValidRecord);
  const errorRecords = profiling.filter((r) => !isValidRecord(r));
  const results = new Map<string, MetricResult>();
  const sums = new Map<string, number>();
  const baseScalars = new Map<string, number | bigint>();
  const runValues: RunValues = {
    scalar: (tag) => baseScalars.get(tag),
    sum: (tag) => sums.get(tag),
    validRecords,
    errorRecords,
    goodRequestCount: options.goodput && Object.keys(options.goodput).length > 0
      ? countGoodRequests(validRecords, options.goodput, context)
      : undefined,
    context,
  };

  for (const metric of metricRegistry.all()) {
    if (!metricApplies(metric, context)) continue;
    if (metric.kind === 'record') {
      const source = hasFlag(metric, 'error_only') ? errorRecords : validRecords;
      const values: number[] = [];
      for (const record of source) {
        const value = metric.compute(record, context);
        if (value === undefined) continue;
        if (typeof value === 'number') values.push(value);
        else for (const v of value) values.push(v);
      }
      const stats = summarize(values);
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
export function validateGoodput(goodput: Record<string, number>): string[] {
  // Per-request scalar metrics only: a list metric (inter_chunk_latency) has no single value to compare.
  const allowed = metricRegistry
    .all()
    .filter((m) => m.kind === 'record' && !hasFlag(m, 'error_only') && m.tag !== 'inter_chunk_latency');
  return Object.entries(goodput).flatMap(([tag, threshold]) => {
    if (!allowed.some((m) => m.tag === tag)) {
      return [`--goodput: unknown metric "${tag}"; allowed: ${allowed.map((m) => m.tag).join(', ')}`];
    }
    return Number.isFinite(threshold) ? [] : [`--goodput: ${tag} threshold must be a number, got ${threshold}`];
  });
}

function countGoodRequests(records: readonly RequestRecord[], goodput: Record<string, number>, context: MetricContext): number {
  const slos = Object.entries(goodput).map(([tag, threshold]) => {
    const metric = metricRegistry.get(tag);
    if (!metric || metric.kind !== 'record') throw new ProfileConfigError(validateGoodput({ [tag]: threshold }));
    return { metric, thresholdBase: fromDisplayUnit(metric, threshold), larger: hasFlag(metric, 'larger_is_better') };
  });
  let good = 0;
  for (const record of records) {
    const passes = slos.every(({ metric, thresholdBase, larger }) => {
      const value = metric.compute(record, context);
      if (typeof value !== 'number') return false;
      return larger ? value >= thresholdBase : value <= thresholdBase;
    });
    if (passes) good += 1;
  }
  return good;
}
