import { type LoadConfig, parseRateSeries } from '@aiperf/config';

/** A stretch of the run whose rate moves linearly from `startRate` to `endRate` (req/s) over `durationS`. */
export interface RateSegment {
  /** Infinity for the last segment, which holds until the run ends. */
  durationS: number;
  startRate: number;
  endRate: number;
}

/** The rate over time: --request-rate-series, else --request-rate, ramped from 0 over --request-rate-ramp-duration. */
export function rateSegments(load: LoadConfig): RateSegment[] {
  if (load.requestRateSeries !== null) {
    const series = parseRateSeries(load.requestRateSeries);
    if (typeof series === 'string') throw new Error(`--request-rate-series: ${series}`);
    return series.map((s, i) => ({ durationS: i === series.length - 1 ? Infinity : (s.durationSeconds ?? Infinity), startRate: s.rate, endRate: s.rate }));
  }
  const rate = load.requestRate ?? 1;
  const ramp = load.requestRateRampDurationSeconds;
  const steady: RateSegment = { durationS: Infinity, startRate: rate, endRate: rate };
  return ramp === null ? [steady] : [{ durationS: ramp, startRate: 0, endRate: rate }, steady];
}

/**
 * The time (s) at which the expected request count ∫r reaches `count`: the inverse of the cumulative rate. Arrivals
 * drawn for a unit rate and mapped through it follow any rate profile (a time-changed renewal process), so a
 * ramp or a series keeps the chosen arrival pattern and every send time stays absolute.
 */
export function timeAtCount(segments: readonly RateSegment[], count: number): number {
  let startS = 0;
  let left = count;
  for (const { durationS, startRate, endRate } of segments) {
    const slope = Number.isFinite(durationS) ? (endRate - startRate) / durationS : 0;
    const inSegment = Number.isFinite(durationS) ? ((startRate + endRate) / 2) * durationS : Infinity;
    if (left <= inSegment && (startRate > 0 || slope > 0)) {
      if (left <= 0) return startS;
      // Solves startRate·t + slope·t²/2 = left in the form that stays exact when the slope is 0.
      return startS + (2 * left) / (startRate + Math.sqrt(startRate * startRate + 2 * slope * left));
    }
    left -= inSegment;
    startS += durationS;
  }
  return Infinity;
}
