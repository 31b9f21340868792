import { describe, expect, it } from 'vitest';
import { gridVariations, scenarioVariations, variationDirName } from './variations.js';

describe('variations', () => {
  it('grid: names sorted, Cartesian product, full-path labels, leaf dir names', () => {
    const v = gridVariations({ osl: [64, 128], concurrency: [1, 8] });
    expect(v.map((x) => x.dirName)).toEqual([
      'concurrency_1__osl_64', 'concurrency_1__osl_128', 'concurrency_8__osl_64', 'concurrency_8__osl_128',
    ]);
    expect(v[0]?.label).toBe('phases.profiling.concurrency=1, datasets.main.prompts.osl=64');
  });
  it('keeps the Python float style for rates', () => {
    expect(variationDirName({ request_rate: 5 }, '', 0)).toBe('request_rate_5.0');
  });
  it('scenarios keep their order and use the values for the directory', () => {
    const v = scenarioVariations([{ name: 'shape_1_2_c3', values: { isl: 1, osl: 2, concurrency: 3 } }]);
    expect(v[0]).toEqual({ index: 0, label: 'shape_1_2_c3', dirName: 'isl_1__osl_2__concurrency_3', values: { isl: 1, osl: 2, concurrency: 3 } });
  });
  it('falls back to a sanitised label, then variation_<i>', () => {
    expect(variationDirName({}, 'a/b..c', 3)).toBe('abc');
    expect(variationDirName({}, '..', 3)).toBe('variation_3');
  });
  it('rejects an unknown parameter with the allowed names', () => {
    expect(() => gridVariations({ temperature: [1] })).toThrow("unknown sweep parameter 'temperature'; allowed: concurrency, request_rate, isl, osl, benchmark_duration, request_count, prefill_concurrency, num_users, arrival_smoothness");
  });
});
