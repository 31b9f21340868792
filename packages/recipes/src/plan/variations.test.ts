import { describe, expect, it } from 'vitest';
import { defaultConfig } from '@aiperf/config';
import { getSweepParameter } from './parameters.js';
import { gridVariations, scenarioVariations, variantVariations, variationDirName } from './variations.js';

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
  it('rejects an unknown parameter with what is allowed', () => {
    expect(() => gridVariations({ temperature: [1] })).toThrow("sweep parameter 'temperature': unknown sweep parameter; give a benchmark setting of one value by its YAML path");
  });
  it('any numeric benchmark setting by YAML path: directory below benchmark, the YAML path as label, the resolved value replaced', () => {
    const v = gridVariations({ 'benchmark.load.warmup_request_count': [0, 4], request_rate: [2] });
    expect(v.map((x) => x.dirName)).toEqual(['load.warmup_request_count_0__request_rate_2.0', 'load.warmup_request_count_4__request_rate_2.0']);
    expect(v[1]!.label).toBe('benchmark.load.warmup_request_count=4, phases.profiling.rate=2.0');
    const base = defaultConfig().benchmark;
    const cell = getSweepParameter('benchmark.input.images.width.mean').apply(base, 96);
    expect(cell.input.images.width).toEqual({ ...base.input.images.width, mean: 96 });
    expect(base.input.images.width.mean).not.toBe(96);
    expect(getSweepParameter('benchmark.load.benchmark_duration_seconds').name).toBe('benchmark_duration');
  });
  it('a string or boolean setting: its value as text in the directory and label, set as it is', () => {
    const v = gridVariations({ 'benchmark.load.arrival_pattern': ['constant', 'poisson'], 'benchmark.endpoint.streaming': [false] });
    expect(v.map((x) => x.dirName)).toEqual(['endpoint.streaming_false__load.arrival_pattern_constant', 'endpoint.streaming_false__load.arrival_pattern_poisson']);
    const cell = getSweepParameter('benchmark.load.arrival_pattern').apply(defaultConfig().benchmark, 'constant');
    expect(cell.load.arrivalPattern).toBe('constant');
  });
  it('variants are labelled and have their directory by name, in the order chosen', () => {
    const v = variantVariations([{ name: 'long', values: { isl: 1024 } }, { name: 'short', values: { isl: 128, osl: 64 } }]);
    expect(v.map((x) => [x.label, x.dirName, x.variant])).toEqual([['long', 'long', 'long'], ['short', 'short', 'short']]);
  });
});
