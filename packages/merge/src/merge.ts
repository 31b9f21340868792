import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { copyFile, mkdir, open, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { type MetricContext, createEndpointTypeRegistry, createMetricRegistry, getEndpointType, parseJsonWithBigInt, stringifyJson } from '@aiperf/loadgen';
import { type ShardManifest, differingSettings, shardCoverage, startAlignment } from './checks.js';
import { MergeUsageError } from './errors.js';
import { MergedRecords, type RecordLine } from './merged-records.js';
import { type ShardDir, SUMMARY_FILE, findShardDirs, readShardDir } from './shard-dirs.js';
import { mergedSummary } from './summary.js';
import { gpuLineSource, mergeTelemetryData } from './telemetry.js';

export interface MergeOptions {
  /** Shard directories, or directories holding them. */
  inputs: readonly string[];
  outDir: string;
  /** Merge although shards are missing; the result says so (`merge.partial`). */
  allowPartial?: boolean;
  /** Warn when the shards' clocks differ by more than this (ms); default 100. */
  maxClockSkewMs?: number;
  warn?: (line: string) => void;
}

export interface MergeResult {
  outDir: string;
  shardCount: number;
  mergedShards: number[];
  missingShards: number[];
  requestCount: number;
  clockSkewMs: number | null;
  summary: Record<string, unknown>;
}

export const DEFAULT_MAX_CLOCK_SKEW_MS = 100;
const RECORDS_FILE = 'profile_export.jsonl';
const GPU_FILE = 'gpu_telemetry_export.jsonl';
/** Files every shard writes alike (same dataset, same scraped servers): one copy, from the lowest shard. */
const ONE_COPY_FILES = ['inputs.json', 'server_metrics_export.json', 'server_metrics_export.csv', 'server_metrics_export.jsonl', 'server_metrics_export.parquet'];

/** Refuses shard sets that are not one whole run; returns the warnings for what is only suspicious. */
function checkShards(shards: readonly ShardDir[], options: MergeOptions): string[] {
  const manifests = shards.map((s) => s.manifest);
  const coverage = shardCoverage(manifests);
  if (coverage.countMismatch) throw new MergeUsageError(`the shards belong to runs with different shard counts (${[...new Set(manifests.map((m) => m.shard.count))].join(', ')})`);
  if (coverage.duplicated.length > 0) throw new MergeUsageError(`shard ${coverage.duplicated.join(', ')} given more than once (${shards.filter((s) => coverage.duplicated.includes(s.manifest.shard.index)).map((s) => s.dir).join(', ')})`);
  const differing = differingSettings(manifests);
  if (differing.length > 0) throw new MergeUsageError(`the shards were run with different settings, so they are not one run: ${differing.join('; ')}`);
  const warnings: string[] = [];
  if (coverage.missing.length > 0) {
    const text = `shard ${coverage.missing.join(', ')} of ${coverage.count} missing`;
    if (!options.allowPartial) throw new MergeUsageError(`${text}; give every shard's directory, or --allow-partial to merge what is there (the result is marked partial)`);
    warnings.push(`${text}: merged ${shards.length} of ${coverage.count} shards; the result is marked partial (merge.partial) and holds only their requests`);
  }
  const alignment = startAlignment(manifests);
  const maxSkew = options.maxClockSkewMs ?? DEFAULT_MAX_CLOCK_SKEW_MS;
  if (alignment.clockSkewMs !== null && alignment.clockSkewMs > maxSkew) {
    warnings.push(`the shards' clocks differ by ${alignment.clockSkewMs.toFixed(1)} ms (over ${maxSkew} ms, measured at the barrier): timestamps and the run's start and duration mix clocks; sync the machines' clocks (NTP)`);
  }
  if (alignment.startSpreadMs > maxSkew) warnings.push(`the shards started ${alignment.startSpreadMs.toFixed(0)} ms apart (over ${maxSkew} ms): the merged load ramps up and down unevenly`);
  return warnings;
}

/** The metric context a shard ran with, from its recorded settings. */
function contextOf(manifest: ShardManifest): { context: MetricContext; goodput: Record<string, number> } {
  const settings = manifest.settings as { endpoint: { type: string; streaming: boolean }; load: { mode: string }; goodput?: Record<string, number>; reporting?: { costPerHourUsd?: number | null } };
  let producesTokens = true;
  let supportsStreaming = true;
  try {
    const endpoint = getEndpointType(settings.endpoint.type, createEndpointTypeRegistry());
    producesTokens = endpoint.producesTokens;
    supportsStreaming = endpoint.supportsStreaming;
  } catch {
    // A plugin's endpoint type: its records say which metrics it had; assume tokens.
  }
  const cost = settings.reporting?.costPerHourUsd;
  return {
    context: {
      streaming: settings.endpoint.streaming && supportsStreaming,
      producesTokens,
      scheduled: settings.load.mode !== 'concurrency',
      metrics: createMetricRegistry(),
      ...(typeof cost === 'number' ? { costPerHourUsd: cost } : {}),
    },
    goodput: settings.goodput ?? {},
  };
}

/** Concatenates the shards' record files into `out` while keeping every record in `records`. */
async function mergeRecordFiles(shards: readonly ShardDir[], outPath: string, records: MergedRecords): Promise<void> {
  const out = await open(outPath, 'w');
  try {
    for (const shard of shards) {
      const path = join(shard.dir, RECORDS_FILE);
      if (!existsSync(path)) continue;
      const lines = createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY });
      let batch = '';
      for await (const line of lines) {
        if (line.trim() === '') continue;
        records.add(parseJsonWithBigInt(line) as RecordLine, shard.manifest.shard.index);
        batch += `${line}\n`;
        if (batch.length > 1 << 20) {
          await out.write(batch);
          batch = '';
        }
      }
      if (batch) await out.write(batch);
    }
  } finally {
    await out.close();
  }
}

