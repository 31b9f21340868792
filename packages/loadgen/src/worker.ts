// Worker-thread entry: one issuer on its own event loop, driven by messages from the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import type { RequestRecord } from './records.js';
import type { ThreadLoad } from './monitor/loop-monitor.js';
import { Issuer, type IssuerInit, type PhaseStart } from './run/issuer.js';

export type ToWorker = { type: 'phase'; start: PhaseStart } | { type: 'stop' } | { type: 'abandon' } | { type: 'close' };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'records'; records: RequestRecord[] }
  | { type: 'issuingStopped' }
  | { type: 'phaseDone'; load: ThreadLoad }
  | { type: 'failed'; message: string };

const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);

/** Records go back in small batches: one message per record would cost the main thread more than the work. */
const FLUSH_INTERVAL_MS = 50;
const FLUSH_SIZE = 64;

async function main(): Promise<void> {
  const issuer = await Issuer.create(workerData as IssuerInit);
  let batch: RequestRecord[] = [];
  const flush = () => {
    if (batch.length === 0) return;
    post({ type: 'records', records: batch });
    batch = [];
  };
  const timer = setInterval(flush, FLUSH_INTERVAL_MS);
  port.on('message', (message: ToWorker) => {
    if (message.type === 'phase') {
      issuer
        .runPhase(message.start, (record) => {
          batch.push(record);
          if (batch.length >= FLUSH_SIZE) flush();
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
