import type { RunClock } from './types.js';

/**
 * The run's clock. Intervals come from the monotonic `process.hrtime.bigint()`; epoch stamps are the monotonic
 * reading shifted by one offset measured at start, so epoch values keep nanosecond resolution and never pass
 * through a JS number. Worker threads share the process's monotonic clock, so one offset serves all threads.
 */
export interface MonotonicRunClock extends RunClock {
  /** Epoch ns minus monotonic ns, measured once. */
  readonly epochOffsetNs: bigint;
  nowPerfNs(): bigint;
  toEpochNs(perfNs: bigint): bigint;
}

export function createRunClock(epochOffsetNs: bigint = measureEpochOffsetNs()): MonotonicRunClock {
  return {
    epochOffsetNs,
    nowPerfNs: () => process.hrtime.bigint(),
    toEpochNs: (perfNs) => perfNs + epochOffsetNs,
    nowEpochNs: () => process.hrtime.bigint() + epochOffsetNs,
  };
}

/** `performance.timeOrigin + performance.now()` gives sub-millisecond wall time; pair it with hrtime. */
function measureEpochOffsetNs(): bigint {
  const perfNs = process.hrtime.bigint();
  const wallMs = performance.timeOrigin + performance.now();
  const wholeMs = Math.floor(wallMs);
  const wallNs = BigInt(wholeMs) * 1_000_000n + BigInt(Math.round((wallMs - wholeMs) * 1e6));
  return wallNs - perfNs;
}

/** ISO-8601 local naive timestamp with microseconds, the way AIPerf writes `start_time`/`end_time`. */
export function isoLocalMicros(epochNs: bigint): string {
  const ms = Number(epochNs / 1_000_000n);
  const micros = Number((epochNs / 1_000n) % 1_000_000n);
  const d = new Date(ms);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(micros, 6)}`
  );
}
