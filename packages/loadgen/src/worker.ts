// Worker-thread entry: one issuer at a time on its own event loop, driven by messages from the main thread. The
// thread outlives its issuer: a pool (IssuerThreadPool) lends it to the next run of the process, already compiled.
import { parentPort } from 'node:worker_threads';
import { afterReleasedConnectionsSend } from './client/h1-pool.js';
import type { ThreadLoad } from './monitor/loop-monitor.js';
import { Issuer, type IssuerInit, type PhaseStart } from './run/issuer.js';
import { type PendingBatch, packPending } from './run/pending-batch.js';
import type { PendingRecord } from './run/request-executor.js';

export type ToWorker =
  /** Set up an issuer for a run (connections, dataset); answered with `ready`. */
  | { type: 'open'; init: IssuerInit }
  | { type: 'phase'; start: PhaseStart }
  | { type: 'stop' }
  | { type: 'abandon' }
  /** Close the run's issuer and its connections; answered with `closed`, and the thread waits for the next `open`. */
  | { type: 'close' }
  /** Leave: the thread ends once its loop is empty. */
  | { type: 'exit' };
export type FromWorker =
  | { type: 'ready' }
  /** Answered requests as they came off the wire, unread and packed: the main thread parses them and counts their tokens. */
  | { type: 'pending'; batch: PendingBatch }
  | { type: 'issuingStopped' }
  | { type: 'phaseDone'; load: ThreadLoad }
  /** The run's issuer is closed; `ok` false when closing it failed (the pool then ends this thread). */
  | { type: 'closed'; ok: boolean }
  | { type: 'failed'; message: string };

const port = parentPort!;
const post = (message: FromWorker, transfer?: ArrayBuffer[]) => port.postMessage(message, transfer);
const fail = (error: unknown) => post({ type: 'failed', message: String((error as Error)?.stack ?? error) });

/**
 * Requests go back in small batches: one message per request would cost the main thread more than the work. A full
 * batch is posted after the loop's pending I/O and the sends it made way for (afterReleasedConnectionsSend), never
 * inside the response callback that filled it: packing 64 exchanges there would delay the next sends of a wave and
 * the timestamps of chunks already waiting.
 * A batch is packed into one buffer that moves to the main thread without a copy (packPending says why); big
 * answers end a batch early, so that buffer stays a few MiB (64 bodies of up to 64 MiB each would not fit in one).
 */
const FLUSH_INTERVAL_MS = 50;
const FLUSH_SIZE = 64;
const FLUSH_BODY_BYTES = 8 * 1024 * 1024;

/** One run's issuer and the batch of answers on their way to the main thread. */
class RunOnThread {
  private batch: PendingRecord[] = [];
  private batchBodyBytes = 0;
  private flushScheduled = false;
  private readonly timer = setInterval(() => this.flush(), FLUSH_INTERVAL_MS);

  constructor(
    readonly issuer: Issuer,
    private readonly workerId: string,
  ) {}

  runPhase(start: PhaseStart): void {
    this.issuer
      .runPhase(start, (pending) => this.add(pending), () => post({ type: 'issuingStopped' }))
      .then((load) => {
        this.flush();
        post({ type: 'phaseDone', load });
      })
      .catch(fail);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.issuer.close();
  }

  private add(pending: PendingRecord): void {
    this.batchBodyBytes += pending.exchange.body.byteLength;
    if ((this.batch.push(pending) >= FLUSH_SIZE || this.batchBodyBytes >= FLUSH_BODY_BYTES) && !this.flushScheduled) {
      this.flushScheduled = true;
      afterReleasedConnectionsSend(() => this.flush());
    }
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.batch.length === 0) return;
    const packed = packPending(this.batch, this.workerId);
    post({ type: 'pending', batch: packed }, [packed.buffer]);
    this.batch = [];
    this.batchBodyBytes = 0;
  }
}

let run: RunOnThread | null = null;
port.on('message', (message: ToWorker) => {
  if (message.type === 'open') {
    Issuer.create(message.init)
      .then((issuer) => {
        run = new RunOnThread(issuer, message.init.workerId);
        post({ type: 'ready' });
      })
      .catch(fail);
  } else if (message.type === 'phase') run?.runPhase(message.start);
  else if (message.type === 'stop') run?.issuer.stop();
  else if (message.type === 'abandon') run?.issuer.abandon();
  else if (message.type === 'close') {
    const closing = run;
    run = null;
    void (closing?.close() ?? Promise.resolve()).then(
      () => post({ type: 'closed', ok: true }),
      () => post({ type: 'closed', ok: false }),
    );
  } else if (message.type === 'exit') port.close();
});
