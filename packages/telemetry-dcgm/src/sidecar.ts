// GPU telemetry as a run sidecar: what `aiperf profile` plugs into @aiperf/loadgen's runProfile.
// The sidecar shapes are declared here (structurally identical to loadgen's) so this package does not depend on it.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createDcgmCollector, type DcgmCollector } from './collector.js';
import type { GpuTelemetryRecord } from './gpu-records.js';
import { renderTelemetryConsole } from './console.js';
import { writeGpuTelemetryJsonl } from './jsonl.js';
import type { RunClock } from '@aiperf/stats';
import { summarizeTelemetry, type TelemetryData, type TelemetryWindow } from './summary.js';
import { DEFAULT_DCGM_URLS, normalizeDcgmUrl } from './urls.js';

export interface TelemetrySidecarResult {
  summaryJson?: { telemetry_data: TelemetryData };
  consoleText?: string;
  gpuCount?: number;
  files?: string[];
  /** The same files with their console footer label (`GPU Telemetry Export`). */
  labeledFiles?: { label: string; path: string }[];
}

/** The newest DCGM reading of one GPU, for the live views; a field the exporter does not serve is null. */
export interface LiveGpuReading {
  /** The exporter's scrape URL. */
  url: string;
  gpuIndex: number;
  modelName: string | null;
  utilizationPercent: number | null;
  memoryUsedGb: number | null;
  powerW: number | null;
  temperatureC: number | null;
}

export interface TelemetrySidecar {
  name: string;
  start(context: { clock: RunClock; artifactDir: string }): Promise<void>;
  stop(window: TelemetryWindow): Promise<TelemetrySidecarResult>;
  /** The newest record of each GPU while the run goes. */
  live(): { gpus: LiveGpuReading[] };
  /** After start(): whether any exporter answered, so that it scrapes (on the main loop) while the run goes. */
  busyDuringRun(): boolean;
}

/** A record as the live views show it (pure); a field the exporter does not serve is null. */
function liveGpuReading(record: GpuTelemetryRecord): LiveGpuReading {
  const field = (name: string) => record.telemetryData[name] ?? null;
  return {
    url: record.dcgmUrl,
    gpuIndex: record.gpuIndex,
    modelName: record.gpuModelName,
    utilizationPercent: field('gpu_utilization'),
    memoryUsedGb: field('gpu_memory_used'),
    powerW: field('gpu_power_usage'),
    temperatureC: field('gpu_temperature'),
  };
}

export interface GpuTelemetrySidecarOptions {
  /** User DCGM URLs (`host:port` is normalized); unreachable ones are warned about once. */
  urls: readonly string[];
  intervalMs?: number;
  /** Also scrape the default URLs, dropped silently when unreachable (default true). */
  includeDefaultUrls?: boolean;
  /** The default URLs (default DEFAULT_DCGM_URLS; AIPerf reads AIPERF_GPU_DEFAULT_DCGM_ENDPOINTS for this). */
  defaultUrls?: readonly string[];
  /** Return the GPU Telemetry Summary console text (`--gpu-telemetry` given). */
  showConsole?: boolean;
  warn?: (line: string) => void;
  fetchTimeoutMs?: number;
  /** File name inside the artifact dir (default `gpu_telemetry_export.jsonl`; `<prefix>_gpu_telemetry.jsonl` with a prefix). */
  exportFileName?: string;
}

export const GPU_TELEMETRY_EXPORT_FILE = 'gpu_telemetry_export.jsonl';

export function createGpuTelemetrySidecar(options: GpuTelemetrySidecarOptions): TelemetrySidecar {
  const urls = options.urls.map(normalizeDcgmUrl);
  const optionalUrls = options.includeDefaultUrls === false ? [] : (options.defaultUrls ?? DEFAULT_DCGM_URLS).map(normalizeDcgmUrl);
  let collector: DcgmCollector | undefined;
  let artifactDir = '';
  return {
    name: 'gpu-telemetry',
    live: () => ({ gpus: collector?.latest().map(liveGpuReading) ?? [] }),
    // Its first scrape is done by then: unreachable default URLs have been dropped, and nothing is left to scrape.
    busyDuringRun: () => collector?.endpoints().some((endpoint) => endpoint.state !== 'dropped') ?? false,
    async start(context) {
      artifactDir = context.artifactDir;
      collector = createDcgmCollector({
        urls, optionalUrls, clock: context.clock,
        ...(options.intervalMs !== undefined ? { intervalMs: options.intervalMs } : {}),
        ...(options.fetchTimeoutMs !== undefined ? { fetchTimeoutMs: options.fetchTimeoutMs } : {}),
        ...(options.warn ? { onWarning: options.warn } : {}),
      });
      await collector.start();
    },
    async stop(window) {
      if (!collector) return {};
      await collector.stop();
      const records = collector.records();
      const tried = collector.endpoints();
      const endpoints = tried.filter((endpoint) => endpoint.state !== 'dropped');
      // Only the silently probed defaults and nobody asked to see telemetry: nothing to report.
      if (endpoints.length === 0 && !options.showConsole) return {};
      if (options.showConsole && urls.length === 0 && records.length === 0) {
        (options.warn ?? defaultWarn)(`GPU telemetry: --gpu-telemetry was given but no DCGM exporter answered at the default URLs (${tried.map((e) => e.url).join(', ')}); pass the exporter URL(s) after --gpu-telemetry`);
      }
      const files: string[] = [];
      if (records.length > 0) {
        const path = join(artifactDir, options.exportFileName ?? GPU_TELEMETRY_EXPORT_FILE);
        await mkdir(artifactDir, { recursive: true });
        await writeGpuTelemetryJsonl(path, records);
        files.push(path);
      }
      const telemetryData = summarizeTelemetry(records, window, endpoints);
      const gpuCount = countGpus(records);
      return {
        summaryJson: { telemetry_data: telemetryData },
        // The console lists every source tried, dropped defaults included: the user asked to see telemetry.
        ...(options.showConsole ? { consoleText: renderTelemetryConsole(telemetryData, tried) } : {}),
        ...(gpuCount > 0 ? { gpuCount } : {}),
        ...(files.length > 0 ? { files, labeledFiles: files.map((path) => ({ label: 'GPU Telemetry Export', path })) } : {}),
      };
    },
  };
}

function defaultWarn(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Distinct GPUs seen (by UUID, else endpoint + index), so one GPU behind two URLs counts once. */
export function countGpus(records: readonly GpuTelemetryRecord[]): number {
  return new Set(records.map((record) => record.gpuUuid ?? `${record.dcgmUrl}#${record.gpuIndex}`)).size;
}

