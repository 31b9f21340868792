// Request-rate mode: constant or Poisson arrivals on an absolute schedule, optionally capped in flight.
import { createRateSchedule } from './schedule.js';
import { type TimingStrategy, commonChecks, stopCondition } from './timing-strategy.js';

export const requestRateStrategy: TimingStrategy = {
  name: 'request_rate',
  validate: (load) => [
    ...commonChecks(load),
    ...(load.requestRate === null ? ['--request-rate: required in request-rate mode'] : []),
  ],
  describe: (load) =>
    `${load.arrivalPattern} arrivals at ${load.requestRate} req/s` +
    `${load.concurrency !== null ? `, at most ${load.concurrency} in flight` : ''}, ${stopCondition(load)}`,
  createSchedule: (load, seed) => createRateSchedule(load.arrivalPattern, load.requestRate!, seed),
  maxInFlight: (load) => load.concurrency,
};

