import { type Doc, getAt, setAt } from './doc-path.js';
import type { ConfigRule } from './rules.js';

/** One shard of a run split over N processes: shard `index` (0-based) of `count`. */
export interface ShardSpec {
  index: number;
  count: number;
}

const SHARD_PATH = 'benchmark.distributed.shard';
/** The seed shards fall back to: every shard must build the same dataset and schedule. */
export const SHARD_DEFAULT_SEED = 42;

/** `"2/4"` → `{ index: 2, count: 4 }`; null when the text is not `i/N` with 0 ≤ i < N. */
export function parseShard(text: string): ShardSpec | null {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) return null;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return count >= 1 && index < count && Number.isSafeInteger(count) ? { index, count } : null;
}

/**
 * A Kubernetes Indexed Job sets $JOB_COMPLETION_INDEX in each pod; with the shard count ($AIPERF_SHARD_COUNT) it
 * names the shard when neither the YAML nor `--shard` did.
 */
export function applyShardEnv(doc: Doc, env: Record<string, string | undefined>, provenance: Map<string, string>): void {
  const index = env.JOB_COMPLETION_INDEX;
  const count = env.AIPERF_SHARD_COUNT;
  if (getAt(doc, SHARD_PATH) !== undefined || index === undefined || count === undefined || index === '' || count === '') return;
  setAt(doc, SHARD_PATH, `${index}/${count}`);
  provenance.set(SHARD_PATH, '$JOB_COMPLETION_INDEX/$AIPERF_SHARD_COUNT');
}

/** The shard is `i/N` with 0 ≤ i < N; shards share one seed; a barrier or start time needs a shard; one run only. */
export const shardSettings: ConfigRule = {
  name: 'shard-settings',
  apply(config, ctx) {
    const { distributed } = config.benchmark;
    if (distributed.workerMode === 'process') {
      const where = ctx.where('benchmark.distributed.worker_mode');
      if (distributed.shard !== null) ctx.errors.push({ where, message: 'process: a shard runs in one process; leave --worker-mode out of shard runs' });
      if (config.sweep !== null || config.multiRun.numProfileRuns > 1 || config.recipe !== null) ctx.errors.push({ where, message: 'process: runs one profile; it cannot be combined with a sweep, a recipe or --num-profile-runs' });
    }
    if (distributed.shard === null) {
      if (distributed.barrierDir !== null) ctx.errors.push({ where: ctx.where('benchmark.distributed.barrier_dir'), message: 'needs --shard (or $JOB_COMPLETION_INDEX and $AIPERF_SHARD_COUNT): a barrier waits for the other shards' });
      return;
    }
    const where = ctx.where(SHARD_PATH);
    const spec = parseShard(distributed.shard);
    if (spec === null) {
      const count = /\/\s*(\d+)\s*$/.exec(distributed.shard)?.[1];
      const allowed = count !== undefined && Number(count) >= 1 ? `i/${count} with i in 0..${Number(count) - 1}` : 'i/N with 0 ≤ i < N, e.g. 0/4';
      ctx.errors.push({ where, message: `got "${distributed.shard}"; expected ${allowed}` });
      return;
    }
    if (config.sweep !== null || config.multiRun.numProfileRuns > 1 || config.recipe !== null) {
      ctx.errors.push({ where, message: 'runs one profile; it cannot be combined with a sweep, a recipe or --num-profile-runs' });
    }
    if (config.benchmark.input.randomSeed === null) {
      config.benchmark.input.randomSeed = SHARD_DEFAULT_SEED;
      ctx.warnings.push(`${where}: no --random-seed given; using ${SHARD_DEFAULT_SEED} so every shard builds the same dataset and schedule`);
    }
  },
};
