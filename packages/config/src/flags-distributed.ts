import type { FlagDef } from './flag-types.js';
import { DEFAULT_BARRIER_TIMEOUT_SECONDS, WORKER_MODES } from './yaml-schema-distributed.js';

/** Flags of `benchmark.distributed` (shards, their common start, worker processes), spread into PROFILE_FLAGS. */
export const DISTRIBUTED_FLAGS: readonly FlagDef[] = [
  { key: 'shard', names: ['--shard'], path: 'benchmark.distributed.shard', kind: 'value', group: 'Distributed', valueName: '<i/N>', defaultText: '$JOB_COMPLETION_INDEX/$AIPERF_SHARD_COUNT when both are set', description: 'Run shard i (0-based) of N: 1/N of the concurrency, rate and requests, the dataset partitioned; merge the shards with `aiperf merge`' },
  { key: 'startAt', names: ['--start-at'], path: 'benchmark.distributed.start_at', kind: 'value', group: 'Distributed', valueName: '<epoch ms>', description: 'Start sending at this wall-clock time (Unix epoch ms), the same for every shard' },
  { key: 'shardBarrierDir', names: ['--shard-barrier-dir'], path: 'benchmark.distributed.barrier_dir', kind: 'value', group: 'Distributed', valueName: '<dir>', description: 'Shared directory where shards wait for each other, then start together (also measures their clock skew)' },
  { key: 'shardBarrierTimeout', names: ['--shard-barrier-timeout'], path: 'benchmark.distributed.barrier_timeout', kind: 'value', group: 'Distributed', valueName: '<s>', defaultText: String(DEFAULT_BARRIER_TIMEOUT_SECONDS), description: 'Give up waiting at --shard-barrier-dir after this long' },
  { key: 'workerMode', names: ['--worker-mode'], path: 'benchmark.distributed.worker_mode', kind: 'value', group: 'Distributed', valueName: `<${WORKER_MODES.join(' | ')}>`, defaultText: 'thread', description: 'process: run --workers N as N child processes, each a shard of this run, merged into the artifact directory (shards in shards/)' },
];
