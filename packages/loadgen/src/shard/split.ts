import type { BenchmarkConfig, LoadConfig, ShardSpec } from '@aiperf/config';

/**
 * Shard `index`'s part of `total` when it is split over `count` shards: ⌊total/count⌋, plus one for the first
 * `total mod count` shards. The parts sum to `total` exactly, and every shard computes the same split.
 */
export function shareOf(total: number, { index, count }: ShardSpec): number {
  return Math.floor(total / count) + (index < total % count ? 1 : 0);
}

/**
 * Request (session) k of a shard is request k·N + i of the whole run. With the request count split by `shareOf`,
 * the shards' requests are exactly 0 … total−1, each once: the dataset entry, the server, the schedule slot and
 * the cancellation draw follow from that global index, so the merged run sends what one process would have sent.
 */
export const globalIndexOf = (localIndex: number, { index, count }: ShardSpec): number => localIndex * count + index;

/**
 * The shard's load: concurrency, request count, warmup count and session count split by `shareOf`. The request
 * rate stays the whole run's: each shard keeps the global send schedule and takes every N-th slot of it (its
 * global indices), so together the shards send at exactly the rate asked, on one schedule. Returns the problems
 * when a shard would get nothing to do.
 */
export function shardLoad(config: BenchmarkConfig, shard: ShardSpec): { load: LoadConfig; problems: string[] } {
  const load = config.load;
  const problems: string[] = [];
  const split = (value: number | null, flag: string): number | null => {
    if (value === null) return null;
    const part = shareOf(value, shard);
    if (part === 0) problems.push(`--shard ${shard.index}/${shard.count}: ${flag} ${value} split over ${shard.count} shards leaves this shard none; use at most ${value} shards`);
    return part;
  };
  const warmup = shareOf(load.warmupRequestCount, shard);
  return {
    load: {
      ...load,
      concurrency: split(load.concurrency, '--concurrency'),
      requestCount: split(load.requestCount, '--request-count'),
      conversationNum: split(load.conversationNum, '--conversation-num'),
      warmupRequestCount: warmup,
    },
    problems,
  };
}
