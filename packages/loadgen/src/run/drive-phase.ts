import type { ThreadLoad } from '../monitor/loop-monitor.js';
import type { RequestRecord } from '../records.js';
import type { PhaseStart } from './issuer.js';
import type { LoadRunner } from './load-runner.js';

/** After Ctrl+C, in-flight requests get this long to finish before they are abandoned. */
export const CANCEL_GRACE_MS = 3_000;
/** setTimeout cannot wait longer than this; a longer (or infinite) grace means "wait for every response". */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface DriveOptions {
  /** Grace after a duration-bound phase stops issuing (seconds; Infinity = wait for all). */
  gracePeriodSeconds: number;
  signal?: AbortSignal;
  /** Ends the phase early but normally (convergence): stop issuing, then the duration grace for what is in flight. */
  finish?: AbortSignal;
  onRecord(record: RequestRecord): void;
}

export interface PhaseOutcome {
  cancelled: boolean;
  /** Each issuing thread's event-loop load over the phase (none when it never started). */
  threads: ThreadLoad[];
  /** Epoch-independent monotonic end of the phase. */
  endPerfNs: bigint;
}

/** Runs one phase with the stop rules: duration grace, and Ctrl+C = stop issuing, short grace, abandon the rest. */
export async function drivePhase(runner: LoadRunner, start: Omit<PhaseStart, 'counter' | 'sent' | 'startPerfNs'>, options: DriveOptions): Promise<PhaseOutcome> {
  if (options.signal?.aborted) return { cancelled: true, threads: [], endPerfNs: process.hrtime.bigint() };
  let graceTimer: NodeJS.Timeout | undefined;
  const abandonAfter = (ms: number) => {
    if (graceTimer !== undefined || !(ms < MAX_TIMER_MS)) return;
    graceTimer = setTimeout(() => runner.abandon(), ms);
  };
  const onAbort = () => {
    runner.stop();
    abandonAfter(CANCEL_GRACE_MS);
  };
  const onFinish = () => {
    runner.stop();
    abandonAfter(options.gracePeriodSeconds * 1000);
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.finish?.aborted) onFinish();
  else options.finish?.addEventListener('abort', onFinish, { once: true });
  let threads: ThreadLoad[];
  try {
    threads = await runner.runPhase(start, options.onRecord, () => {
      if (start.durationNs !== null) abandonAfter(options.gracePeriodSeconds * 1000);
    });
  } finally {
    clearTimeout(graceTimer);
    options.signal?.removeEventListener('abort', onAbort);
    options.finish?.removeEventListener('abort', onFinish);
  }
  return { cancelled: Boolean(options.signal?.aborted), threads, endPerfNs: process.hrtime.bigint() };
}
