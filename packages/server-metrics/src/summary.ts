// Store + profiling window → the object written to server_metrics_export.json (AIPerf's schema 1.0):
// `summary` (endpoints, window, per-endpoint fetch info and what bad input was counted) and `metrics`
// (by name, one series per endpoint + label set). Pure.
import { stringifyJson } from '@aiperf/loadgen';
import { epochNsToIso } from '@aiperf/telemetry-dcgm';
import type { EndpointStatus } from './endpoint-state.js';
import type { FamilyType } from './exposition.js';
import { summarizeSeries, type SeriesSummary, type SliceWindow } from './series-stats.js';
import type { MetricsStore } from './store.js';
import { inferUnit } from './units.js';
import { endpointWindow, type MetricsWindow, sliceEdges } from './window.js';

export interface ServerMetricSeries extends SeriesSummary {
  endpoint_url: string;
  labels: Record<string, string> | null;
}

export interface ServerMetricEntry {
  type: FamilyType;
  description: string;
  unit: string | null;
  series: ServerMetricSeries[];
}

export interface ServerMetricsExport {
  schema_version: '1.0';
  aiperf_version: string | null;
  benchmark_id: string | null;
  summary: {
    endpoints_configured: string[];
    endpoints_successful: string[];
    start_time: string;
    end_time: string;
    /** Length of the timeslices in `timeslices` arrays. */
    slice_duration_seconds: number;
    endpoint_info: Record<string, Record<string, unknown>>;
  };
  metrics: Record<string, ServerMetricEntry>;
}

export interface SummarizeOptions {
  store: MetricsStore;
  window: MetricsWindow;
  endpoints: readonly EndpointStatus[];
  /** `--slice-duration`; without it, slices of max(2 s, window / 100) so long runs keep the file small. */
  sliceDurationSeconds?: number | null;
  benchmarkId?: string | null;
  aiperfVersion?: string | null;
}

export function defaultSliceSeconds(window: MetricsWindow): number {
  const windowSeconds = Number(window.endEpochNs - window.startEpochNs) / 1e9;
  return Math.max(2, Math.ceil(windowSeconds / 100));
}

export function summarizeServerMetrics(options: SummarizeOptions): ServerMetricsExport {
  const { store, window } = options;
  const sliceSeconds = options.sliceDurationSeconds ?? defaultSliceSeconds(window);
  const base = store.baseNs ?? window.startEpochNs;
  const slices: SliceWindow[] = sliceEdges(window, sliceSeconds * 1e9).map((slice) => ({
    ...slice,
    startOffsetNs: Number(slice.startNs - base),
    endOffsetNs: Number(slice.endNs - base),
  }));
  const metrics: Record<string, ServerMetricEntry> = {};
  const windows = new Map([...store.endpoints.keys()].map((url) => [url, endpointWindow(store, url, window)]));
  for (const series of store.series.values()) {
    const endpointWin = windows.get(series.endpointUrl);
    if (!endpointWin) continue;
    const summary = summarizeSeries(store, series, endpointWin, slices);
    if (!summary) continue;
    const info = store.families.get(series.family);
    const entry = (metrics[series.family] ??= { type: series.type, description: info?.help ?? '', unit: inferUnit(series.family, info?.help), series: [] });
    entry.series.push({ endpoint_url: series.endpointUrl, labels: Object.keys(series.labels).length > 0 ? series.labels : null, ...summary });
  }
  const sorted = Object.fromEntries(Object.entries(metrics).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    schema_version: '1.0',
    aiperf_version: options.aiperfVersion ?? null,
    benchmark_id: options.benchmarkId ?? null,
    summary: {
      endpoints_configured: options.endpoints.map((endpoint) => endpoint.url),
      endpoints_successful: options.endpoints.filter((endpoint) => endpoint.successfulScrapes > 0).map((endpoint) => endpoint.url),
      start_time: epochNsToIso(window.startEpochNs),
      end_time: epochNsToIso(window.endEpochNs),
      slice_duration_seconds: sliceSeconds,
      endpoint_info: Object.fromEntries(options.endpoints.map((endpoint) => [endpoint.url, endpointInfo(store, endpoint)])),
    },
    metrics: sorted,
  };
}

function endpointInfo(store: MetricsStore, status: EndpointStatus): Record<string, unknown> {
  const offsets = store.endpoints.get(status.url)?.offsetsNs;
  const intervalsMs: number[] = [];
  for (let i = 1; i < (offsets?.length ?? 0); i++) intervalsMs.push(((offsets?.at(i) as number) - (offsets?.at(i - 1) as number)) / 1e6);
  const sortedIntervals = [...intervalsMs].sort((a, b) => a - b);
  const first = offsets && offsets.length > 0 ? store.timeOf(status.url, 0) : null;
  const last = offsets && offsets.length > 0 ? store.timeOf(status.url, offsets.length - 1) : null;
  const { issues } = status;
  return {
    total_fetches: status.successfulScrapes + status.failedScrapes,
    successful_fetches: status.successfulScrapes,
    failed_fetches: status.failedScrapes,
    first_fetch_ns: status.firstFetchNs,
    last_fetch_ns: status.lastFetchNs,
    avg_fetch_latency_ms: status.successfulScrapes > 0 ? status.fetchLatencyNsTotal / status.successfulScrapes / 1e6 : null,
    unique_updates: status.uniqueUpdates,
    first_update_ns: first,
    last_update_ns: last,
    duration_seconds: first !== null && last !== null ? Number(last - first) / 1e9 : 0,
    avg_update_interval_ms: intervalsMs.length > 0 ? intervalsMs.reduce((a, b) => a + b, 0) / intervalsMs.length : null,
    median_update_interval_ms: sortedIntervals.length >= 2 ? median(sortedIntervals) : null,
    // Bad input, counted rather than fatal (not in AIPerf's schema).
    failures: { ...status.problems },
    last_error: status.lastError,
    malformed_lines: issues.malformedLines,
    non_finite_samples: issues.nonFiniteSamples,
    duplicate_series: issues.duplicateSeries,
    unsupported_families: [...issues.unsupportedFamilies],
    unknown_type_families: [...issues.unknownTypeFamilies],
  };
}

function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The text of server_metrics_export.json: epoch-ns fields as exact integers. */
export function serverMetricsJson(data: ServerMetricsExport): string {
  return `${stringifyJson(data, 2)}\n`;
}
