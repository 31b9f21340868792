import { isValidRecord, type RequestRecord } from '../records.js';
import { metricsOf } from './registry.js';
import { type MetricContext, type MetricDefinition, type RecordMetric, hasFlag } from './types.js';

export const metricApplies = (metric: MetricDefinition, context: MetricContext): boolean =>
  !hasFlag(metric, 'experimental') &&
  (!hasFlag(metric, 'streaming_only') || context.streaming) &&
  (!hasFlag(metric, 'produces_tokens') || context.producesTokens);

/** Record metrics with their values for one record (base units), as the per-record export lists them. */
export function recordMetricValues(record: RequestRecord, context: MetricContext): Array<[RecordMetric, number | number[]]> {
  const applicable = applicableRecordMetrics(context);
  const out: Array<[RecordMetric, number | number[]]> = [];
  for (const metric of isValidRecord(record) ? applicable.valid : applicable.error) {
    const value = metric.compute(record, context);
    if (value !== undefined) out.push([metric, value]);
  }
  return out;
}

/** Per context, the record metrics that apply to valid and to failed records (this runs once per record). */
const applicableCache = new WeakMap<MetricContext, { source: readonly MetricDefinition[]; valid: RecordMetric[]; error: RecordMetric[] }>();

function applicableRecordMetrics(context: MetricContext) {
  const metrics = metricsOf(context).list();
  let cached = applicableCache.get(context);
  // A metric registered after the first record (a plugin) gives a new registry list, and new lists here.
  if (cached?.source !== metrics) {
    const applicable = metrics.filter((m): m is RecordMetric => m.kind === 'record' && metricApplies(m, context));
    cached = {
      source: metrics,
      valid: applicable.filter((m) => !hasFlag(m, 'error_only')),
      error: applicable.filter((m) => hasFlag(m, 'error_only')),
    };
    applicableCache.set(context, cached);
  }
  return cached;
}
