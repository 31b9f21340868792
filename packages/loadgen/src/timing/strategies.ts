import type { LoadConfig, TimingMode } from '@aiperf/config';
import { type SendSchedule, createRateSchedule } from './schedule.js';

/** A timing strategy (one per mode), registered by name. */
export interface TimingStrategy {
  name: TimingMode;
  /** Every problem with the load settings for this mode, each naming the flag. */
  validate(load: LoadConfig): string[];
  describe(load: LoadConfig): string;
  /** Send offsets, or null when requests go out as soon as a slot frees. */
  createSchedule(load: LoadConfig, seed: number | null): SendSchedule | null;
  /** The in-flight cap, or null for none. */
  maxInFlight(load: LoadConfig): number | null;
}

const stopCondition = (load: LoadConfig) =>
  load.requestCount !== null ? `${load.requestCount} requests` : `${load.benchmarkDurationSeconds} s`;

const commonChecks = (load: LoadConfig): string[] => [
  ...(load.requestCount === null && load.benchmarkDurationSeconds === null
    ? ['--request-count or --benchmark-duration: one of them must be set']
    : []),
];

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

const strategies = new Map<string, TimingStrategy>();

export function registerTimingStrategy(strategy: TimingStrategy): void {
  const existing = strategies.get(strategy.name);
  if (existing && existing !== strategy) throw new Error(`timing strategy "${strategy.name}" is already registered`);
  strategies.set(strategy.name, strategy);
}

export function getTimingStrategy(mode: string): TimingStrategy {
  const strategy = strategies.get(mode);
  if (!strategy) throw new Error(`benchmark.load.mode: unknown timing mode "${mode}"; allowed: ${[...strategies.keys()].join(', ')}`);
  return strategy;
}

registerTimingStrategy(concurrencyStrategy);
registerTimingStrategy(requestRateStrategy);
