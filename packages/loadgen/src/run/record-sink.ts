import { createWriteStream, type WriteStream } from 'node:fs';
import { recordToJsonLine } from '../export/record-jsonl.js';
import type { MetricContext } from '../metrics/types.js';
import type { BenchmarkPhase, RequestRecord } from '../records.js';

/** Lines are batched: one write per ~64 KB or 100 ms instead of one per request (fs writes cost ~70 µs each). */
const FLUSH_BYTES = 64 * 1024;
const FLUSH_INTERVAL_MS = 100;

/**
 * Collects profiling records and appends them to profile_export.jsonl as they complete (within 100 ms), so a
 * crash loses at most the last moment's records. Warmup records are counted for progress and dropped.
 */
export class RecordSink {
  readonly records: RequestRecord[] = [];
  phase: BenchmarkPhase = 'warmup';
  completed = 0;
  errors = 0;
  private readonly out: WriteStream | null;
  private pending = '';
  private readonly timer: NodeJS.Timeout | null;

  constructor(jsonlPath: string | null, private readonly context: MetricContext, private readonly recordProcessorId: string) {
    this.out = jsonlPath ? createWriteStream(jsonlPath, { flags: 'w' }) : null;
    this.timer = this.out ? setInterval(() => this.flush(), FLUSH_INTERVAL_MS) : null;
    this.timer?.unref();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.out?.write(this.pending);
    this.pending = '';
  }

  startPhase(phase: BenchmarkPhase): void {
    this.phase = phase;
    this.completed = 0;
    this.errors = 0;
  }

  add(record: RequestRecord): void {
    this.completed += 1;
    if (record.error) this.errors += 1;
    if (record.phase !== 'profiling') return;
    this.records.push(record);
    if (!this.out) return;
    this.pending += recordToJsonLine(record, this.context, this.recordProcessorId);
    if (this.pending.length >= FLUSH_BYTES) this.flush();
  }

  close(): Promise<void> {
    const out = this.out;
    if (!out) return Promise.resolve();
    if (this.timer) clearInterval(this.timer);
    this.flush();
    return new Promise((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
}
