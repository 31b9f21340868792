import {
  buildSummaryCsv,
  buildSummaryJson,
  computeStoreMetrics,
  isoLocalMicros,
  type MetricContext,
  type MetricResult,
  summarizeErrors,
} from '@aiperf/loadgen';
import type { ShardManifest, StartAlignment } from './checks.js';
import type { MergedRecords } from './merged-records.js';

export interface MergeFacts {
  shards: readonly ShardManifest[];
  /** Per shard (by index), what its own summary said about cancellation and the client's health. */
  shardSummaries: ReadonlyMap<number, Record<string, unknown>>;
  coverage: { count: number; missing: number[] };
  alignment: StartAlignment;
  benchmarkId: string;
}

/**
 * The merged `profile_export_aiperf.json`: every metric recomputed from all shards' records (the same code and
 * exact percentiles as a single run), the whole run's input config, and a `merge` block with each shard's
 * requests, errors and lateness, the missing shards (a partial merge) and how well the shards started together.
 */
export function mergedSummary(records: MergedRecords, context: MetricContext, goodput: Record<string, number>, facts: MergeFacts) {
  const results: MetricResult[] = computeStoreMetrics(records.store, { context, goodput });
  const times = shardWindow(facts.shardSummaries);
  const first = facts.shards[0]!;
  const summary = buildSummaryJson(results, {
    benchmarkId: facts.benchmarkId,
    startTime: times.start ?? isoLocalMicros(BigInt(first.start.actual_epoch_ms) * 1_000_000n),
    endTime: times.end ?? isoLocalMicros(BigInt(Date.now()) * 1_000_000n),
    wasCancelled: [...facts.shardSummaries.values()].some((s) => s.was_cancelled === true),
    errorSummary: summarizeErrors(records.store.errorGroups()),
    inputConfig: first.input_config,
    knownTags: (context.metrics?.list() ?? []).filter((m) => !m.flags.includes('experimental')).map((m) => m.tag),
  });
  summary.merge = {
    shard_count: facts.coverage.count,
    merged_shards: facts.shards.map((s) => s.shard.index),
    partial: facts.coverage.missing.length > 0,
    missing_shards: facts.coverage.missing,
    clock_skew_ms: facts.alignment.clockSkewMs,
    start_spread_ms: facts.alignment.startSpreadMs,
    shards: facts.shards.map((s) => shardBlock(s, records, facts.shardSummaries.get(s.shard.index))),
  };
  return { summary, csv: buildSummaryCsv(results, []), results };
}

function shardBlock(manifest: ShardManifest, records: MergedRecords, summary: Record<string, unknown> | undefined) {
  const counted = records.perShard.get(manifest.shard.index) ?? { records: 0, errors: 0, lateCount: 0, maxLatenessMs: 0 };
  return {
    index: manifest.shard.index,
    concurrency: manifest.load.concurrency,
    request_count: counted.records,
    error_request_count: counted.errors,
    late_send_count: counted.lateCount,
    max_send_lateness_ms: counted.maxLatenessMs,
    start: manifest.start,
    was_cancelled: summary?.was_cancelled ?? null,
    error_summary: summary?.error_summary ?? [],
    client_health: summary?.client_health ?? null,
  };
}

/** The earliest start and latest end time any shard reported (ISO text sorts like time within one zone). */
function shardWindow(summaries: ReadonlyMap<number, Record<string, unknown>>): { start?: string; end?: string } {
  const starts = [...summaries.values()].map((s) => s.start_time).filter((v): v is string => typeof v === 'string').sort();
  const ends = [...summaries.values()].map((s) => s.end_time).filter((v): v is string => typeof v === 'string').sort();
  return { ...(starts[0] ? { start: starts[0] } : {}), ...(ends.length > 0 ? { end: ends.at(-1)! } : {}) };
}
