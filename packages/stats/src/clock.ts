/** The run's clock: epoch nanoseconds (a bigint, never through a JS number, which loses precision above 2^53). */
export interface RunClock {
  nowEpochNs(): bigint;
}

/**
 * A run clock whose intervals come from the monotonic `process.hrtime.bigint()`; epoch stamps are the monotonic
 * reading shifted by one offset measured at start, so they keep nanosecond resolution and never jump with NTP.
 * Worker threads share the process's monotonic clock, so one offset serves all threads.
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
