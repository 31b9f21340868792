// Worker-thread entry: one issuer on its own event loop, driven by messages from the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import type { ThreadLoad } from './monitor/loop-monitor.js';
import { Issuer, type IssuerInit, type PhaseStart } from './run/issuer.js';
import { type PendingBatch, packPending } from './run/pending-batch.js';
import type { PendingRecord } from './run/request-executor.js';

export type ToWorker = { type: 'phase'; start: PhaseStart } | { type: 'stop' } | { type: 'abandon' } | { type: 'close' };
export type FromWorker =
  | { type: 'ready' }
  /** Answered requests as they came off the wire, unread and packed: the main thread parses them and counts their tokens. */
  | { type: 'pending'; batch: PendingBatch }
  | { type: 'issuingStopped' }
  | { type: 'phaseDone'; load: ThreadLoad }
  | { type: 'failed'; message: string };

const port = parentPort!;
const post = (message: FromWorker, transfer?: ArrayBuffer[]) => port.postMessage(message, transfer);

/**
 * Requests go back in small batches: one message per request would cost the main thread more than the work. A full
 * batch is posted after the loop's pending I/O (setImmediate), never inside the response callback that filled it:
 * packing 64 exchanges there would delay the next sends of a wave and the timestamps of chunks already waiting.
 * A batch is packed into one buffer that moves to the main thread without a copy (packPending says why); big
 * answers end a batch early, so that buffer stays a few MiB (64 bodies of up to 64 MiB each would not fit in one).
 */
const FLUSH_INTERVAL_MS = 50;
const FLUSH_SIZE = 64;
const FLUSH_BODY_BYTES = 8 * 1024 * 1024;

async function main(): Promise<void> {
  const init = workerData as IssuerInit;
  const issuer = await Issuer.create(init);
  let batch: PendingRecord[] = [];
  let batchBodyBytes = 0;
  let flushScheduled = false;
  const flush = () => {
    flushScheduled = false;
    if (batch.length === 0) return;
    const packed = packPending(batch, init.workerId);
    post({ type: 'pending', batch: packed }, [packed.buffer]);
    batch = [];
    batchBodyBytes = 0;
  };
  const timer = setInterval(flush, FLUSH_INTERVAL_MS);
  port.on('message', (message: ToWorker) => {
    if (message.type === 'phase') {
      issuer
        .runPhase(message.start, (pending) => {
          batchBodyBytes += pending.exchange.body.byteLength;
          if ((batch.push(pending) >= FLUSH_SIZE || batchBodyBytes >= FLUSH_BODY_BYTES) && !flushScheduled) {
            flushScheduled = true;
            setImmediate(flush);
          }
        }, () => post({ type: 'issuingStopped' }))
        .then((load) => {
          flush();
          post({ type: 'phaseDone', load });
        })
        .catch((error: unknown) => post({ type: 'failed', message: String((error as Error)?.stack ?? error) }));
    } else if (message.type === 'stop') issuer.stop();
    else if (message.type === 'abandon') issuer.abandon();
    else if (message.type === 'close') {
      clearInterval(timer);
      void issuer.close().finally(() => port.close());
    }
  });
  post({ type: 'ready' });
}

main().catch((error: unknown) => post({ type: 'failed', message: String((error as Error)?.stack ?? error) }));
