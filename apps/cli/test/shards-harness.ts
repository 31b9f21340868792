// The sharded load of the shard tests: 4 `aiperf profile` processes given the environment a Kubernetes Indexed
// Job gives its pods, all with the same arguments, as in a cluster.
import { type Finished, runAiperf } from './reliability/cli-process.js';

export const SHARDS = 4;
export const REQUESTS = 64;

/** The whole run's load (the same for every shard and for a one-process run): concurrency 8, 64 requests. */
export const shardLoadArgs = (url: string, dir: string): string[] => [
  'profile', '-m', 'mock-model', '-u', url, '--streaming', '--concurrency', '8', '--request-count', String(REQUESTS),
  '--num-dataset-entries', String(REQUESTS), '--random-seed', '7', '--isl', '32', '--osl', '16', '--extra-inputs', 'ignore_eos:true',
  '--tokenizer', 'builtin', '--workers', '1', '--ui', 'none', '--no-gpu-telemetry', '--no-server-metrics', '--artifact-dir', dir,
];

/** Runs the 4 shards at once, meeting at `barrierDir`; resolves with each one's outcome. */
export function runShards(url: string, dir: string, barrierDir: string): Promise<Finished[]> {
  return Promise.all(
    Array.from({ length: SHARDS }, (_, index) =>
      runAiperf([...shardLoadArgs(url, dir), '--shard-barrier-dir', barrierDir], { JOB_COMPLETION_INDEX: String(index), AIPERF_SHARD_COUNT: String(SHARDS) }, 120_000),
    ),
  );
}
