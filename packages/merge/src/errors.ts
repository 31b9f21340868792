/**
 * Directories that cannot be merged (not shards, shards of different runs, a shard missing): the user's fault, so
 * the CLI prints the one line and exits 2. Shaped like the other packages' usage errors (`name` and `exitCode`).
 */
export class MergeUsageError extends Error {
  override readonly name = 'UsageError';
  readonly exitCode = 2;
}
