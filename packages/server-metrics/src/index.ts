export { parseExposition, labelKey } from './exposition.js';
export type { Exposition, ExpositionIssues, FamilyType, HistogramPoint, MetricFamily, ScalarPoint } from './exposition.js';
export { MetricsStore } from './store.js';
export type { EndpointScrapes, FamilyInfo, SeriesSample, StoredSeries } from './store.js';
export { increasesOf } from './deltas.js';
export type { Increase } from './deltas.js';
export { inferUnit } from './units.js';
export { endpointWindow, sliceEdges } from './window.js';
export type { EndpointWindow, MetricsWindow } from './window.js';
export { summarizeServerMetrics, defaultSliceSeconds, serverMetricsJson } from './summary.js';
export type { ServerMetricEntry, ServerMetricSeries, ServerMetricsExport, SummarizeOptions } from './summary.js';
export { serverMetricsCsv, endpointDisplay } from './csv.js';
export { scrapeToJsonLine, JsonlWriter } from './jsonl.js';
export { writeServerMetricsParquet } from './parquet.js';
export { renderServerMetricsConsole, keyMetricCells } from './console.js';
export { KEY_METRICS } from './key-metrics.js';
export type { KeyMetric, KeyMetricKind } from './key-metrics.js';
export {
  createServerMetricsCollector,
  DEFAULT_SERVER_METRICS_INTERVAL_MS,
  DEFAULT_SERVER_METRICS_TIMEOUT_MS,
} from './collector.js';
export type { RunClock, ServerMetricsCollector, ServerMetricsCollectorOptions } from './collector.js';
export type { EndpointStatus as ServerMetricsEndpointStatus } from './endpoint-state.js';
export { createServerMetricsSidecar } from './sidecar.js';
export type { ServerMetricsSidecar, ServerMetricsSidecarOptions, ServerMetricsSidecarResult } from './sidecar.js';
export { normalizeServerMetricsUrl, inferenceMetricsUrl } from './urls.js';
export {
  SERVER_METRICS_FORMATS,
  DEFAULT_SERVER_METRICS_FORMATS,
  SERVER_METRICS_EXPORT_JSON,
  serverMetricsFileName,
} from './files.js';
export type { ServerMetricsFormat } from './files.js';
