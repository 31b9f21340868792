import { availableParallelism } from 'node:os';
import { type TextTokenizer, loadTokenizer } from '../dataset/tokenizer.js';
import type { IssuerParts } from './issuer.js';
import type { LoadRunner, IssuerTemplate } from './load-runner.js';
import { splitInFlight, workerIdFor } from './load-runner.js';
import { createLocalRunner } from './local-runner.js';
import { createWorkerRunner, findWorkerScript } from './worker-runner.js';

export interface RunnerChoice {
  runner: LoadRunner;
  /** Why fewer threads were used than asked for, if so. */
  note: string | null;
}

/**
 * From this many requests in flight, requests are spread over several worker threads by default. Below it one
 * event loop keeps up, and threads only cost: each answer crosses a thread (a structured clone) and the threads
 * compete with the server for the same cores (non-streaming at 64 connections, the client's CPU per request
 * measured 1.7× with two threads). Uncapped loads (request rate) count as high.
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
 * `benchmark.load.workers` threads (null = defaultWorkerThreads), never more than the in-flight cap allows. An
 * explicit `--workers 1` issues from the main event loop (no message hop for records, the least CPU). By default
 * even a single issuing thread is a worker thread: the main thread's own work (the live dashboard, server-metrics
 * scrapes, the record sink) then never delays a response chunk's timestamp.
 */
export async function createRunner(template: IssuerTemplate, parts: IssuerParts, maxInFlight: number | null, runTag: string): Promise<RunnerChoice> {
  const explicit = template.config.load.workers;
  const shares = splitInFlight(maxInFlight, Math.max(1, explicit ?? defaultWorkerThreads(maxInFlight)));
  if (shares.length <= 1 && explicit !== null) {
    return { runner: await createLocalRunner(template, parts, maxInFlight, workerIdFor(0, runTag)), note: null };
  }
  const script = findWorkerScript();
  if (!script) {
    return {
      runner: await createLocalRunner(template, parts, maxInFlight, workerIdFor(0, runTag)),
      note: shares.length > 1 ? 'worker threads need the built package (dist/worker.js); issuing from the main thread instead' : null,
    };
  }
  const ids = shares.map((_, index) => workerIdFor(index, runTag));
  const given = parts.tokenizer;
  let loading: Promise<TextTokenizer> | undefined;
  const tokenizer = () => (given ? Promise.resolve(given) : (loading ??= loadTokenizer(template.config.input.tokenizer)));
  return { runner: await createWorkerRunner(script, template, shares, ids, { config: template.config, endpoint: parts.endpoint, tokenizer }), note: null };
}
