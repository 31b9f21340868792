import { describe, expect, test } from 'vitest';
import { parseSeqDist } from './seq-dist.js';

describe('parseSeqDist (AIPerf --seq-dist syntax)', () => {
  test('semicolon pairs with optional |stddev, and the bracket form', () => {
    expect(parseSeqDist('256,128:60;512|20,256|10:40')).toEqual([
      { isl: 256, islStddev: 0, osl: 128, oslStddev: 0, percent: 60 },
      { isl: 512, islStddev: 20, osl: 256, oslStddev: 10, percent: 40 },
    ]);
    expect(parseSeqDist('[(256,128):40, (512,256):60]')).toEqual([
      { isl: 256, islStddev: 0, osl: 128, oslStddev: 0, percent: 40 },
      { isl: 512, islStddev: 0, osl: 256, oslStddev: 0, percent: 60 },
    ]);
    expect(parseSeqDist('128,64:33.4;256,64:33.3;512,64:33.3')).toHaveLength(3);
  });

  test('what is wrong, in one message', () => {
    expect(parseSeqDist('')).toBe('got ""; expected ISL,OSL:percent pairs separated by ";" (e.g. 256,128:60;512,256:40)');
    expect(parseSeqDist('256,128')).toBe('"256,128" is not ISL,OSL:percent (optional |stddev after a length, e.g. 256|10,128:40)');
    expect(parseSeqDist('0,128:100')).toBe('"0,128:100": lengths must be ≥ 1');
    expect(parseSeqDist('256,128:150')).toBe('"256,128:150": the percentage must be between 0 and 100');
    expect(parseSeqDist('256,128:50')).toBe('the percentages add up to 50, not 100');
  });
});
