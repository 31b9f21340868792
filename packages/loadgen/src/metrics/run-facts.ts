import type { MetricStore } from './metric-store.js';
import { LATE_SEND_THRESHOLD_NS } from './run-metrics.js';

/** Rows of a store to compute over: all of them, or one time slice's rows and that slice's key. */
export interface StoreSelection {
  rows?: Uint32Array;
  sliceKey?: number;
}

/** Counts and extremes over a store's rows that run-level metrics are built from (one pass over the columns). */
export interface RunFacts {
  validCount: number;
  errorCount: number;
  /** Requests (valid or not) sent more than 1 ms behind their schedule. */
  lateCount: number;
  /** Greatest send lateness, ns. */
  maxLatenessNs: number;
  /** Earliest start and latest response end of the valid requests, epoch ns; undefined without valid requests. */
  minRequestEpochNs: bigint | undefined;
  maxResponseEpochNs: bigint | undefined;
}

export function runFacts(store: MetricStore, selection: StoreSelection): RunFacts {
  const count = selection.rows?.length ?? store.length;
  let validCount = 0;
  let lateCount = 0;
  let maxLatenessNs = 0;
  let minStart = Number.POSITIVE_INFINITY;
  let maxEnd = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < count; i++) {
    const row = selection.rows ? selection.rows[i]! : i;
    const lateness = store.sendLatenessNs(row);
    if (lateness > LATE_SEND_THRESHOLD_NS) lateCount += 1;
    if (lateness > maxLatenessNs) maxLatenessNs = lateness;
    if (!store.isValid(row)) continue;
    validCount += 1;
    minStart = Math.min(minStart, store.startOffsetNs(row));
    maxEnd = Math.max(maxEnd, store.responseEndOffsetNs(row));
  }
  return {
    validCount,
    errorCount: count - validCount,
    lateCount,
    maxLatenessNs,
    minRequestEpochNs: validCount > 0 ? store.epochNs(minStart) : undefined,
    maxResponseEpochNs: validCount > 0 ? store.epochNs(maxEnd) : undefined,
  };
}
