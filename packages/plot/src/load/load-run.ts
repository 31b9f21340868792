import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { MetricStats, RunData, SweepCell } from '../types.js';
import { RUN_FILES } from './files.js';
import { readGpuTelemetry } from './gpu.js';
import { readRequests } from './requests.js';
import { readServerMetrics, serverMetricSummaries } from './server-metrics.js';
import { countGpus, extractAggregateMetrics, extractMetadata, extractMetrics, flattenConfig } from './summary.js';
import { parseTimeslicesCsv } from './timeslices.js';

export interface LoadRunOptions {
  /** Read `profile_export.jsonl` (single-run plots need it; multi-run plots only need the summary). */
  withRequests?: boolean;
}

const readJson = (path: string): Record<string, unknown> => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Failed to parse JSON file ${path}: ${(error as Error).message}`, { cause: error });
  }
  // Readers below index into it: anything but an object (null, a list, a number) is a broken file, named as such.
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`Failed to parse JSON file ${path}: expected a JSON object, got ${parsed === null ? 'null' : Array.isArray(parsed) ? 'a list' : typeof parsed}`);
  }
  return parsed as Record<string, unknown>;
};

/** `output_token_throughput_per_gpu` = every numeric stat of output token throughput ÷ GPU count. */
function addPerGpuThroughput(metrics: Record<string, MetricStats>, gpuCount: number): void {
  const source = metrics.output_token_throughput;
  if (!source || gpuCount < 1 || metrics.output_token_throughput_per_gpu) return;
  const perGpu: MetricStats = { unit: 'tokens/sec/gpu' };
  for (const [stat, value] of Object.entries(source)) {
    if (typeof value === 'number') perGpu[stat] = value / gpuCount;
  }
  metrics.output_token_throughput_per_gpu = perGpu;
}

/** Reads one run directory: summary (or aggregate), optionally per-request rows, timeslices and GPU telemetry. */
export async function loadRun(dir: string, options: LoadRunOptions = {}): Promise<RunData> {
  const runDir = resolve(dir);
  const warnings: string[] = [];
  const summaryPath = join(runDir, RUN_FILES.summary);
  const aggregatePath = join(runDir, RUN_FILES.aggregate);
  const requestsPath = join(runDir, RUN_FILES.requests);
  let summary: Record<string, unknown> = {};
  let metrics: Record<string, MetricStats> = {};
  if (existsSync(summaryPath)) {
    summary = readJson(summaryPath);
    metrics = extractMetrics(summary);
  } else if (existsSync(aggregatePath)) {
    summary = readJson(aggregatePath);
    metrics = extractAggregateMetrics(summary);
  } else if (!options.withRequests) {
    throw new Error(`Required JSON file not found: ${summaryPath}`);
  }
  const metadata = extractMetadata(summary);
  addPerGpuThroughput(metrics, countGpus(summary));

  let requests = null;
  if (options.withRequests) {
    if (!existsSync(requestsPath)) throw new Error(`Required JSONL file not found: ${requestsPath}`);
    requests = await readRequests(requestsPath);
    if (!requests) throw new Error(`No valid records found in JSONL file: ${requestsPath}`);
    if (requests.invalidLineCount > 0) {
      warnings.push(`Skipped ${requests.invalidLineCount} invalid line(s) in ${requestsPath}`);
    }
  }

  let timeslices = null;
  const timeslicesPath = join(runDir, RUN_FILES.timeslicesCsv);
  if (existsSync(timeslicesPath)) {
    try {
      timeslices = parseTimeslicesCsv(readFileSync(timeslicesPath, 'utf8'));
    } catch (error) {
      warnings.push(`Ignoring ${timeslicesPath}: ${(error as Error).message}`);
    }
  }
  const serverMetrics = readServerMetrics(runDir, warnings);
  if (serverMetrics) for (const [name, stats] of Object.entries(serverMetricSummaries(serverMetrics))) metrics[name] ??= stats;
  const gpuPath = join(runDir, RUN_FILES.gpuTelemetry);
  // Only single-run plots draw GPU time series; a comparison reads the GPU count from the summary.
  const gpu = options.withRequests && existsSync(gpuPath) ? await readGpuTelemetry(gpuPath, requests ? minStartNs(requests) : null) : null;

  return {
    dir: runDir,
    runName: basename(runDir),
    metadata,
    metrics,
    inputConfig: flattenConfig(summary.input_config),
    sweepCell: readSweepCell(runDir, summary, warnings),
    requests,
    timeslices,
    gpu,
    serverMetrics,
    experimentType: 'treatment',
    experimentGroup: basename(runDir),
    warnings,
  };
}

/** The run's sweep cell: `sweep_cell.json` beside it, else the variation an aggregate records; null when neither. */
function readSweepCell(runDir: string, summary: Record<string, unknown>, warnings: string[]): SweepCell | null {
  const path = join(runDir, RUN_FILES.sweepCell);
  let source: unknown = summary.metadata;
  if (existsSync(path)) {
    try {
      source = readJson(path);
    } catch (error) {
      warnings.push(`Ignoring ${path}: ${(error as Error).message}`);
    }
  }
  const record = (typeof source === 'object' && source !== null ? source : {}) as Record<string, unknown>;
  const values = record.variation_values;
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return null;
  const scalars = Object.fromEntries(Object.entries(values).filter(([, v]) => ['number', 'string', 'boolean'].includes(typeof v)));
  return { values: scalars as SweepCell['values'], variant: typeof record.variant === 'string' ? record.variant : null };
}

/** Epoch ns of the earliest request start (the GPU time axis origin), exact as bigint. */
function minStartNs(requests: NonNullable<RunData['requests']>): bigint {
  let min = 0;
  for (const offset of requests.requestStartOffsetNs) if (offset < min) min = offset;
  return requests.baseNs + BigInt(Math.round(min));
}
