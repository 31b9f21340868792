import type { ArrivalPattern } from '@aiperf/config';
import { createRng } from '@aiperf/stats';

/**
 * Send times for request-rate mode, as offsets (ns) from the phase start. Offsets are absolute — request k is due
 * at start + offset(k) no matter how late earlier sends were — so the schedule cannot drift: constant arrivals
 * are k/R exactly; Poisson arrivals are cumulative sums of exponential gaps with mean 1/R from a seeded stream.
 * Every caller with the same seed sees the same sequence (worker threads each take their own indices).
 */
export type SendSchedule = (index: number) => number;

export function createRateSchedule(pattern: ArrivalPattern, ratePerSecond: number, seed: number | null): SendSchedule {
  const meanGapNs = 1e9 / ratePerSecond;
  if (pattern === 'constant') return (index) => index * meanGapNs;
  const rng = createRng(seed).fork(2);
  // The first request goes at the start; later ones after exponential gaps. Cached so lookups are sequential.
  const offsets: number[] = [0];
  return (index) => {
    while (offsets.length <= index) offsets.push(offsets[offsets.length - 1]! + rng.exponential(meanGapNs));
    return offsets[index]!;
  };
}

/** How many requests a schedule issues within a duration (the runner stops at the first offset ≥ duration). */
export function countScheduledWithin(schedule: SendSchedule, durationNs: number, limit = 1e7): number {
  let count = 0;
  while (count < limit && schedule(count) < durationNs) count += 1;
  return count;
}
