import { describe, expect, it } from 'vitest';
import { createTraceSchedule } from './fixed-schedule.js';

describe('createTraceSchedule', () => {
  it('sends entry k at its timestamp (ns offsets), from the trace start or, with the auto offset, its first entry', () => {
    const ts = [1000, 1250, 1300];
    expect([0, 1, 2].map(createTraceSchedule(ts, false))).toEqual([1000e6, 1250e6, 1300e6]);
    expect([0, 1, 2].map(createTraceSchedule(ts, true))).toEqual([0, 250e6, 300e6]);
  });

  it('replays the trace shifted by its span for requests past its end', () => {
    expect([3, 4].map(createTraceSchedule([1000, 1250, 1300], true))).toEqual([300e6, 550e6]);
  });
});
