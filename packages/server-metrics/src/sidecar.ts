// Server metrics as a run sidecar, plugged into @aiperf/loadgen's runProfile next to GPU telemetry.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunSidecar, SidecarResult } from '@aiperf/loadgen';
import { createServerMetricsCollector, type ServerMetricsCollector } from './collector.js';
import { renderServerMetricsConsole } from './console.js';
import { serverMetricsCsv } from './csv.js';
import { DEFAULT_SERVER_METRICS_FORMATS, FORMAT_LABELS, type ServerMetricsFormat, serverMetricsFileName } from './files.js';
import { JsonlWriter } from './jsonl.js';
import { writeServerMetricsParquet } from './parquet.js';
import { serverMetricsJson, summarizeServerMetrics } from './summary.js';
import { inferenceMetricsUrl, normalizeServerMetricsUrl } from './urls.js';

export type ServerMetricsSidecarResult = SidecarResult;
export type ServerMetricsSidecar = RunSidecar;

export interface ServerMetricsSidecarOptions {
  /** `--server-metrics` URLs (normalized here); failures are warned about. */
  urls: readonly string[];
  /** The run's inference URLs: their `/metrics` is scraped too, dropped silently when it does not answer. */
  inferenceUrls?: readonly string[];
  intervalMs?: number;
  fetchTimeoutMs?: number;
  formats?: readonly ServerMetricsFormat[];
  exportPrefix?: string | null;
  sliceDurationSeconds?: number | null;
  /** Print the Server Metrics Summary table (default true). */
  showConsole?: boolean;
  warn?: (line: string) => void;
}

export function createServerMetricsSidecar(options: ServerMetricsSidecarOptions): ServerMetricsSidecar {
  const urls = options.urls.map(normalizeServerMetricsUrl);
  const optionalUrls = (options.inferenceUrls ?? []).map(inferenceMetricsUrl);
  const formats = new Set(options.formats ?? DEFAULT_SERVER_METRICS_FORMATS);
  const warn = options.warn ?? ((line: string) => process.stderr.write(`${line}\n`));
  const fileOf = (format: ServerMetricsFormat) => join(artifactDir, serverMetricsFileName(format, options.exportPrefix));
  let collector: ServerMetricsCollector | undefined;
  let jsonl: JsonlWriter | undefined;
  let artifactDir = '';
  return {
    name: 'server-metrics',
    live: () => ({ servers: collector?.latest() ?? [] }),
    // Its first scrape is done by then: a server without /metrics has been dropped, and nothing is left to scrape.
    busyDuringRun: () => collector?.endpoints().some((endpoint) => endpoint.state !== 'dropped') ?? false,
    async start(context) {
      artifactDir = context.artifactDir;
      if (formats.has('jsonl')) {
        await mkdir(artifactDir, { recursive: true });
        jsonl = new JsonlWriter(fileOf('jsonl'));
      }
      collector = createServerMetricsCollector({
        urls, optionalUrls, clock: context.clock, warn, ...(jsonl ? { jsonl } : {}),
        ...(options.intervalMs !== undefined ? { intervalMs: options.intervalMs } : {}),
        ...(options.fetchTimeoutMs !== undefined ? { fetchTimeoutMs: options.fetchTimeoutMs } : {}),
      });
      await collector.start();
    },
    async stop(window) {
      if (!collector) return {};
      await collector.stop();
      await jsonl?.close();
      const endpoints = collector.endpoints().filter((endpoint) => endpoint.state !== 'dropped' || !endpoint.optional);
      const gotData = endpoints.some((endpoint) => endpoint.successfulScrapes > 0);
      if (!gotData) {
        if (jsonl) await rm(jsonl.path, { force: true });
        // Only the derived /metrics URLs and none answered (a server without metrics): nothing to report.
        if (endpoints.length === 0) return {};
        return options.showConsole === false ? {} : { consoleText: renderServerMetricsConsole(summarizeServerMetrics({ store: collector.store, window, endpoints }), endpoints) };
      }
      const data = summarizeServerMetrics({ store: collector.store, window, endpoints, sliceDurationSeconds: options.sliceDurationSeconds ?? null });
      const written: { label: string; path: string }[] = [];
      if (formats.has('json')) {
        await writeFile(fileOf('json'), serverMetricsJson(data));
        written.push({ label: FORMAT_LABELS.json, path: fileOf('json') });
      }
      if (formats.has('csv')) {
        await writeFile(fileOf('csv'), serverMetricsCsv(data));
        written.push({ label: FORMAT_LABELS.csv, path: fileOf('csv') });
      }
      if (jsonl) written.push({ label: FORMAT_LABELS.jsonl, path: jsonl.path });
      if (formats.has('parquet')) {
        await writeServerMetricsParquet(fileOf('parquet'), collector.store, window);
        written.push({ label: FORMAT_LABELS.parquet, path: fileOf('parquet') });
      }
      return {
        ...(options.showConsole === false ? {} : { consoleText: renderServerMetricsConsole(data, endpoints) }),
        files: written.map((file) => file.path),
        labeledFiles: written,
      };
    },
  };
}
