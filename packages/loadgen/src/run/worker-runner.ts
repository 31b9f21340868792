import type { ThreadLoad } from '../monitor/loop-monitor.js';
import type { FromWorker, ToWorker } from '../worker.js';
import type { IssuerThreadPool } from './issuer-thread-pool.js';
import { type IssuerTemplate, type LoadRunner, PHASE_LEAD_NS } from './load-runner.js';
import { unpackPending } from './pending-batch.js';
import { ReadQueue } from './read-queue.js';
import type { PendingRecord, RecordReader } from './request-executor.js';

/**
 * Requests from N worker threads (one issuer and connection pool each), taken from `pool` and given back at
 * `close()`. The threads only send and timestamp; the answers come back unread and are read here, on the main
 * thread (SSE parsed, tokens counted with `reader`'s tokenizer), so that work never delays a send or a chunk's
 * timestamp.
 */
export async function createWorkerRunner(
  pool: IssuerThreadPool,
  template: IssuerTemplate,
  shares: Array<number | null>,
  workerIds: string[],
  reader: Omit<RecordReader, 'tokenizer'> & { tokenizer: () => Promise<RecordReader['tokenizer']> },
): Promise<LoadRunner> {
  let onPending: (pending: PendingRecord) => void = () => {};
  let onMessage: (message: FromWorker) => void = () => {};
  // A thread that fails mid-phase fails the phase (never a silent hang).
  let onFailure: (error: Error) => void = () => {};
  const threads = pool.take(shares.length);
  const ready = threads.map((thread, index) => {
    let isReady: () => void = () => {};
    const promise = new Promise<void>((resolve) => (isReady = resolve));
    const fail = (reason: string) => onFailure(new Error(`load worker ${index} ${reason}`));
    thread.listen({
      failure: fail,
      message: (message) => {
        if (message.type === 'ready') isReady();
        else if (message.type === 'failed') fail(`failed: ${message.message}`);
        else if (message.type === 'pending') unpackPending(message.batch, onPending);
        else onMessage(message);
      },
    });
    thread.send({ type: 'open', init: { ...template, issuerIndex: index, issuers: shares.length, maxInFlight: shares[index]!, workerId: workerIds[index]! } });
    return promise;
  });
  // Once only: a second close after the threads went back to the pool would reach a thread another run now holds.
  let closing: Promise<void> | null = null;
  const closeAll = () =>
    (closing ??= (async () => {
      onFailure = () => {};
      await Promise.all(threads.map((thread) => thread.closeRun()));
      pool.give(threads);
    })());
  try {
    await new Promise<void>((resolve, reject) => {
      onFailure = reject;
      void Promise.all(ready).then(() => resolve());
    });
  } catch (error) {
    await closeAll();
    throw error;
  }
  const broadcast = (message: ToWorker) => {
    for (const thread of threads) thread.send(message);
  };

  return {
    issuerCount: threads.length,
    usesWorkerThreads: true,
    runPhase(start, recordSink, onIssuingStopped) {
      const reads = new ReadQueue({ config: reader.config, endpoint: reader.endpoint }, reader.tokenizer, recordSink);
      onPending = (pending) => reads.add(pending);
      // Concurrency mode: a shared counter hands the next index to whichever thread has a free slot.
      // Request-rate mode: strided indices, so each thread keeps the global schedule's send times.
      const counter = (start.load ?? template.config.load).mode === 'concurrency' ? new Int32Array(new SharedArrayBuffer(4)) : null;
      return new Promise<ThreadLoad[]>((resolve, reject) => {
        let stopped = 0;
        const loads: ThreadLoad[] = [];
        onFailure = reject;
        onMessage = (message) => {
          if (message.type === 'issuingStopped' && ++stopped === threads.length) onIssuingStopped();
          if (message.type === 'phaseDone' && loads.push(message.load) === threads.length) reads.drained().then(() => resolve(loads), reject);
        };
        const startPerfNs = process.hrtime.bigint() + PHASE_LEAD_NS;
        const sent = new Int32Array(new SharedArrayBuffer(4));
        broadcast({ type: 'phase', start: { ...start, startPerfNs, counter, sent } });
      });
    },
    stop: () => broadcast({ type: 'stop' }),
    abandon: () => broadcast({ type: 'abandon' }),
    close: closeAll,
  };
}

