import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker } from '../worker.js';
import { type ThreadExecArgv, threadExecArgv } from './thread-exec-argv.js';

/** How long a thread may take to close its run's issuer (its connections), or to leave, before it is ended. */
const WIND_DOWN_MS = 2000;

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

/** Where a lent thread's messages go, and its failures: `reason` completes "load worker N …". */
export interface ThreadListener {
  message(message: FromWorker): void;
  failure(reason: string): void;
}

/** One issuing thread: lent to one run at a time, then back in its pool. */
export class IssuerThread {
  private readonly worker: Worker;
  /** Resolves when the thread has exited (for whatever reason). */
  readonly exited: Promise<void>;
  private running = true;
  private listener: ThreadListener | null = null;

  constructor(script: URL) {
    this.worker = startWorker(script, threadExecArgv(process.execArgv));
    this.exited = new Promise<void>((done) => this.worker.once('exit', () => done()));
    void this.exited.then(() => {
      this.running = false;
      this.listener?.failure('exited unexpectedly');
    });
    this.worker.on('error', (error) => this.listener?.failure(`failed: ${error.message}`));
    this.worker.on('message', (message: FromWorker) => this.listener?.message(message));
  }

  get alive(): boolean {
    return this.running;
  }

  send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  /** Routes the thread's messages and failures to `listener` (null: dropped, as while idle in the pool). */
  listen(listener: ThreadListener | null): void {
    this.listener = listener;
  }

  /** Whether the thread alone may keep the process alive: only while it is lent to a run. */
  holdProcess(hold: boolean): void {
    if (hold) this.worker.ref();
    else this.worker.unref();
  }

  /**
   * Asks the thread to close its run's issuer and waits for it; a thread that does not within WIND_DOWN_MS, could
   * not, or died, is ended (a pool never lends a thread whose last run may still hold connections or be sending).
   */
  async closeRun(): Promise<void> {
    if (!this.running) return;
    const closed = await new Promise<boolean>((resolve) => {
      const timeout = setTimeout(() => resolve(false), WIND_DOWN_MS);
      const settle = (ok: boolean) => {
        clearTimeout(timeout);
        resolve(ok);
      };
      // Anything else still arriving (answers, a late failure of the phase) belongs to the run that is ending.
      this.listen({ message: (message) => message.type === 'closed' && settle(message.ok), failure: () => settle(false) });
      this.send({ type: 'close' });
    });
    if (closed) return;
    this.listener = null;
    await this.worker.terminate();
  }

  /** Asks the thread to leave; one that does not within WIND_DOWN_MS is terminated. */
  async exit(): Promise<void> {
    this.listener = null;
    if (!this.running) return;
    const kill = setTimeout(() => void this.worker.terminate(), WIND_DOWN_MS);
    this.send({ type: 'exit' });
    await this.exited;
    clearTimeout(kill);
  }
}

/**
 * Issuing threads kept between the runs of one process (the runs of a multi-run, a sweep, a search recipe's
 * probes; pass one pool to each `runProfile` through `issuerThreads`). A new thread starts a cold V8 isolate that
 * compiles the issuing code again while it sends: at 1,000 streams in step (3 waves after a warm-up wave) the client's
 * CPU per request was ~440 µs with a new thread against ~280 µs issuing from the already warm main loop, and the two
 * met (~210 µs) only after ~30 waves. Idle threads do not keep the process alive; `close()` ends them.
 */
export class IssuerThreadPool {
  private readonly idle: IssuerThread[] = [];
  private closed = false;
  /** Threads started so far (a run that found idle ones started fewer). */
  started = 0;

  /** `script` is the worker entry (default: the built `dist/worker.js`, see findWorkerScript). */
  constructor(readonly script: URL | null = findWorkerScript()) {}

  /** `count` threads for one run: idle ones first, new ones for the rest. */
  take(count: number): IssuerThread[] {
    if (this.closed) throw new Error('this issuer thread pool is closed');
    if (this.script === null) throw new Error('worker threads need the built package (dist/worker.js)');
    const threads: IssuerThread[] = [];
    while (threads.length < count) {
      const thread = this.idle.pop() ?? this.start(this.script);
      if (!thread.alive) continue;
      thread.holdProcess(true);
      threads.push(thread);
    }
    return threads;
  }

  private start(script: URL): IssuerThread {
    this.started += 1;
    return new IssuerThread(script);
  }

  /** Threads a run is done with (their issuers closed): the living ones wait here for the next run. */
  give(threads: IssuerThread[]): void {
    for (const thread of threads) {
      thread.listen(null);
      if (!thread.alive) continue;
      if (this.closed) {
        void thread.exit();
        continue;
      }
      thread.holdProcess(false);
      this.idle.push(thread);
    }
  }

  /** Ends the idle threads; threads still lent to a run end when they are given back. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.idle.splice(0).map((thread) => thread.exit()));
  }
}

function startWorker(script: URL, flags: ThreadExecArgv): Worker {
  if (flags.inherit) return new Worker(script);
  try {
    return new Worker(script, { execArgv: flags.execArgv });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error;
    return new Worker(script, { execArgv: flags.fallback });
  }
}
