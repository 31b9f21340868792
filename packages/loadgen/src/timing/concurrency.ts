// Concurrency (burst) mode: keep N requests in flight, sending the next as soon as one finishes.
import { type TimingStrategy, commonChecks, stopCondition } from './timing-strategy.js';

export const concurrencyStrategy: TimingStrategy = {
  name: 'concurrency',
  validate: (load) => [
    ...commonChecks(load),
    ...(load.concurrency !== null && load.requestCount !== null && load.concurrency > load.requestCount
      ? [`--concurrency: ${load.concurrency} exceeds --request-count ${load.requestCount}; it must not`]
      : []),
  ],
  describe: (load) => `concurrency ${load.concurrency ?? 1}, ${stopCondition(load)}`,
  createSchedule: () => null,
  maxInFlight: (load) => load.concurrency ?? 1,
};

