import { createWriteStream, type WriteStream } from 'node:fs';
import { recordToJsonLine, recordToRawJsonLine } from '../export/record-jsonl.js';
import { recordMetricValues } from '../metrics/compute-record.js';
import type { MetricStore } from '../metrics/metric-store.js';
import type { MetricContext } from '../metrics/types.js';
import type { BenchmarkPhase, RequestRecord } from '../records.js';

/** Lines are batched: one write per ~64 KB or 100 ms instead of one per request (fs writes cost ~70 µs each). */
const FLUSH_BYTES = 64 * 1024;
const FLUSH_INTERVAL_MS = 100;

/**
 * Takes each finished request: appends it to profile_export.jsonl (within 100 ms, so a crash loses at most the
 * last moment's records), keeps its metric values in the store's columns, and drops the record itself, so a run's
 * memory stays flat however long it runs. Warmup records are counted for progress and dropped.
 */
export class RecordSink {
  phase: BenchmarkPhase = 'warmup';
  completed = 0;
  errors = 0;
  private readonly out: WriteStream | null;
  private readonly rawOut: WriteStream | null;
  private pending = '';
  private pendingRaw = '';
  private readonly timer: NodeJS.Timeout | null;

  constructor(
    /** Where profiling records' metrics are kept. */
    readonly store: MetricStore,
    jsonlPath: string | null,
    private readonly context: MetricContext,
    private readonly recordProcessorId: string,
    rawJsonlPath: string | null = null,
  ) {
    this.out = jsonlPath ? createWriteStream(jsonlPath, { flags: 'w' }) : null;
    this.rawOut = rawJsonlPath ? createWriteStream(rawJsonlPath, { flags: 'w' }) : null;
    this.timer = this.out ? setInterval(() => this.flush(), FLUSH_INTERVAL_MS) : null;
    this.timer?.unref();
  }

  private flush(): void {
    if (this.pending.length > 0) this.out?.write(this.pending);
    if (this.pendingRaw.length > 0) this.rawOut?.write(this.pendingRaw);
    this.pending = '';
    this.pendingRaw = '';
  }

  startPhase(phase: BenchmarkPhase): void {
    this.phase = phase;
    this.completed = 0;
    this.errors = 0;
  }

  /** Requests cut off when the run ended (grace period over, or Ctrl+C). */
  abandoned = 0;
  /** Profiling requests per server (`--url` order): [valid, failed]. */
  readonly perUrl: Array<[number, number]> = [];

  add(record: RequestRecord): void {
    if (record.abandoned) {
      this.abandoned += 1;
      return;
    }
    this.completed += 1;
    if (record.error) this.errors += 1;
    if (record.phase !== 'profiling') return;
    const perUrl = (this.perUrl[record.urlIndex ?? 0] ??= [0, 0]);
    perUrl[record.error ? 1 : 0] += 1;
    const values = recordMetricValues(record, this.context);
    this.store.add(record, values);
    const raw = recordToRawJsonLine(record);
    if (raw !== null) this.pendingRaw += raw;
    if (!this.out) return;
    this.pending += recordToJsonLine(record, this.context, this.recordProcessorId, values);
    if (this.pending.length >= FLUSH_BYTES || this.pendingRaw.length >= FLUSH_BYTES) this.flush();
  }

  close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.flush();
    const end = (out: WriteStream | null) =>
      out ? new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve()))) : Promise.resolve();
    return Promise.all([end(this.out), end(this.rawOut)]).then(() => undefined);
  }
}
