import type { Rng } from '@aiperf/stats';

/** Samples a token length from normal(mean, stddev), rounded and clamped to ≥ 1 (as AIPerf does). */
export function sampleTokenLength(rng: Rng, mean: number, stddev: number): number {
  return Math.max(1, Math.round(rng.normal(mean, stddev)));
}
