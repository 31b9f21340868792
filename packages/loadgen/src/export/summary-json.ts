import type { MetricResult } from '../metrics/compute.js';
import { PERCENTILES } from '@aiperf/stats';
import type { RequestErrorInfo } from '../records.js';

/** `schema_version` 1.1: record metric blocks carry `count` and `sum`. */
export const SCHEMA_VERSION = '1.1';
/** The AIPerf release whose file formats this package writes. */
export const AIPERF_COMPAT_VERSION = '0.8.0';

export interface ErrorSummaryEntry {
  error_details: { code: number | null; type: string; message: string };
  count: number;
}

export interface SummaryProvenance {
  benchmarkId: string;
  startTime: string;
  endTime: string;
  wasCancelled: boolean;
  errorSummary: ErrorSummaryEntry[];
  inputConfig: unknown;
  /** Every metric a run can report, in order; those without a value are written as `null`, as AIPerf does. */
  knownTags?: readonly string[];
}

const ALWAYS_FLOAT = new Set(['avg', 'std', ...PERCENTILES.map((q) => `p${q}`)]);
const FLOAT_UNLESS_COUNTED = new Set(['min', 'max', 'sum']);
/** Units of whole-number quantities: their min, max and sum stay integers. */
const COUNTED_UNITS = new Set(['tokens', 'requests', 'chunks', 'ns', 'count']);

/**
 * Which numbers of a metric block AIPerf writes as floats: `avg`, `std` and percentiles always; `min`, `max` and
 * `sum` unless the metric counts something (tokens, requests). Epoch-ns scalars stay integers (bigint).
 */
export const isFloatStat = (holder: Record<string, unknown>, key: string): boolean => {
  if (typeof holder.unit !== 'string') return FLOAT_SETTINGS.has(key);
  return ALWAYS_FLOAT.has(key) || (FLOAT_UNLESS_COUNTED.has(key) && !COUNTED_UNITS.has(holder.unit));
};

/** `input_config` settings AIPerf types as float (seconds, rates). */
const FLOAT_SETTINGS = new Set([
  'timeout_seconds', 'request_rate', 'benchmark_duration', 'benchmark_grace_period', 'request_cancellation_delay', 'slice_duration',
]);

/** One metric's block: `unit` + `avg`, and for record metrics the full stat set. */
export function metricBlock(result: MetricResult): Record<string, unknown> {
  const block: Record<string, unknown> = { unit: result.unit, avg: result.avg };
  const stats = result.stats;
  if (stats) {
    block.min = stats.min;
    block.max = stats.max;
    for (const q of PERCENTILES) block[`p${q}`] = stats[`p${q}`];
    block.std = stats.std;
    block.count = stats.count;
    block.sum = stats.sum;
  }
  return block;
}

/** Summary results exported to JSON/CSV: everything except experimental metrics. */
export const exportedResults = (results: readonly MetricResult[]) => results.filter((r) => !r.flags.includes('experimental'));

/** The `profile_export_aiperf.json` object (flat, GenAI-Perf compatible). */
export function buildSummaryJson(results: readonly MetricResult[], meta: SummaryProvenance): Record<string, unknown> {
  const summary: Record<string, unknown> = {
    schema_version: SCHEMA_VERSION,
    aiperf_version: AIPERF_COMPAT_VERSION,
    benchmark_id: meta.benchmarkId,
  };
  const blocks = new Map(exportedResults(results).map((result) => [result.tag, metricBlock(result)]));
  for (const tag of meta.knownTags ?? []) summary[tag] = blocks.get(tag) ?? null;
  for (const [tag, block] of blocks) summary[tag] = block;
  summary.was_cancelled = meta.wasCancelled;
  summary.error_summary = meta.errorSummary;
  summary.start_time = meta.startTime;
  summary.end_time = meta.endTime;
  summary.input_config = meta.inputConfig;
  return summary;
}

/** Failed requests grouped by (code, type, message) with their counts, most frequent first. */
export function summarizeErrors(groups: ReadonlyArray<{ error: RequestErrorInfo; count: number }>): ErrorSummaryEntry[] {
  return groups
    .map(({ error, count }) => ({ error_details: { code: error.code, type: error.type, message: error.message }, count }))
    .sort((a, b) => b.count - a.count);
}
