import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RequestRecord } from '../records.js';
import type { FromWorker, ToWorker } from '../worker.js';
import type { IssuerTemplate, LoadRunner } from './load-runner.js';

/** Lead time so every thread starts a phase on the same monotonic instant (a message hop takes well under it). */
const PHASE_LEAD_NS = 20_000_000n;

/**
 * The built worker entry: next to the bundle (`dist/worker.js`), or the package's `dist/` when running from
 * sources (tests); null when neither exists (then the caller falls back to one event loop).
 */
export function findWorkerScript(): URL | null {
  for (const candidate of ['./worker.js', '../dist/worker.js', '../../dist/worker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

interface WorkerHandle {
  worker: Worker;
  send(message: ToWorker): void;
}

/** Requests from N worker threads (one issuer and connection pool each); records merge on the main thread. */
export async function createWorkerRunner(
  script: URL,
  template: IssuerTemplate,
  shares: Array<number | null>,
  workerIds: string[],
): Promise<LoadRunner> {
  let onRecord: (record: RequestRecord) => void = () => {};
  let onMessage: (index: number, message: FromWorker) => void = () => {};
  const handles = await Promise.all(
    shares.map(
      (maxInFlight, index) =>
        new Promise<WorkerHandle>((resolve, reject) => {
          const worker = new Worker(script, {
            workerData: { ...template, issuerIndex: index, issuers: shares.length, maxInFlight, workerId: workerIds[index] },
          });
          const handle: WorkerHandle = { worker, send: (m) => worker.postMessage(m) };
          worker.on('error', reject);
          worker.on('message', (message: FromWorker) => {
            if (message.type === 'ready') resolve(handle);
            else if (message.type === 'failed') reject(new Error(`load worker ${index} failed: ${message.message}`));
            else if (message.type === 'records') for (const record of message.records) onRecord(record);
            else onMessage(index, message);
          });
        }),
    ),
  );
  const broadcast = (message: ToWorker) => handles.forEach((h) => h.send(message));

  return {
    issuerCount: handles.length,
    runPhase(start, recordSink, onIssuingStopped) {
      onRecord = recordSink;
      // Concurrency mode: a shared counter hands the next index to whichever thread has a free slot.
      // Request-rate mode: strided indices, so each thread keeps the global schedule's send times.
      const counter = template.config.load.mode === 'concurrency' ? new Int32Array(new SharedArrayBuffer(4)) : null;
      return new Promise<void>((resolve, reject) => {
        let stopped = 0;
        let done = 0;
        onMessage = (_index, message) => {
          if (message.type === 'issuingStopped' && ++stopped === handles.length) onIssuingStopped();
          if (message.type === 'phaseDone' && ++done === handles.length) resolve();
        };
        for (const h of handles) h.worker.once('error', reject);
        const startPerfNs = process.hrtime.bigint() + PHASE_LEAD_NS;
        broadcast({ type: 'phase', start: { ...start, startPerfNs, counter } });
      });
    },
    stop: () => broadcast({ type: 'stop' }),
    abandon: () => broadcast({ type: 'abandon' }),
    async close() {
      await Promise.all(handles.map((h) => new Promise<void>((resolve) => {
        const kill = setTimeout(() => void h.worker.terminate(), 2000);
        h.worker.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        h.send({ type: 'close' });
      })));
    },
  };
}
