import { afterReleasedConnectionsSend } from '../client/h1-pool.js';
import type { TextTokenizer } from '../dataset/tokenizer.js';
import type { RequestRecord } from '../records.js';
import { type PendingRecord, type RecordReader, completeRecord } from './request-executor.js';

/**
 * Reading runs in slices of at most this long, then yields to I/O, so a burst of finished requests never holds
 * back the next sends or the timestamps of chunks arriving meanwhile by more than this.
 */
const SLICE_MS = 1;

/**
 * Answers are read in batches: once this many wait, or once the first of them has waited BATCH_WAIT_MS. Reading
 * one answer right after the loop's I/O for it finds the reading code and data evicted from the CPU caches by the
 * transport's: with the caches cleared between batches, reading cost 59 µs per record one at a time, 34 in fours,
 * 22 in sixteens and 18 in sixty-fours (the same records; a tight loop of them costs 14). At 64 connections
 * issuing from the main loop, an immediate per finished wave read ~2 records per slice at 50 µs of CPU each.
 * The wait delays only when a record reaches the exports and live views, never its timestamps.
 */
const BATCH_RECORDS = 32;
const BATCH_WAIT_MS = 10;

/**
 * Finished requests waiting to be read (SSE parsed, tokens counted) into records. With worker threads this runs on
 * the main thread, so the issuing threads only send and timestamp; issuing from the main loop (`--workers 1`) it
 * runs after that loop's I/O: the socket callbacks and the next sends of a wave first, the reading in batches of
 * 1-ms slices between them. `drained()` reads what is left at once.
 */
export class ReadQueue {
  private queue: PendingRecord[] = [];
  private head = 0;
  private scheduled = false;
  private reader: RecordReader | null = null;
  private idle: Array<() => void> = [];
  private failure: Error | null = null;
  /** Pending while fewer than BATCH_RECORDS wait: reads them once the first has waited BATCH_WAIT_MS. */
  private batchTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly settings: Omit<RecordReader, 'tokenizer'>,
    private readonly tokenizer: () => Promise<TextTokenizer>,
    private readonly emit: (record: RequestRecord) => void,
  ) {}

  add(pending: PendingRecord): void {
    this.queue.push(pending);
    if (this.scheduled) return;
    if (this.queue.length - this.head >= BATCH_RECORDS) this.schedule();
    else this.batchTimer ??= setTimeout(() => this.schedule(), BATCH_WAIT_MS);
  }

  /** Resolves once everything added so far has been read and emitted (rejects if reading failed). */
  drained(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.head >= this.queue.length && !this.scheduled) return Promise.resolve();
    // Nobody waits for a batch to fill any more: read the rest now.
    this.schedule();
    return new Promise<void>((resolve, reject) => this.idle.push(() => (this.failure ? reject(this.failure) : resolve())));
  }

  /** Reads what is queued after this turn's I/O and the sends it made way for (afterReleasedConnectionsSend). */
  private schedule(): void {
    if (this.batchTimer !== null) {
      clearTimeout(this.batchTimer);
      this.batchTimer = null;
    }
    if (this.scheduled) return;
    this.scheduled = true;
    afterReleasedConnectionsSend(() => void this.drain());
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
