// @aiperf/merge public API: combine the artifact directories of a sharded run (`--shard i/N`) into one run.
export { DEFAULT_MAX_CLOCK_SKEW_MS, mergeShards } from './merge.js';
export type { MergeOptions, MergeResult } from './merge.js';
export { MergeUsageError } from './errors.js';
export { differingSettings, shardCoverage, startAlignment } from './checks.js';
export type { Coverage, ShardManifest, StartAlignment } from './checks.js';
export { mergeTelemetryData } from './telemetry.js';
