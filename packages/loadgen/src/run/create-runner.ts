import { availableParallelism } from 'node:os';
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
 * `benchmark.load.workers` threads (null = one per core), never more than the in-flight cap allows. One thread
 * means the main event loop issues the requests itself (no message hop for records).
 */
export async function createRunner(template: IssuerTemplate, parts: IssuerParts, maxInFlight: number | null, runTag: string): Promise<RunnerChoice> {
  const wanted = template.config.load.workers ?? availableParallelism();
  const shares = splitInFlight(maxInFlight, Math.max(1, wanted));
  if (shares.length <= 1) {
    return { runner: await createLocalRunner(template, parts, maxInFlight, workerIdFor(0, runTag)), note: null };
  }
  const script = findWorkerScript();
  if (!script) {
    return {
      runner: await createLocalRunner(template, parts, maxInFlight, workerIdFor(0, runTag)),
      note: 'worker threads need the built package (dist/worker.js); issuing from the main thread instead',
    };
  }
  const ids = shares.map((_, index) => workerIdFor(index, runTag));
  return { runner: await createWorkerRunner(script, template, shares, ids), note: null };
}
