// @aiperf/loadgen public API: the benchmark run, its records, metrics, statistics and export formats.
export type {
  LabeledFile,
  ProfileIo,
  ProfileRunResult,
  RunClock,
  RunProfileOptions,
  RunSidecar,
  SidecarResult,
} from './types.js';
export { runProfile } from './run-profile.js';
export { ProfileConfigError } from './errors.js';

export { artifactDirName, exportFileNames, resolveArtifactDir } from './artifacts.js';
export type { ExportFileNames } from './artifacts.js';
export { createRunClock, isoLocalMicros } from './clock.js';
export type { MonotonicRunClock } from './clock.js';

export type { BenchmarkPhase, RequestErrorInfo, RequestRecord } from './records.js';
export { isValidRecord } from './records.js';
export { PERCENTILES, percentileOfSorted, summarize, summarizeInPlace } from './stats.js';
export type { DistributionStats, PercentileKey } from './stats.js';

export { computeMetrics, computeStoreMetrics, recordMetricValues, validateGoodput, metricApplies } from './metrics/compute.js';
export type { ComputeOptions, MetricResult, StoreSelection } from './metrics/compute.js';
export { MetricStore } from './metrics/metric-store.js';
export { metricRegistry, MetricRegistry } from './metrics/registry.js';
export { toDisplayUnit, fromDisplayUnit } from './metrics/types.js';
export type { MetricContext, MetricDefinition, MetricFlag, MetricKind, RecordMetric, RunMetric, RunValues } from './metrics/types.js';

export { createRateSchedule, countScheduledWithin } from './timing/schedule.js';
export type { SendSchedule } from './timing/schedule.js';
export { getTimingStrategy, registerTimingStrategy } from './timing/strategies.js';
export type { TimingStrategy } from './timing/strategies.js';
export { getEndpointType, registerEndpointType } from './endpoints/registry.js';
export type { EndpointType, ParsedResponse, RequestInput, ServerUsage } from './endpoints/types.js';
export { loadTokenizer } from './dataset/tokenizer.js';
export type { TextTokenizer } from './dataset/tokenizer.js';
export { createRng, flatUuid } from './rng.js';
export type { Rng } from './rng.js';

export { buildSummaryJson, metricBlock, summarizeErrors, SCHEMA_VERSION } from './export/summary-json.js';
export type { ErrorSummaryEntry } from './export/summary-json.js';
export { buildSummaryCsv, csvMetricName } from './export/summary-csv.js';
export { recordToJsonObject, recordToJsonLine } from './export/record-jsonl.js';
export { renderBoxTable, renderMetricsTable, renderErrorTable, formatConsoleNumber } from './export/console-table.js';
export { stringifyJson, parseJsonWithBigInt } from './export/json-text.js';
export { toAiperfInputConfig } from './export/input-config.js';
