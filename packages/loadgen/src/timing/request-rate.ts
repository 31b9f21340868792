// Request-rate mode: constant, Poisson or gamma arrivals on an absolute schedule (ramped or piecewise), optionally capped.
import { rateSegments } from './rate-profile.js';
import { createRateSchedule } from './schedule.js';
import { type TimingStrategy, commonChecks, stopCondition } from './timing-strategy.js';

const pattern = (load: Parameters<TimingStrategy['describe']>[0]) =>
  load.arrivalPattern === 'gamma' ? `gamma (smoothness ${load.arrivalSmoothness ?? 1})` : load.arrivalPattern;

const rateText = (load: Parameters<TimingStrategy['describe']>[0]) =>
  load.requestRateSeries !== null
    ? `rates ${load.requestRateSeries} req/s`
    : `${load.requestRate} req/s${load.requestRateRampDurationSeconds !== null ? ` (ramped from 0 over ${load.requestRateRampDurationSeconds} s)` : ''}`;

export const requestRateStrategy: TimingStrategy = {
  name: 'request_rate',
  validate: (load) => [
    ...commonChecks(load),
    ...(load.requestRate === null && load.requestRateSeries === null ? ['--request-rate: required in request-rate mode'] : []),
  ],
  describe: (load) =>
    `${pattern(load)} arrivals at ${rateText(load)}` +
    `${load.concurrency !== null ? `, at most ${load.concurrency} in flight` : ''}, ${stopCondition(load)}`,
  createSchedule: (load, seed) => createRateSchedule(load.arrivalPattern, rateSegments(load), seed, load.arrivalSmoothness ?? 1),
  maxInFlight: (load) => load.concurrency,
};
