// Records + profiling window → the `telemetry_data` block of profile_export_aiperf.json. Pure.
import { DCGM_FIELDS, type DcgmFieldSpec } from './dcgm-fields.js';
import type { GpuTelemetryRecord } from './gpu-records.js';
import { seriesStats, type SeriesStats } from './stats.js';
import { epochNsToIso } from './time.js';
import { endpointKey, endpointKeys } from './urls.js';

export interface TelemetryWindow {
  startEpochNs: bigint;
  endEpochNs: bigint;
}

/** What the summary needs to know about each configured endpoint. */
export interface EndpointOutcome {
  url: string;
  successfulScrapes: number;
  failedScrapes: number;
  /** 'unreachable' / 'malformed' problems seen, for error_summary. */
  problems: ReadonlySet<string>;
  lastError: string | null;
}

export type MetricSummary = { unit: string } & SeriesStats & { delta?: number };

export interface GpuSummary {
  gpu_index: number;
  gpu_name: string | null;
  gpu_uuid: string | null;
  hostname: string | null;
  namespace?: string;
  pod_name?: string;
  metrics: Record<string, MetricSummary>;
}

export interface TelemetryErrorEntry {
  error_details: { code: number | null; type: string; message: string };
  count: number;
}

export interface TelemetryData {
  summary: { endpoints_configured: string[]; endpoints_successful: string[]; start_time: string; end_time: string };
  /** Endpoint key (`host:port`) → GPUs keyed `gpu_<index>`. */
  endpoints: Record<string, { gpus: Record<string, GpuSummary> }>;
  error_summary: TelemetryErrorEntry[] | null;
}

export function summarizeTelemetry(records: readonly GpuTelemetryRecord[], window: TelemetryWindow, endpoints: readonly EndpointOutcome[]): TelemetryData {
  const keys = endpointKeys(endpoints.map((endpoint) => endpoint.url));
  const data: TelemetryData = {
    summary: {
      endpoints_configured: endpoints.map((endpoint) => endpoint.url),
      endpoints_successful: endpoints.filter((endpoint) => endpoint.successfulScrapes > 0).map((endpoint) => endpoint.url),
      start_time: epochNsToIso(window.startEpochNs),
      end_time: epochNsToIso(window.endEpochNs),
    },
    endpoints: {},
    error_summary: errorSummary(endpoints),
  };
  for (const [url, gpuSeries] of groupByGpu(records)) {
    for (const series of gpuSeries) {
      const gpu = summarizeGpu(series, window);
      if (!gpu) continue;
      const key = keys.get(url) ?? endpointKey(url);
      data.endpoints[key] ??= { gpus: {} };
      data.endpoints[key].gpus[`gpu_${gpu.gpu_index}`] = gpu;
    }
  }
  return data;
}

/** url → (gpu identity → records in time order). */
function groupByGpu(records: readonly GpuTelemetryRecord[]): Map<string, GpuTelemetryRecord[][]> {
  const byUrl = new Map<string, Map<string, GpuTelemetryRecord[]>>();
  for (const record of records) {
    const gpus = byUrl.get(record.dcgmUrl) ?? new Map<string, GpuTelemetryRecord[]>();
    byUrl.set(record.dcgmUrl, gpus);
    const gpuKey = `${record.gpuIndex}`;
    const series = gpus.get(gpuKey);
    if (series) series.push(record);
    else gpus.set(gpuKey, [record]);
  }
  return new Map([...byUrl].map(([url, gpus]) => [url, [...gpus.values()].map(sortByTime)]));
}

function sortByTime(series: GpuTelemetryRecord[]): GpuTelemetryRecord[] {
  return series.sort((a, b) => (a.timestampNs < b.timestampNs ? -1 : a.timestampNs > b.timestampNs ? 1 : 0));
}

function summarizeGpu(series: readonly GpuTelemetryRecord[], window: TelemetryWindow): GpuSummary | undefined {
  const inWindow = series.filter((r) => r.timestampNs >= window.startEpochNs && r.timestampNs <= window.endEpochNs);
  const first = inWindow[0];
  if (!first) return undefined;
  const before = series.filter((r) => r.timestampNs < window.startEpochNs);
  const metrics: Record<string, MetricSummary> = {};
  for (const spec of DCGM_FIELDS) {
    const metric = summarizeMetric(spec, inWindow, before);
    if (metric) metrics[spec.field] = metric;
  }
  const identity = inWindow.find((r) => r.gpuUuid !== null) ?? first;
  return {
    gpu_index: first.gpuIndex,
    gpu_name: identity.gpuModelName,
    gpu_uuid: identity.gpuUuid,
    hostname: identity.hostname,
    ...(identity.namespace !== null ? { namespace: identity.namespace } : {}),
    ...(identity.podName !== null ? { pod_name: identity.podName } : {}),
    metrics,
  };
}

function summarizeMetric(spec: DcgmFieldSpec, inWindow: readonly GpuTelemetryRecord[], before: readonly GpuTelemetryRecord[]): MetricSummary | undefined {
  const values = valuesOf(inWindow, spec.field);
  const last = values[values.length - 1];
  if (last === undefined) return undefined;
  const stats = { unit: spec.unit, ...(seriesStats(values) as SeriesStats) };
  if (spec.kind === 'counter') {
    // A counter gets the full stats of its absolute readings, as AIPerf writes them, plus (an extra key AIPerf's
    // readers ignore) its increase over the window: last in-window value minus the last one before the window.
    const baseline = valuesOf(before, spec.field).pop() ?? (values[0] as number);
    return { ...stats, delta: Math.max(0, last - baseline) };
  }
  return stats;
}

function valuesOf(records: readonly GpuTelemetryRecord[], field: string): number[] {
  const values: number[] = [];
  for (const record of records) {
    const value = record.telemetryData[field];
    if (value !== undefined) values.push(value);
  }
  return values;
}

function errorSummary(endpoints: readonly EndpointOutcome[]): TelemetryErrorEntry[] | null {
  const entries = endpoints
    .filter((endpoint) => endpoint.failedScrapes > 0)
    .map((endpoint) => ({
      error_details: {
        code: null,
        type: endpoint.problems.has('malformed') ? 'MalformedTelemetry' : 'TelemetryEndpointUnreachable',
        message: `${endpoint.url}: ${endpoint.lastError ?? 'scrape failed'}`,
      },
      count: endpoint.failedScrapes,
    }));
  return entries.length > 0 ? entries : null;
}
