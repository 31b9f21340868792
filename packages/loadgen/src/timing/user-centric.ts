// User-centric mode: --num-users users share --user-centric-rate; each user sends every num_users / rate seconds.
import { type TimingStrategy, commonChecks, stopCondition } from './timing-strategy.js';

export const userCentricStrategy: TimingStrategy = {
  name: 'user_centric',
  validate: (load) => [
    ...commonChecks(load),
    ...(load.userCentricRate === null ? ['--user-centric-rate: required in user-centric mode'] : []),
    ...(load.numUsers === null ? ['--num-users: required in user-centric mode'] : []),
  ],
  describe: (load) =>
    `${load.numUsers} users at ${load.userCentricRate} req/s in all (each every ${((load.numUsers ?? 1) / (load.userCentricRate ?? 1)).toFixed(3)} s)` +
    `${load.concurrency !== null ? `, at most ${load.concurrency} in flight` : ''}, ${stopCondition(load)}`,
  // Users keep their own clocks (issueUsers); there is no global schedule.
  createSchedule: () => null,
  maxInFlight: (load) => load.concurrency,
  users: (load) => ({ count: load.numUsers ?? 1, gapNs: ((load.numUsers ?? 1) / (load.userCentricRate ?? 1)) * 1e9 }),
};