/** GPU telemetry lines, one copy per (exporter, GPU): from the first shard that scraped that source. */
async function mergeGpuLines(shards: readonly ShardDir[], outPath: string): Promise<boolean> {
  const owner = new Map<string, number>();
  let kept = '';
  for (const shard of shards) {
    const path = join(shard.dir, GPU_FILE);
    if (!existsSync(path)) continue;
    for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY })) {
      if (line.trim() === '') continue;
      const source = gpuLineSource(JSON.parse(line));
      const index = shard.manifest.shard.index;
      if ((owner.get(source) ?? index) !== index) continue;
      owner.set(source, index);
      kept += `${line}\n`;
    }
  }
  if (owner.size > 0) await writeFile(outPath, kept);
  return owner.size > 0;
}

/** Merges a sharded run's directories into one artifact directory shaped like a single run's. */
export async function mergeShards(options: MergeOptions): Promise<MergeResult> {
  const dirs = await findShardDirs(options.inputs);
  const shards = (await Promise.all(dirs.map(readShardDir))).sort((a, b) => a.manifest.shard.index - b.manifest.shard.index);
  const warnings = checkShards(shards, options);
  for (const line of warnings) options.warn?.(line);
  const manifests = shards.map((s) => s.manifest);
  const outDir = resolve(options.outDir);
  if (dirs.includes(outDir)) throw new MergeUsageError(`-o ${options.outDir}: is one of the shard directories; merge into another directory`);
  await mkdir(join(outDir, 'logs'), { recursive: true });

  const { context, goodput } = contextOf(manifests[0]!);
  const records = new MergedRecords(context, Math.max(1, manifests[0]!.dataset_entries));
  await mergeRecordFiles(shards, join(outDir, RECORDS_FILE), records);
  if (records.duplicateSessions.length > 0) {
    throw new MergeUsageError(`request ${records.duplicateSessions.slice(0, 5).join(', ')} (session/turn) was sent by more than one shard: these shards overlap`);
  }
  if (records.datasetMismatches > 0) throw new MergeUsageError(`${records.datasetMismatches} records used another dataset entry than their request index selects: the shards did not build the same dataset`);

  const coverage = shardCoverage(manifests);
  const alignment = startAlignment(manifests);
  const shardSummaries = new Map(shards.flatMap((s) => (s.summary ? [[s.manifest.shard.index, s.summary] as const] : [])));
  const { summary, csv } = mergedSummary(records, context, goodput, { shards: manifests, shardSummaries, coverage, alignment, benchmarkId: randomUUID() });
  const telemetry = mergeTelemetryData(shards.map((s) => s.summary?.telemetry_data as never));
  if (telemetry) summary.telemetry_data = telemetry;
  await writeFile(join(outDir, SUMMARY_FILE), stringifyJson(summary, 2));
  await writeFile(join(outDir, 'profile_export_aiperf.csv'), csv);
  await mergeGpuLines(shards, join(outDir, GPU_FILE));
  for (const name of ONE_COPY_FILES) {
    const from = shards.find((s) => existsSync(join(s.dir, name)));
    if (from) await copyFile(join(from.dir, name), join(outDir, name));
  }
  const log = [`merged ${shards.length} of ${coverage.count} shards: ${shards.map((s) => s.dir).join(', ')}`, ...warnings.map((w) => `warning: ${w}`)];
  await writeFile(join(outDir, 'logs', 'aiperf.log'), `${log.join('\n')}\n`);
  return {
    outDir,
    shardCount: coverage.count,
    mergedShards: manifests.map((m) => m.shard.index),
    missingShards: coverage.missing,
    requestCount: records.store.length,
    clockSkewMs: alignment.clockSkewMs,
    summary,
  };
}
