import { join } from 'node:path';
import { type BenchmarkConfig, type ShardSpec, parseShard, redactBenchmarkConfig } from '@aiperf/config';
import { ProfileConfigError } from '../errors.js';
import { toAiperfInputConfig } from '../export/input-config.js';
import { shardLoad } from './split.js';
import type { ShardStart } from './start.js';

/** The file each shard writes next to its exports; `aiperf merge` reads it. */
export const SHARD_FILE = 'shard.json';
export const SHARD_FILE_FORMAT = 'aiperf-shard/1';

/** This process's shard (`--shard i/N`, resolved and checked by the config), or null for a whole run. */
export function shardOf(config: BenchmarkConfig): ShardSpec | null {
  const text = config.distributed?.shard ?? null;
  if (text === null) return null;
  const spec = parseShard(text);
  if (!spec) throw new ProfileConfigError(`--shard: got "${text}"; expected i/N with 0 ≤ i < N`);
  return spec;
}

/** The shard's config: its part of the load (see `shardLoad`); throws when the shard would get nothing to do. */
export function shardConfig(config: BenchmarkConfig, shard: ShardSpec): BenchmarkConfig {
  const { load, problems } = shardLoad(config, shard);
  if (problems.length > 0) throw new ProfileConfigError(problems);
  return { ...config, load };
}

/** Every shard writes into its own subdirectory of the one artifact directory all shards are given. */
export const shardArtifactDir = (artifactDir: string, shard: ShardSpec): string => join(artifactDir, `shard-${shard.index}`);

/**
 * The settings shards must share for their results to be one run: the whole run's config (secrets redacted)
 * without what differs per shard by design (which shard, where its files go, how it displays progress).
 */
export function sharedSettings(config: BenchmarkConfig): Record<string, unknown> {
  const redacted = redactBenchmarkConfig(config);
  const { shard: _shard, ...distributed } = redacted.distributed;
  const { artifactDir: _dir, ...output } = redacted.output;
  const { ui: _ui, reporting, ...rest } = redacted;
  const { logLevel: _level, statsIntervalSeconds: _interval, ...reportingRest } = reporting;
  return JSON.parse(JSON.stringify({ ...rest, output, reporting: reportingRest, distributed }));
}

export interface ShardManifestInput {
  shard: ShardSpec;
  /** The whole run's config (before the split). */
  wholeConfig: BenchmarkConfig;
  shardLoad: BenchmarkConfig['load'];
  datasetEntries: number;
  start: ShardStart;
  cliCommand?: string;
}

/** `shard.json`: which shard this is, its part of the load, how its start went, and the settings to compare. */
export function shardManifest(input: ShardManifestInput): Record<string, unknown> {
  const { start } = input;
  return {
    format: SHARD_FILE_FORMAT,
    shard: { index: input.shard.index, count: input.shard.count },
    load: { concurrency: input.shardLoad.concurrency, request_count: input.shardLoad.requestCount, warmup_request_count: input.shardLoad.warmupRequestCount },
    dataset_entries: input.datasetEntries,
    start: {
      mode: start.mode,
      target_epoch_ms: start.targetEpochMs,
      actual_epoch_ms: start.actualEpochMs,
      late_ms: start.lateMs,
      clock_offset_ms: start.clockOffsetMs,
    },
    settings: sharedSettings(input.wholeConfig),
    input_config: toAiperfInputConfig(input.wholeConfig, input.cliCommand),
  };
}
