import { createWriteStream, type WriteStream } from 'node:fs';
import { recordToJsonLine } from '../export/record-jsonl.js';
import type { MetricContext } from '../metrics/types.js';
import type { BenchmarkPhase, RequestRecord } from '../records.js';

/**
 * Collects profiling records and appends each to profile_export.jsonl as it completes, so a crash loses nothing
 * already finished. Warmup records are counted for progress and dropped.
 */
export class RecordSink {
  readonly records: RequestRecord[] = [];
  phase: BenchmarkPhase = 'warmup';
  completed = 0;
  errors = 0;
  private readonly out: WriteStream | null;

  constructor(jsonlPath: string | null, private readonly context: MetricContext, private readonly recordProcessorId: string) {
    this.out = jsonlPath ? createWriteStream(jsonlPath, { flags: 'w' }) : null;
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
    this.out?.write(recordToJsonLine(record, this.context, this.recordProcessorId));
  }

  close(): Promise<void> {
    const out = this.out;
    if (!out) return Promise.resolve();
    return new Promise((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
}
