// The timing strategies: one entry per mode, in a registry handed to the run.
import { createRegistry, type Registry } from '@aiperf/plugin';
import { ProfileConfigError } from '../errors.js';
import { concurrencyStrategy } from './concurrency.js';
import { fixedScheduleStrategy } from './fixed-schedule.js';
import { requestRateStrategy } from './request-rate.js';
import { userCentricStrategy } from './user-centric.js';
import type { TimingStrategy } from './timing-strategy.js';

export type { TimingStrategy } from './timing-strategy.js';
export { concurrencyStrategy, fixedScheduleStrategy, requestRateStrategy, userCentricStrategy };

export type TimingStrategyRegistry = Registry<TimingStrategy>;

export const builtinTimingStrategies: readonly TimingStrategy[] = [concurrencyStrategy, requestRateStrategy, fixedScheduleStrategy, userCentricStrategy];

const FUNCTIONS = ['validate', 'describe', 'createSchedule', 'maxInFlight'] as const;

export function createTimingStrategyRegistry(strategies: readonly TimingStrategy[] = builtinTimingStrategies): TimingStrategyRegistry {
  return createRegistry<TimingStrategy>('timing strategy', strategies, {
    validate: (s) => FUNCTIONS.filter((key) => typeof s[key] !== 'function').map((key) => `needs a ${key}(load) function`),
  });
}

// Read-only fallback for callers that pass no registry (tests, tools): nothing can register into it.
const builtins = createTimingStrategyRegistry();

export function getTimingStrategy(mode: string, registry: TimingStrategyRegistry = builtins): TimingStrategy {
  const strategy = registry.get(mode);
  if (!strategy) throw new ProfileConfigError(`benchmark.load.mode: unknown timing mode "${mode}"; allowed: ${registry.names().join(', ')}`);
  return strategy;
}
