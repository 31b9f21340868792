// The timing-strategy registry: one entry per mode, registered by name.
import { concurrencyStrategy } from './concurrency.js';
import { fixedScheduleStrategy } from './fixed-schedule.js';
import { requestRateStrategy } from './request-rate.js';
import type { TimingStrategy } from './timing-strategy.js';
import { ProfileConfigError } from '../errors.js';

export type { TimingStrategy } from './timing-strategy.js';
export { concurrencyStrategy, fixedScheduleStrategy, requestRateStrategy };

const strategies = new Map<string, TimingStrategy>();

export function registerTimingStrategy(strategy: TimingStrategy): void {
  const existing = strategies.get(strategy.name);
  if (existing && existing !== strategy) throw new Error(`timing strategy "${strategy.name}" is already registered`);
  strategies.set(strategy.name, strategy);
}

export function getTimingStrategy(mode: string): TimingStrategy {
  const strategy = strategies.get(mode);
  if (!strategy) throw new ProfileConfigError(`benchmark.load.mode: unknown timing mode "${mode}"; allowed: ${[...strategies.keys()].join(', ')}`);
  return strategy;
}

registerTimingStrategy(concurrencyStrategy);
registerTimingStrategy(requestRateStrategy);
registerTimingStrategy(fixedScheduleStrategy);
