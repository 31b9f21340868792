import { availableParallelism } from 'node:os';
import { type TextTokenizer, loadTokenizer } from '../dataset/tokenizer.js';
import type { IssuerParts } from './issuer.js';
import type { LoadRunner, IssuerTemplate } from './load-runner.js';
import { splitInFlight, workerIdFor } from './load-runner.js';
import { createLocalRunner } from './local-runner.js';
import { IssuerThreadPool } from './issuer-thread-pool.js';
import { createWorkerRunner } from './worker-runner.js';

export interface RunnerChoice {
  runner: LoadRunner;
  /** Why fewer threads were used than asked for, if so. */
  note: string | null;
}

/**
 * From this many requests in flight, requests are spread over several worker threads by default. Below it one
 * event loop keeps up, and threads only cost: each answer crosses a thread and the threads compete with the
 * server for the same cores (non-streaming at 64 connections, the client's CPU per request measured 1.7× with two
 * threads). Uncapped loads (request rate) count as high.
 */
export const WORKER_THREADS_FROM_IN_FLIGHT = 256;

/**
 * The default issuing thread count for a load: at a high in-flight cap one per core less one, at least one; else
 * one. The main thread reads every answer (SSE parsing, token counts, metrics, JSONL), about as much CPU as sending
 * it, so it keeps a core of its own. Each thread more costs CPU of its own (an isolate's GC and JIT, cross-thread
 * wake-ups): streaming at 100 in flight the client's CPU per request measured ~180–330 µs on the main loop alone,
 * ~350–370 µs with one issuing thread and ~450–470 µs with two, and on a machine that also runs the server (the
 * benchmarks, CI) that CPU is the server's.
 */
export function defaultWorkerThreads(maxInFlight: number | null, cores = availableParallelism()): number {
  return maxInFlight !== null && maxInFlight < WORKER_THREADS_FROM_IN_FLIGHT ? 1 : Math.max(1, cores - 1);
}

/**
 * Whether the run issues from the main event loop rather than worker threads. An explicit `--workers 1` does. By
 * default a load below WORKER_THREADS_FROM_IN_FLIGHT does too when that loop has nothing else to do that could
 * hold it for milliseconds (`mainLoopBusy`: the live dashboard's renders, server-metrics or GPU scrapes that
 * still have an endpoint after their first scrape; a server without /metrics leaves nothing to scrape), since
 * then a chunk's timestamp never waits for such work; with that work it issues from one worker thread instead.
 * Why the main loop when it can: CPU per request is now about the same either way, but a thread costs ~80 ms of
 * CPU once to start, and on two cores it is three busy threads while the server accepts a wave: the time from the
 * client's write to the server seeing the request grew from ~1.5–2 ms p50 (raw undici client, or aiperf on one
 * loop) to ~2–9 ms, which was the whole TTFT overhead over the raw client at 100 streams. CPU per request over the
 * profiling phase in a fresh process (bench/profile-streams.mjs and profile-rate.mjs, AIPERF_BENCH_THREAD=1 for
 * the thread, 5 alternating runs at load 15–20, medians): 100 streams 512 µs on one loop, 521 with a thread;
 * non-streaming at 64 connections 218 and 221 (232 before the answers were packed for the hop, pending-batch.ts).
 * An earlier 620–740 against 360–580 µs came from stream-cpu.mjs, whose thread runs each start a cold isolate
 * while its main-loop runs reuse one that earlier runs in the process had already compiled.
 */
export function issuesFromMainLoop(explicitWorkers: number | null, issuers: number, maxInFlight: number | null, mainLoopBusy: boolean): boolean {
  if (issuers > 1) return false;
  if (explicitWorkers !== null) return true;
  return !mainLoopBusy && maxInFlight !== null && maxInFlight < WORKER_THREADS_FROM_IN_FLIGHT;
}

export interface RunnerOptions {
  /** The main loop has work that can hold it for milliseconds (see issuesFromMainLoop); default true. */
  mainLoopBusy?: boolean;
  /** Issuing threads kept across the runs of this process; default: a pool of this run's own. */
  threads?: IssuerThreadPool;
}

/**
 * `benchmark.load.workers` threads (null = defaultWorkerThreads), never more than the in-flight cap allows, or the
 * main event loop (issuesFromMainLoop). Worker threads only send and timestamp; the main thread reads the answers.
 * The threads come from `threads` and go back to it when the runner closes; without one, from a pool of this
 * run's own that the runner closes with it.
 */
export async function createRunner(
  template: IssuerTemplate,
  parts: IssuerParts,
  maxInFlight: number | null,
  runTag: string,
  { mainLoopBusy = true, threads }: RunnerOptions = {},
): Promise<RunnerChoice> {
  const explicit = template.config.load.workers;
  const shares = splitInFlight(maxInFlight, Math.max(1, explicit ?? defaultWorkerThreads(maxInFlight)));
  if (issuesFromMainLoop(explicit, shares.length, maxInFlight, mainLoopBusy)) {
    return { runner: await createLocalRunner(template, parts, maxInFlight, workerIdFor(0, runTag)), note: null };
  }
  const pool = threads ?? new IssuerThreadPool();
  if (pool.script === null) {
    return {
      runner: await createLocalRunner(template, parts, maxInFlight, workerIdFor(0, runTag)),
      note: shares.length > 1 ? 'worker threads need the built package (dist/worker.js); issuing from the main thread instead' : null,
    };
  }
  const ids = shares.map((_, index) => workerIdFor(index, runTag));
  const given = parts.tokenizer;
  let loading: Promise<TextTokenizer> | undefined;
  const tokenizer = () => (given ? Promise.resolve(given) : (loading ??= loadTokenizer(template.config.input.tokenizer)));
  const runner = await createWorkerRunner(pool, template, shares, ids, { config: template.config, endpoint: parts.endpoint, tokenizer }).catch(async (error: unknown) => {
    if (!threads) await pool.close();
    throw error;
  });
  if (threads) return { runner, note: null };
  const closeRunner = runner.close;
  return { runner: { ...runner, close: () => closeRunner().then(() => pool.close()) }, note: null };
}
