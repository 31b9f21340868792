import type { LoadConfig } from '@aiperf/config';
import type { SendSchedule } from './schedule.js';

/** A timing strategy (one per mode), registered by name; `benchmark.load.mode` names it. */
export interface TimingStrategy {
  name: string;
  /** Every problem with the load settings for this mode, each naming the flag. */
  validate(load: LoadConfig): string[];
  describe(load: LoadConfig): string;
  /** Send offsets, or null when requests go out as soon as a slot frees; `timestampsMs`: the dataset's, per entry. */
  createSchedule(load: LoadConfig, seed: number | null, timestampsMs?: readonly number[]): SendSchedule | null;
  /** The in-flight cap, or null for none. */
  maxInFlight(load: LoadConfig): number | null;
  /** User-centric strategies: users that each send every `gapNs` (staggered by gapNs / count), instead of a schedule. */
  users?(load: LoadConfig): { count: number; gapNs: number } | null;
}

/** The stop condition in words, for `describe()`. */
export const stopCondition = (load: LoadConfig) =>
  load.requestCount !== null
    ? `${load.requestCount} requests`
    : load.conversationNum !== null ? `${load.conversationNum} sessions` : `${load.benchmarkDurationSeconds} s`;

/** Checks every mode shares. */
export const commonChecks = (load: LoadConfig): string[] => [
  ...(load.requestCount === null && load.benchmarkDurationSeconds === null && load.conversationNum === null
    ? ['--request-count, --conversation-num or --benchmark-duration: one of them must be set']
    : []),
];

