import { Type } from '@sinclair/typebox';

/** Seconds a shard waits at the barrier when `barrier_timeout` is not set. */
export const DEFAULT_BARRIER_TIMEOUT_SECONDS = 600;
/** `--workers N` as threads of one process, or as N child processes run as shards and merged. */
export const WORKER_MODES = ['thread', 'process'] as const;

/**
 * `benchmark.distributed`: one run split over several load-generator processes (shards), on one machine or as a
 * Kubernetes Indexed Job, merged afterwards by `aiperf merge`. Kept apart from the main schema so settings of
 * other areas do not collide with these.
 */
export const YamlDistributed = Type.Object(
  {
    /** `i/N`: this process runs shard i (0-based) of N; also from $JOB_COMPLETION_INDEX and $AIPERF_SHARD_COUNT. */
    shard: Type.Optional(Type.String({ minLength: 1 })),
    /** Epoch milliseconds at which every shard starts sending (the same value given to all of them). */
    start_at: Type.Optional(Type.Integer({ minimum: 0 })),
    /** A directory every shard can write (a shared volume): shards wait there for each other, then start together. */
    barrier_dir: Type.Optional(Type.String({ minLength: 1 })),
    /** How long a shard waits at the barrier for the others before it gives up (unset: 600 s). */
    barrier_timeout: Type.Optional(Type.Number({ exclusiveMinimum: 0, 'x-duration': true })),
    /** `process`: `--workers N` child processes, each a shard of this run, merged into the artifact directory. */
    worker_mode: Type.Optional(Type.Union(WORKER_MODES.map((m) => Type.Literal(m)))),
  },
  { additionalProperties: false },
);
