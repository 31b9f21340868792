// @aiperf/stats: the statistics every aiperf package shares, so each number is computed one way.
// Empty input never throws: percentiles, means, deviations and intervals of no values are NaN.
export { createRunClock } from './clock.js';
export type { MonotonicRunClock, RunClock } from './clock.js';
export { RunningMoments, mean, populationStd, sampleStd } from './moments.js';
export { PERCENTILES, percentileOfSorted, percentilesOfSorted } from './percentile.js';
export type { Percentile, PercentileKey } from './percentile.js';
export { createRng } from './rng.js';
export { gammaVariate } from './gamma.js';
export type { Rng } from './rng.js';
export { studentTInterval, studentTIntervalOfMoments, tCritical } from './student-t.js';
export type { StudentTInterval } from './student-t.js';
export { boundKey, histogramQuantile } from './histogram-quantile.js';
export { quantileInterval } from './quantile-interval.js';
export type { QuantileInterval } from './quantile-interval.js';
