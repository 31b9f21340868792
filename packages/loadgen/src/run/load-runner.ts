import type { RequestRecord } from '../records.js';
import type { ThreadLoad } from '../monitor/loop-monitor.js';
import type { IssuerInit, PhaseStart } from './issuer.js';

/** Runs phases on one or more event loops; records flow back through `onRecord`. */
export interface LoadRunner {
  readonly issuerCount: number;
  /** Requests are issued from worker threads (the main thread only collects records). */
  readonly usesWorkerThreads: boolean;
  /**
   * Runs a phase; `onIssuingStopped` fires once every issuer has sent its last request. Resolves when every
   * request has settled (or been abandoned), with each issuing thread's event-loop load.
   */
  runPhase(start: Omit<PhaseStart, 'counter' | 'sent' | 'startPerfNs'>, onRecord: (record: RequestRecord) => void, onIssuingStopped: () => void): Promise<ThreadLoad[]>;
  stop(): void;
  abandon(): void;
  close(): Promise<void>;
}

/**
 * A phase starts this long after it is set up, on one monotonic instant for every issuer: a message hop to a
 * worker thread takes well under it, and so does the issuing loop's own set-up (the schedule, the first calls of
 * the phase's code). Without it a scheduled phase on the main loop started at once, and its first request, due at
 * the start, was recorded ~4–7 ms late (median of 8 fresh processes) where a worker thread's was ~0.5–1 ms.
 */
export const PHASE_LEAD_NS = 20_000_000n;

/** Splits an in-flight cap over issuers (earlier issuers take the remainder); null stays uncapped for all. */
export function splitInFlight(cap: number | null, issuers: number): Array<number | null> {
  if (cap === null) return Array.from({ length: issuers }, () => null);
  const used = Math.min(cap, issuers);
  return Array.from({ length: used }, (_, k) => Math.floor(cap / used) + (k < cap % used ? 1 : 0));
}

export type IssuerTemplate = Omit<IssuerInit, 'issuerIndex' | 'issuers' | 'maxInFlight' | 'workerId'>;

/** `worker_xxxxxxxx`-style ids, as AIPerf writes them into the per-record metadata. */
export const workerIdFor = (index: number, runTag: string) => `worker_${runTag}${index.toString(16).padStart(2, '0')}`;
