import { describe, expect, it } from 'vitest';
import { makeRecord } from '../test-records.js';
import { sliceRecords } from './timeslices.js';

describe('sliceRecords', () => {
  it('groups by absolute epoch slice of the start time and renumbers non-empty slices in time order', () => {
    // BASE_EPOCH_NS is a whole second, so 1 s slices are aligned to it: starts at 0.1, 0.9 | 1.2 | (empty) | 3.5 s.
    const records = [3500, 100, 1200, 900].map((startMs) => makeRecord({ startMs, contentMs: [10] }));
    const slices = sliceRecords(records, 1);
    expect(slices.map((slice) => slice.map((r) => Number(r.startEpochNs % 10_000_000_000n) / 1e6))).toEqual([[100, 900], [1200], [3500]]);
    // 0.5 s slices: 0.1 | 0.9 | 1.2 | 3.5.
    expect(sliceRecords(records, 0.5)).toHaveLength(4);
  });
});
