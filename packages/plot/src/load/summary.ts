import type { MetricStats, RunMetadata } from '../types.js';

const NON_METRIC_KEYS = new Set([
  'schema_version',
  'aiperf_version',
  'benchmark_id',
  'input_config',
  'telemetry_data',
  'start_time',
  'end_time',
  'was_cancelled',
  'error_summary',
  'metadata',
  'run_info',
  'metrics',
]);
const AGGREGATE_STATS = new Set(['avg', 'p1', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95', 'p99', 'min', 'max', 'std', 'count', 'sum']);

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Metric blocks from the top level (older exports) and from a `metrics` map (newer), top level first. */
export function extractMetrics(summary: Json): Record<string, MetricStats> {
  const metrics: Record<string, MetricStats> = {};
  for (const [key, value] of Object.entries(summary)) {
    if (!NON_METRIC_KEYS.has(key) && isObject(value) && typeof value.unit === 'string') {
      metrics[key] = value as MetricStats;
    }
  }
  if (isObject(summary.metrics)) {
    for (const [key, value] of Object.entries(summary.metrics)) {
      if (isObject(value) && typeof value.unit === 'string' && !metrics[key]) metrics[key] = value as MetricStats;
    }
  }
  return metrics;
}

/** `profile_export_aiperf_aggregate.json`: flat `<metric>_<stat>` keys holding `{mean, unit, …}`. */
export function extractAggregateMetrics(aggregate: Json): Record<string, MetricStats> {
  const metrics: Record<string, MetricStats> = {};
  const flat = isObject(aggregate.metrics) ? aggregate.metrics : {};
  for (const [key, value] of Object.entries(flat)) {
    if (!isObject(value) || typeof value.mean !== 'number') continue;
    const cut = key.lastIndexOf('_');
    const tail = key.slice(cut + 1);
    const [tag, stat] = cut > 0 && AGGREGATE_STATS.has(tail) ? [key.slice(0, cut), tail] : [key, 'avg'];
    const block = (metrics[tag] ??= { unit: typeof value.unit === 'string' ? value.unit : '' });
    if (block[stat] === undefined) block[stat] = value.mean;
  }
  return metrics;
}

const get = (value: unknown, path: readonly (string | number)[]): unknown =>
  path.reduce<unknown>((node, key) => (isObject(node) || Array.isArray(node) ? (node as Json)[key as string] : undefined), value);
const firstString = (...values: unknown[]): string | null => (values.find((value) => typeof value === 'string' && value !== '') as string | undefined) ?? null;
const firstNumber = (...values: unknown[]): number | null =>
  (values.find((value) => typeof value === 'number' && Number.isFinite(value)) as number | undefined) ?? null;

/** The profiling phase of a v2 `phases` list (by name, else the first). */
function profilingPhase(inputConfig: unknown): Json | undefined {
  const phases = get(inputConfig, ['phases']);
  if (Array.isArray(phases)) {
    return (phases.find((phase) => isObject(phase) && phase.name === 'profiling') ?? phases[0]) as Json | undefined;
  }
  if (isObject(phases)) return (isObject(phases.profiling) ? phases.profiling : undefined) as Json | undefined;
  return undefined;
}

/** Number of GPUs listed under `telemetry_data.endpoints[*].gpus`, summed across endpoints. */
export function countGpus(summary: Json): number {
  const endpoints = get(summary, ['telemetry_data', 'endpoints']);
  if (!isObject(endpoints)) return 0;
  return Object.values(endpoints).reduce<number>(
    (total, endpoint) => total + (isObject(endpoint) && isObject(endpoint.gpus) ? Object.keys(endpoint.gpus).length : 0),
    0,
  );
}

/** Model, concurrency, rate… from `input_config`, accepting the v2 (`models`, `phases`) and legacy layouts. */
export function extractMetadata(summary: Json): RunMetadata {
  const config = summary.input_config;
  const phase = profilingPhase(config);
  const variation = get(summary, ['metadata', 'variation_values']);
  const variationConcurrency = isObject(variation) ? Object.entries(variation).find(([key]) => key.split('.').at(-1) === 'concurrency')?.[1] : undefined;
  return {
    // AIPerf v2 (`models.items`), legacy (`endpoint.model_names`), and this port's camelCase config (`endpoint.models`).
    model: firstString(
      get(config, ['models', 'items', 0, 'name']),
      get(config, ['endpoint', 'model_names', 0]),
      get(config, ['endpoint', 'models', 0]),
      get(config, ['endpoint', 'models', 0, 'name']),
      get(config, ['model_names', 0]),
      get(summary, ['metadata', 'model']),
    ),
    concurrency: firstNumber(phase?.concurrency, get(config, ['loadgen', 'concurrency']), get(config, ['load', 'concurrency']), variationConcurrency),
    requestCount: firstNumber(phase?.requests, phase?.request_count, get(config, ['loadgen', 'request_count']), get(config, ['load', 'requestCount'])),
    requestRate: firstNumber(phase?.rate, phase?.request_rate, get(config, ['loadgen', 'request_rate']), get(config, ['load', 'requestRate'])),
    endpointType: firstString(get(config, ['endpoint', 'type'])),
    sliceDurationS: firstNumber(get(config, ['output', 'slice_duration']), get(config, ['output', 'sliceDurationSeconds'])),
    gpuCount: countGpus(summary),
    startTime: firstString(summary.start_time),
    endTime: firstString(summary.end_time),
    wasCancelled: summary.was_cancelled === true,
  };
}

/** `input_config` leaves as dotted keys; single-element lists are unwrapped. */
export function flattenConfig(value: unknown, prefix = '', out: Json = {}): Json {
  const unwrapped = Array.isArray(value) && value.length === 1 ? value[0] : value;
  if (isObject(unwrapped) && !['value', 'unit', 'description', 'type'].some((key) => key in unwrapped)) {
    for (const [key, child] of Object.entries(unwrapped)) flattenConfig(child, prefix ? `${prefix}.${key}` : key, out);
  } else if (prefix) {
    out[prefix] = unwrapped;
  }
  return out;
}
