import { describe, expect, it } from 'vitest';
import { resolveConfig } from './resolve.js';

describe('sweeps of any parameter', () => {
  it('YAML sweep.parameters: any sweepable parameter, its first value in the base run, grid by default', () => {
    const { config, errors } = resolveConfig({
      yamlText: 'benchmark: {model: m, load: {request_count: 20}}\nsweep: {parameters: {request_rate: [5, 10], osl: [64, 128]}}\n',
      yamlPath: '/c/bench.yaml',
    });
    expect(errors).toEqual([]);
    expect(config!.sweep).toMatchObject({ parameters: { request_rate: [5, 10], osl: [64, 128] }, type: 'grid' });
    expect(config!.benchmark.load).toMatchObject({ mode: 'request_rate', requestRate: 5 });
    expect(config!.benchmark.input.outputTokens?.mean).toBe(64);
  });

  it('comma lists on several flags, zip, and a concurrency list together', () => {
    const { config } = resolveConfig({ flags: { model: ['m'], concurrency: '2,4', isl: '128,512', sweepType: 'zip', requestCount: '20' } });
    expect(config!.sweep).toMatchObject({ parameters: { concurrency: [2, 4], isl: [128, 512] }, type: 'zip' });
    expect(config!.benchmark.load.concurrency).toBe(2);
  });

  it('an unknown parameter in sweep.parameters names it and the allowed ones', () => {
    const { errors } = resolveConfig({ yamlText: 'benchmark: {model: m}\nsweep: {parameters: {temperature: [0.1, 0.9]}}\n', yamlPath: '/c/bench.yaml' });
    expect(errors[0]).toEqual({
      where: 'sweep.parameters.temperature',
      message: 'unknown sweep parameter; allowed: concurrency, request_rate, isl, osl, benchmark_duration, request_count, prefill_concurrency, num_users, arrival_smoothness',
    });
  });
});
