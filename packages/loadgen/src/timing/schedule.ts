import type { ArrivalPattern } from '@aiperf/config';
import { createRng, gammaVariate } from '@aiperf/stats';
import { type RateSegment, timeAtCount } from './rate-profile.js';

/**
 * Send times for request-rate mode, as offsets (ns) from the phase start. Offsets are absolute — request k is due
 * at start + offset(k) no matter how late earlier sends were — so the schedule cannot drift. Arrivals are drawn
 * for a unit rate (constant: k; Poisson: sums of exponential gaps; gamma: sums of Gamma(k, 1/k) gaps, mean 1 and
 * coefficient of variation 1/√k) from a seeded stream, then mapped onto the rate profile. Every caller with the
 * same seed sees the same sequence (worker threads each take their own indices).
 */
export type SendSchedule = (index: number) => number;

export function createRateSchedule(pattern: ArrivalPattern, rate: number | readonly RateSegment[], seed: number | null, smoothness = 1): SendSchedule {
  const segments: readonly RateSegment[] = typeof rate === 'number' ? [{ durationS: Infinity, startRate: rate, endRate: rate }] : rate;
  const toNs = (count: number) => timeAtCount(segments, count) * 1e9;
  if (pattern === 'constant') return (index) => toNs(index);
  const rng = createRng(seed).fork(2);
  const gap = pattern === 'gamma' ? () => gammaVariate(rng, smoothness, 1 / smoothness) : () => rng.exponential(1);
  // The first request goes at the start; later ones after the drawn gaps. Cached so lookups are sequential.
  const counts: number[] = [0];
  return (index) => {
    while (counts.length <= index) counts.push(counts[counts.length - 1]! + gap());
    return toNs(counts[index]!);
  };
}

/** How many requests a schedule issues within a duration (the runner stops at the first offset ≥ duration). */
export function countScheduledWithin(schedule: SendSchedule, durationNs: number, limit = 1e7): number {
  let count = 0;
  while (count < limit && schedule(count) < durationNs) count += 1;
  return count;
}
