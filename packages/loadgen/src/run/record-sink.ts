import { recordToJsonLine, recordToRawJsonLine } from '../export/record-jsonl.js';
import { recordMetricValues } from '../metrics/compute-record.js';
import type { MetricStore } from '../metrics/metric-store.js';
import type { MetricContext } from '../metrics/types.js';
import type { BenchmarkPhase, RequestRecord } from '../records.js';
import { SafeAppender } from './safe-appender.js';

/** Lines are batched (SafeAppender): one write per ~64 KiB or 100 ms instead of one per request (~70 µs each). */
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
  readonly out: SafeAppender | null;
  readonly rawOut: SafeAppender | null;
  private readonly timer: NodeJS.Timeout | null;

  constructor(
    /** Where profiling records' metrics are kept. */
    readonly store: MetricStore,
    jsonlPath: string | null,
    private readonly context: MetricContext,
    private readonly recordProcessorId: string,
    rawJsonlPath: string | null = null,
    /** Called once when a record file cannot be written (a full disk): the run should stop. */
    onWriteError: (error: NodeJS.ErrnoException, path: string) => void = () => {},
  ) {
    this.out = jsonlPath ? new SafeAppender(jsonlPath, onWriteError) : null;
    this.rawOut = rawJsonlPath ? new SafeAppender(rawJsonlPath, onWriteError) : null;
    this.timer = this.out ? setInterval(() => this.flush(), FLUSH_INTERVAL_MS) : null;
    this.timer?.unref();
  }

  private flush(): void {
    this.out?.flush();
    this.rawOut?.flush();
  }

  /** The first record file that could not be written, if any. */
  get writeError(): { error: NodeJS.ErrnoException; path: string } | null {
    const failed = [this.out, this.rawOut].find((o) => o?.error);
    return failed?.error ? { error: failed.error, path: failed.path } : null;
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
    if (raw !== null) this.rawOut?.append(raw);
    this.out?.append(recordToJsonLine(record, this.context, this.recordProcessorId, values));
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await Promise.all([this.out?.close(), this.rawOut?.close()]);
  }
}
