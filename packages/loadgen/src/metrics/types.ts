import type { MetricRegistry } from './registry.js';
import type { RequestRecord } from '../records.js';
import type { RunFacts } from './run-facts.js';

export type MetricKind = 'record' | 'aggregate' | 'derived';

/**
 * Flags: streaming_only (S), produces_tokens (T), supports_reasoning (R), no_console (NC),
 * no_record_export (NR), error_only (E), larger_is_better (L), goodput (G), experimental (X).
 */
export type MetricFlag =
  | 'streaming_only'
  | 'produces_tokens'
  | 'supports_reasoning'
  | 'no_console'
  | 'no_record_export'
  | 'error_only'
  | 'larger_is_better'
  | 'goodput'
  | 'experimental';

export type BaseUnit = 'ns' | '%' | 'tokens' | 'chunks' | 'requests' | 'tokens/sec' | 'tokens/sec/user' | 'tokens/sec/gpu' | 'requests/sec' | 'USD' | 'USD/1M tokens' | 'USD/request';
export type DisplayUnit = BaseUnit | 'ms' | 'sec';

/** What a metric may depend on besides the records. */
export interface MetricContext {
  streaming: boolean;
  /** The endpoint produces tokens (chat, completions), i.e. not embeddings. */
  producesTokens: boolean;
  /** GPUs observed by telemetry, when known (for per-GPU throughput). */
  gpuCount?: number;
  /** Hourly price (USD) of the deployment under test, for the cost metrics. */
  costPerHourUsd?: number;
  /** Sends follow a schedule (request-rate mode), so lateness is meaningful. */
  scheduled?: boolean;
  /** The run's metrics (built-ins plus plugins'), in computation order; default: the built-ins. */
  metrics?: MetricRegistry;
}

/** Run-level values visible to aggregate/derived metrics, in base units (read from the metric columns). */
export interface RunValues extends RunFacts {
  /** A scalar (aggregate or derived) computed earlier in registry order. */
  scalar(tag: string): number | bigint | undefined;
  /** Σ of a record metric over the records it applies to; undefined when no record had a value. */
  sum(tag: string): number | undefined;
  /** Valid records for which `test` holds; `value(tag)` reads one of their record metrics (NaN when absent). */
  countValid(test: (value: (tag: string) => number) => boolean): number;
  /** Records meeting every goodput SLO; undefined without SLOs. */
  goodRequestCount: number | undefined;
  context: MetricContext;
}

interface MetricBase {
  tag: string;
  header: string;
  unit: BaseUnit;
  displayUnit: DisplayUnit;
  /** Console display order (lower first); undefined for metrics never shown there. */
  displayOrder?: number;
  flags: readonly MetricFlag[];
}

export interface RecordMetric extends MetricBase {
  kind: 'record';
  /** Value for one record (valid records; error records for `error_only` metrics); undefined = not applicable. */
  compute(record: RequestRecord, context: MetricContext): number | number[] | undefined;
}

export interface RunMetric extends MetricBase {
  kind: 'aggregate' | 'derived';
  compute(run: RunValues): number | bigint | undefined;
}

export type MetricDefinition = RecordMetric | RunMetric;

// Divisors rather than factors: dividing by 1e9 is exact where multiplying by 1e-9 is not.
const DISPLAY_DIVISORS: Partial<Record<DisplayUnit, number>> = { ms: 1e6, sec: 1e9 };

/** Converts a base-unit number to the metric's display unit (ns → ms or sec; others unchanged). */
export function toDisplayUnit(metric: MetricDefinition, value: number): number {
  return value / (DISPLAY_DIVISORS[metric.displayUnit] ?? 1);
}

/** Converts a display-unit threshold (e.g. a goodput SLO in ms) back to the base unit. */
export function fromDisplayUnit(metric: MetricDefinition, value: number): number {
  return value * (DISPLAY_DIVISORS[metric.displayUnit] ?? 1);
}

export const hasFlag = (metric: MetricDefinition, flag: MetricFlag): boolean => metric.flags.includes(flag);
