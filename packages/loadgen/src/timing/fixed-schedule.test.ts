import { describe, expect, it } from 'vitest';
import { createTraceSchedule, fixedScheduleStrategy } from './fixed-schedule.js';

describe('createTraceSchedule', () => {
  it('sends entry k at its timestamp (ns offsets), from the trace start or, with the auto offset, its first entry', () => {
    const ts = [1000, 1250, 1300];
    expect([0, 1, 2].map(createTraceSchedule(ts, false))).toEqual([1000e6, 1250e6, 1300e6]);
    expect([0, 1, 2].map(createTraceSchedule(ts, true))).toEqual([0, 250e6, 300e6]);
  });

  it('replays the trace shifted by its span for requests past its end', () => {
    expect([3, 4].map(createTraceSchedule([1000, 1250, 1300], true))).toEqual([300e6, 550e6]);
  });

  it('starts the schedule at the start offset', () => {
    expect([0, 1].map(createTraceSchedule([1000, 1250], false, 900))).toEqual([100e6, 350e6]);
  });

  it('rejects an end offset before the start offset, naming both flags', () => {
    const load = { fixedScheduleStartOffsetMs: 500, fixedScheduleEndOffsetMs: 100 } as Parameters<typeof fixedScheduleStrategy.validate>[0];
    expect(fixedScheduleStrategy.validate(load)).toEqual(['--fixed-schedule-end-offset: 100 is before --fixed-schedule-start-offset 500; it must not be']);
  });
});
