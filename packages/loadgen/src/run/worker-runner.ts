import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ThreadLoad } from '../monitor/loop-monitor.js';
import type { FromWorker, ToWorker } from '../worker.js';
import { type IssuerTemplate, type LoadRunner, PHASE_LEAD_NS } from './load-runner.js';
import { unpackPending } from './pending-batch.js';
import { ReadQueue } from './read-queue.js';
import type { PendingRecord, RecordReader } from './request-executor.js';

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
  /** Resolves when the thread has exited (for whatever reason). */
  exited: Promise<void>;
  /** Resolves when the thread's issuer is set up. */
  ready: Promise<void>;
  send(message: ToWorker): void;
}

/**
 * Requests from N worker threads (one issuer and connection pool each). The threads only send and timestamp; the
 * answers come back unread and are read here, on the main thread (SSE parsed, tokens counted with `reader`'s
 * tokenizer), so that work never delays a send or a chunk's timestamp.
 */
export async function createWorkerRunner(
  script: URL,
  template: IssuerTemplate,
  shares: Array<number | null>,
  workerIds: string[],
  reader: Omit<RecordReader, 'tokenizer'> & { tokenizer: () => Promise<RecordReader['tokenizer']> },
): Promise<LoadRunner> {
  let onPending: (pending: PendingRecord) => void = () => {};
  let onMessage: (message: FromWorker) => void = () => {};
  // A thread that fails mid-phase fails the phase (never a silent hang).
  let onFailure: (error: Error) => void = () => {};
  const spawn = (maxInFlight: number | null, index: number): WorkerHandle => {
    const worker = new Worker(script, {
      // Only when there is a condition to drop: an explicit execArgv is checked, and per-process flags such as
      // --expose-gc (pnpm bench) are rejected in a thread; inherited ones are not.
      ...(process.execArgv.includes('@aiperf/source') || process.execArgv.includes('--conditions=@aiperf/source')
        ? { execArgv: withoutSourceCondition(process.execArgv) }
        : {}),
      workerData: { ...template, issuerIndex: index, issuers: shares.length, maxInFlight, workerId: workerIds[index] },
    });
    const exited = new Promise<void>((done) => worker.once('exit', () => done()));
    let ready: () => void = () => {};
    const handle: WorkerHandle = { worker, exited, ready: new Promise<void>((resolve) => (ready = resolve)), send: (m) => worker.postMessage(m) };
    const fail = (error: Error) => onFailure(error);
    worker.on('error', fail);
    void exited.then(() => fail(new Error(`load worker ${index} exited unexpectedly`)));
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'ready') ready();
      else if (message.type === 'failed') fail(new Error(`load worker ${index} failed: ${message.message}`));
      else if (message.type === 'pending') unpackPending(message.batch, onPending);
      else onMessage(message);
    });
    return handle;
  };
  const handles = shares.map(spawn);
  const closeAll = () => Promise.all(handles.map((h) => closeWorker(h)));
  try {
    await new Promise<void>((resolve, reject) => {
      onFailure = reject;
      void Promise.all(handles.map((h) => h.ready)).then(() => resolve());
    });
  } catch (error) {
    await closeAll();
    throw error;
  }
  const broadcast = (message: ToWorker) => handles.forEach((h) => h.send(message));

  return {
    issuerCount: handles.length,
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
          if (message.type === 'issuingStopped' && ++stopped === handles.length) onIssuingStopped();
          if (message.type === 'phaseDone' && loads.push(message.load) === handles.length) reads.drained().then(() => resolve(loads), reject);
        };
        const startPerfNs = process.hrtime.bigint() + PHASE_LEAD_NS;
        const sent = new Int32Array(new SharedArrayBuffer(4));
        broadcast({ type: 'phase', start: { ...start, startPerfNs, counter, sent } });
      });
    },
    stop: () => broadcast({ type: 'stop' }),
    abandon: () => broadcast({ type: 'abandon' }),
    async close() {
      onFailure = () => {};
      await closeAll();
    },
  };
}

/** Asks a thread to wind down; one that does not within 2 s (or already died) is terminated. */
async function closeWorker(handle: WorkerHandle): Promise<void> {
  const kill = setTimeout(() => void handle.worker.terminate(), 2000);
  handle.send({ type: 'close' });
  await handle.exited;
  clearTimeout(kill);
}

/**
 * The worker script is built code and must import built packages, but a thread inherits the parent's flags, and
 * tests run with `--conditions @aiperf/source` (workspace packages resolved to their TypeScript sources).
 */
export function withoutSourceCondition(execArgv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i]!;
    if ((arg === '--conditions' || arg === '-C') && execArgv[i + 1] === '@aiperf/source') i += 1;
    else if (arg !== '--conditions=@aiperf/source') out.push(arg);
  }
  return out;
}
