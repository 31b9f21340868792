import { createWriteStream, type WriteStream } from 'node:fs';
import { recordToJsonLine, recordToRawJsonLine } from '../export/record-jsonl.js';
import { recordMetricValues } from '../metrics/compute-record.js';
import type { MetricStore } from '../metrics/metric-store.js';
import type { MetricContext } from '../metrics/types.js';
import type { BenchmarkPhase } from '../records.js';
import { type PendingRecord, type RecordReader, completeRecord } from './request-executor.js';

/** Lines are batched: one write per ~64 KB or 100 ms instead of one per request (fs writes cost ~70 µs each). */
const FLUSH_BYTES = 64 * 1024;
const FLUSH_INTERVAL_MS = 100;
/**
 * Reading responses runs in slices of at most this long, then yields to I/O: on the issuing loop (no worker
 * threads) a burst of finished requests must not hold back the next sends or the next chunks' timestamps.
 */
const SLICE_MS = 1;

/**
 * Takes each finished request: reads its response and counts its tokens (off the I/O path, in slices), appends
 * the record to profile_export.jsonl (within 100 ms, so a crash loses at most the last moment's records), keeps
 * its metric values in the store's columns and drops it, so a run's memory stays flat however long it runs.
 * Warmup records are counted for progress and dropped.
 */
export class RecordSink {
  phase: BenchmarkPhase = 'warmup';
  completed = 0;
  errors = 0;
  /** Requests cut off when the run ended (grace period over, or Ctrl+C). */
  abandoned = 0;
  private readonly out: WriteStream | null;
  private readonly rawOut: WriteStream | null;
  private pending = '';
  private pendingRaw = '';
  private readonly timer: NodeJS.Timeout | null;
  private queue: PendingRecord[] = [];
  private head = 0;
  private drainScheduled = false;

  constructor(
    /** Where profiling records' metrics are kept. */
    readonly store: MetricStore,
    private readonly reader: RecordReader,
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

  startPhase(phase: BenchmarkPhase): void {
    this.phase = phase;
    this.completed = 0;
    this.errors = 0;
  }

  add(pending: PendingRecord): void {
    if (pending.exchange.abandoned) {
      this.abandoned += 1;
      return;
    }
    this.queue.push(pending);
    if (!this.drainScheduled) {
      this.drainScheduled = true;
      setImmediate(() => this.drain(SLICE_MS));
    }
  }

  /** Reads queued requests for up to `sliceMs` (Infinity: all), then yields and continues. */
  private drain(sliceMs: number): void {
    this.drainScheduled = false;
    const until = performance.now() + sliceMs;
    while (this.head < this.queue.length && performance.now() < until) {
      const pending = this.queue[this.head]!;
      this.queue[this.head++] = undefined as unknown as PendingRecord;
      this.process(pending);
    }
    if (this.head < this.queue.length) {
      this.drainScheduled = true;
      setImmediate(() => this.drain(SLICE_MS));
    } else {
      this.queue = [];
      this.head = 0;
    }
  }

  private process(pending: PendingRecord): void {
    const record = completeRecord(this.reader, pending);
    if (record.phase === this.phase) {
      this.completed += 1;
      if (record.error) this.errors += 1;
    }
    if (record.phase !== 'profiling') return;
    const values = recordMetricValues(record, this.context);
    this.store.add(record, values);
    const raw = recordToRawJsonLine(record);
    if (raw !== null) this.pendingRaw += raw;
    if (this.out) this.pending += recordToJsonLine(record, this.context, this.recordProcessorId, values);
    if (this.pending.length >= FLUSH_BYTES || this.pendingRaw.length >= FLUSH_BYTES) this.flush();
  }

  private flush(): void {
    if (this.pending.length > 0) this.out?.write(this.pending);
    if (this.pendingRaw.length > 0) this.rawOut?.write(this.pendingRaw);
    this.pending = '';
    this.pendingRaw = '';
  }

  /** Reads whatever is still queued, then writes and closes the files. */
  close(): Promise<void> {
    this.drain(Number.POSITIVE_INFINITY);
    if (this.timer) clearInterval(this.timer);
    this.flush();
    const end = (out: WriteStream | null) =>
      out ? new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve()))) : Promise.resolve();
    return Promise.all([end(this.out), end(this.rawOut)]).then(() => undefined);
  }
}
