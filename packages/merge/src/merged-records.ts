import { type MetricContext, MetricStore, type RecordMetric, type RequestRecord, fromDisplayUnit } from '@aiperf/loadgen';

/** A `profile_export.jsonl` line as parsed with bigint epoch stamps (`parseJsonWithBigInt`). */
export interface RecordLine {
  metadata: Record<string, unknown> & { request_start_ns: bigint | number; benchmark_phase: string };
  metrics: Record<string, { value: number | number[]; unit: string }>;
  error: RequestRecord['error'];
}

const big = (value: unknown): bigint | null => (typeof value === 'bigint' ? value : typeof value === 'number' ? BigInt(Math.round(value)) : null);

/**
 * The shards' profiling records, kept the way one run keeps them (a MetricStore, so the merged summary is computed
 * by the same code as a single run's, with exact percentiles over every record), plus the checks that no request
 * was sent twice: a (session, turn) pair or, single-turn, a dataset entry seen twice is reported.
 */
export class MergedRecords {
  readonly store: MetricStore;
  private readonly sessions = new Set<string>();
  readonly duplicateSessions: string[] = [];
  /** Times each dataset entry was sent (first turns of sessions). */
  readonly datasetUses = new Map<number, number>();
  perShard = new Map<number, { records: number; errors: number; lateCount: number; maxLatenessMs: number }>();

  /** Records whose dataset entry is not the one their session index selects (session mod dataset size). */
  datasetMismatches = 0;

  constructor(
    private readonly context: MetricContext,
    private readonly datasetEntries: number,
  ) {
    this.store = new MetricStore(context);
  }

  /** Adds one parsed line of shard `shardIndex`; warmup lines are not part of the metrics. */
  add(line: RecordLine, shardIndex: number): void {
    const m = line.metadata;
    if (m.benchmark_phase !== 'profiling') return;
    const key = `${m.session_num}/${m.turn_index}`;
    if (this.sessions.has(key)) this.duplicateSessions.push(key);
    else this.sessions.add(key);
    if (typeof m.dataset_index === 'number' && m.turn_index === 0) {
      this.datasetUses.set(m.dataset_index, (this.datasetUses.get(m.dataset_index) ?? 0) + 1);
      if (typeof m.session_num === 'number' && m.dataset_index !== m.session_num % this.datasetEntries) this.datasetMismatches += 1;
    }
    const values = this.metricValues(line);
    const startEpochNs = big(m.request_start_ns) ?? 0n;
    const endNs = big(m.request_end_ns);
    const latencyNs = values.find(([metric]) => metric.tag === 'request_latency')?.[1];
    const credit = big(m.credit_issued_ns);
    const latenessNs = credit === null ? 0 : Math.max(0, Number(startEpochNs - credit));
    const record = {
      startEpochNs,
      endOffsetNs: endNs === null ? 0 : Number(endNs - startEpochNs),
      lastResponseOffsetNs: typeof latencyNs === 'number' ? latencyNs : null,
      sendLatenessNs: latenessNs,
      error: line.error,
    } as RequestRecord;
    this.store.add(record, values);
    const shard = this.perShard.get(shardIndex) ?? { records: 0, errors: 0, lateCount: 0, maxLatenessMs: 0 };
    shard.records += 1;
    if (line.error) shard.errors += 1;
    if (latenessNs > 1e6) shard.lateCount += 1;
    shard.maxLatenessMs = Math.max(shard.maxLatenessMs, latenessNs / 1e6);
    this.perShard.set(shardIndex, shard);
  }

  /** The line's record metrics back in base units, for the run's registry (unknown tags are skipped). */
  private metricValues(line: RecordLine): Array<[RecordMetric, number | number[]]> {
    const registry = this.context.metrics;
    const out: Array<[RecordMetric, number | number[]]> = [];
    for (const [tag, { value }] of Object.entries(line.metrics ?? {})) {
      const metric = registry?.get(tag);
      if (!metric || metric.kind !== 'record') continue;
      out.push([metric as RecordMetric, Array.isArray(value) ? value.map((v) => fromDisplayUnit(metric, v)) : fromDisplayUnit(metric, value)]);
    }
    return out;
  }
}
