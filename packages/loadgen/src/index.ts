// @aiperf/loadgen public API: the benchmark run, its records, metrics, statistics and export formats.
export type {
  EngineRegistries,
  LabeledFile,
  ProfileIo,
  ProfileRunResult,
  RunProfileOptions,
  RunSidecar,
  SidecarResult,
} from './types.js';
export { runProfile } from './run-profile.js';
export { IssuerThreadPool } from './run/issuer-thread-pool.js';
export { disableAllocationSitePretenuring } from './run/gc-policy.js';
export { ArtifactWriteError, ProfileConfigError } from './errors.js';
export { ModelNotReadyError } from './run/wait-for-model.js';

export { artifactDirName, exportFileNames, resolveArtifactDir } from './artifacts.js';
export type { ExportFileNames } from './artifacts.js';
export { isoLocalMicros } from './time.js';
// The clock, percentiles and RNG live in @aiperf/stats; re-exported because they are part of this API's types.
export { createRng, createRunClock, PERCENTILES, percentileOfSorted } from '@aiperf/stats';
export type { MonotonicRunClock, PercentileKey, Rng, RunClock } from '@aiperf/stats';

export type { BenchmarkPhase, RequestErrorInfo, RequestRecord } from './records.js';
export { isValidRecord } from './records.js';
export { summarize, summarizeInPlace } from './stats.js';
export type { DistributionStats } from './stats.js';

export { computeMetrics, computeStoreMetrics, recordMetricValues, validateGoodput, metricApplies } from './metrics/compute.js';
export type { ComputeOptions, MetricResult, StoreSelection } from './metrics/compute.js';
export { MetricStore } from './metrics/metric-store.js';
export type { MetricRegistry } from './metrics/registry.js';
export { builtinMetrics, createMetricRegistry } from './metrics/registry.js';
export { toDisplayUnit, fromDisplayUnit } from './metrics/types.js';
export type { MetricContext, MetricDefinition, MetricFlag, MetricKind, RecordMetric, RunMetric, RunValues } from './metrics/types.js';

export { createRateSchedule, countScheduledWithin } from './timing/schedule.js';
export type { SendSchedule } from './timing/schedule.js';
export { builtinTimingStrategies, createTimingStrategyRegistry, getTimingStrategy } from './timing/strategies.js';
export type { TimingStrategy, TimingStrategyRegistry } from './timing/strategies.js';
export type { EndpointTypeRegistry } from './endpoints/registry.js';
export { builtinEndpointTypes, createEndpointTypeRegistry, getEndpointType } from './endpoints/registry.js';
export type { EndpointType, ParsedResponse, RequestInput, ServerUsage } from './endpoints/types.js';
export { loadTokenizer } from './dataset/tokenizer.js';
export type { TextTokenizer } from './dataset/tokenizer.js';
export type { DatasetEntry, DatasetLoadContext, DatasetLoader, LoadedTurn } from './dataset/loader.js';
export type { DatasetLoaderRegistry } from './dataset/loaders.js';
export { builtinDatasetLoaders, createDatasetLoaderRegistry, getDatasetLoader } from './dataset/loaders.js';
export { flatUuid } from './flat-uuid.js';

export { buildSummaryJson, metricBlock, summarizeErrors, SCHEMA_VERSION } from './export/summary-json.js';
export type { ErrorSummaryEntry } from './export/summary-json.js';
export { buildSummaryCsv, csvMetricName } from './export/summary-csv.js';
export { recordToJsonObject, recordToJsonLine } from './export/record-jsonl.js';
export { renderBoxTable, renderMetricsTable, renderErrorTable, formatConsoleNumber } from './export/console-table.js';
export { printable } from './export/printable.js';
export { stringifyJson, parseJsonWithBigInt } from './export/json-text.js';
export { toAiperfInputConfig } from './export/input-config.js';
export { LiveStats } from './run/live-stats.js';
export type { LivePercentiles, LiveRequestStats } from './run/live-stats.js';
export { describeGpu, describeServer, mergeLiveTelemetry } from './run/live-snapshot.js';
export type { LiveServerReading, LiveSnapshot, LiveTelemetry } from './run/live-snapshot.js';
// Re-exported for the live views' users, who read it in `LiveTelemetry.gpus`; declared by @aiperf/telemetry-dcgm.
export type { LiveGpuReading } from '@aiperf/telemetry-dcgm';
export type { ConvergenceStatus } from './run/convergence-watch.js';
export { convergenceProgress, describeConvergence, etaText } from './run/convergence-text.js';
export { convergenceEta, judgeMargin } from './run/convergence.js';
export { renderStatsBlock } from './run/stats-blocks.js';
