// Fixed-schedule mode: each request at its dataset timestamp (a trace replay), optionally capped in flight.
import type { SendSchedule } from './schedule.js';
import type { TimingStrategy } from './timing-strategy.js';

export const fixedScheduleStrategy: TimingStrategy = {
  name: 'fixed_schedule',
  // The request count defaults to the trace's line count (filled in once the dataset is read).
  validate: (load) =>
    load.fixedScheduleStartOffsetMs !== null && load.fixedScheduleEndOffsetMs !== null && load.fixedScheduleEndOffsetMs < load.fixedScheduleStartOffsetMs
      ? [`--fixed-schedule-end-offset: ${load.fixedScheduleEndOffsetMs} is before --fixed-schedule-start-offset ${load.fixedScheduleStartOffsetMs}; it must not be`]
      : [],
  describe: (load) =>
    `trace replay at the dataset's timestamps${load.fixedScheduleAutoOffset ? ' (first at once)' : ''}` +
    `${load.concurrency !== null ? `, at most ${load.concurrency} in flight` : ''}` +
    `${load.requestCount !== null ? `, ${load.requestCount} requests` : ''}`,
  createSchedule: (load, _seed, timestampsMs) => createTraceSchedule(timestampsMs ?? [], load.fixedScheduleAutoOffset, load.fixedScheduleStartOffsetMs ?? 0),
  maxInFlight: (load) => load.concurrency,
};

/**
 * Offsets (ns) of request k = timestamp of entry k (ms from the trace start or the start offset, or from its first
 * entry with the auto offset). Requests past the end of the trace replay it again, shifted by its span.
 */
export function createTraceSchedule(timestampsMs: readonly number[], autoOffset: boolean, startOffsetMs = 0): SendSchedule {
  if (timestampsMs.length === 0) return () => 0;
  const baseMs = autoOffset ? Math.min(...timestampsMs) : startOffsetMs;
  const spanMs = Math.max(...timestampsMs) - baseMs;
  const n = timestampsMs.length;
  return (index) => (timestampsMs[index % n]! - baseMs + Math.floor(index / n) * spanMs) * 1e6;
}
