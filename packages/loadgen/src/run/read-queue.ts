import type { TextTokenizer } from '../dataset/tokenizer.js';
import type { RequestRecord } from '../records.js';
import { type PendingRecord, type RecordReader, completeRecord } from './request-executor.js';

/**
 * Reading runs in slices of at most this long, then yields to I/O, so a burst of finished requests never holds
 * back the next sends or the timestamps of chunks arriving meanwhile by more than this.
 */
const SLICE_MS = 1;

/**
 * Finished requests waiting to be read (SSE parsed, tokens counted) into records. With worker threads this runs on
 * the main thread, so the issuing threads only send and timestamp; issuing from the main loop (`--workers 1`) it
 * runs after that loop's I/O: the socket callbacks and the next sends of a wave first, the reading in 1-ms slices
 * between them.
 */
export class ReadQueue {
  private queue: PendingRecord[] = [];
  private head = 0;
  private scheduled = false;
  private reader: RecordReader | null = null;
  private idle: Array<() => void> = [];
  private failure: Error | null = null;

  constructor(
    private readonly settings: Omit<RecordReader, 'tokenizer'>,
    private readonly tokenizer: () => Promise<TextTokenizer>,
    private readonly emit: (record: RequestRecord) => void,
  ) {}

  add(pending: PendingRecord): void {
    this.queue.push(pending);
    this.schedule();
  }

  /** Resolves once everything added so far has been read and emitted (rejects if reading failed). */
  drained(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.head >= this.queue.length && !this.scheduled) return Promise.resolve();
    return new Promise<void>((resolve, reject) => this.idle.push(() => (this.failure ? reject(this.failure) : resolve())));
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => void this.drain());
  }

  private async drain(): Promise<void> {
    try {
      this.reader ??= { ...this.settings, tokenizer: await this.tokenizer() };
      const until = performance.now() + SLICE_MS;
      while (this.head < this.queue.length && performance.now() < until) {
        const pending = this.queue[this.head]!;
        this.queue[this.head++] = undefined as unknown as PendingRecord;
        this.emit(completeRecord(this.reader, pending));
      }
    } catch (error) {
      this.failure = error as Error;
      this.queue = [];
      this.head = 0;
    }
    this.scheduled = false;
    if (this.head < this.queue.length) return this.schedule();
    this.queue = [];
    this.head = 0;
    for (const done of this.idle.splice(0)) done();
  }
}
