import { describe, expect, it } from 'vitest';
import { PROFILE_FLAGS } from './flags.js';
import { renderFlagHelp } from './help.js';
import { resolveConfig } from './resolve.js';
import { sweepTarget, sweptFlagTarget } from './sweep-paths.js';
import { configToYaml } from './to-yaml.js';

const fromYaml = (yamlText: string, flags = {}) => resolveConfig({ yamlText, yamlPath: '/c/bench.yaml', flags });

describe('sweeps of any parameter', () => {
  it('YAML sweep.parameters: any sweepable parameter, its first value in the base run, grid by default', () => {
    const { config, errors } = fromYaml('benchmark: {model: m, load: {request_count: 20}}\nsweep: {parameters: {request_rate: [5, 10], osl: [64, 128]}}\n');
    expect(errors).toEqual([]);
    expect(config!.sweep).toMatchObject({ parameters: { request_rate: [5, 10], osl: [64, 128] }, type: 'grid', variants: null });
    expect(config!.benchmark.load).toMatchObject({ mode: 'request_rate', requestRate: 5 });
    expect(config!.benchmark.input.outputTokens?.mean).toBe(64);
  });

  it('any numeric benchmark setting by its YAML path (camelCase and aliases accepted); a short name stays short', () => {
    const { config, errors } = fromYaml(
      'benchmark: {model: m, load: {request_count: 20}}\nsweep: {parameters: {benchmark.load.warmup_request_count: [0, 4], benchmark.phases.rate: [2, 3], benchmark.input.images.width.mean: [64, 128]}}\n',
    );
    expect(errors).toEqual([]);
    expect(config!.sweep!.parameters).toEqual({ 'benchmark.load.warmup_request_count': [0, 4], request_rate: [2, 3], 'benchmark.input.images.width.mean': [64, 128] });
    expect(config!.benchmark.load.warmupRequestCount).toBe(0);
    expect(config!.benchmark.input.images.width.mean).toBe(64);
  });

  it('settings holding a string or a boolean sweep in YAML (values checked and canonical); their flags take no comma list', () => {
    const { config, errors } = fromYaml('benchmark: {model: m, load: {request_rate: 5, benchmark_duration_seconds: 120}}\nsweep: {parameters: {benchmark.load.arrival_pattern: [constant, poisson], benchmark.endpoint.streaming: ["true", false], benchmark.load.grace_period_seconds: [5, 1m]}}\n');
    expect(errors).toEqual([]);
    expect(config!.sweep!.parameters).toEqual({ 'benchmark.load.arrival_pattern': ['constant', 'poisson'], 'benchmark.endpoint.streaming': [true, false], 'benchmark.load.grace_period_seconds': [5, 60] });
    expect(sweptFlagTarget(PROFILE_FLAGS.find((flag) => flag.key === 'arrivalPattern')!)).toBeNull();
  });

  it('comma lists on several flags, zip, and a concurrency list together', () => {
    const { config } = resolveConfig({ flags: { model: ['m'], concurrency: '2,4', isl: '128,512', sweepType: 'zip', requestCount: '20' } });
    expect(config!.sweep).toMatchObject({ parameters: { concurrency: [2, 4], isl: [128, 512] }, type: 'zip' });
    expect(config!.benchmark.load.concurrency).toBe(2);
  });

  it('every single-value flag of a numeric benchmark setting sweeps with a comma list: the schema decides, help says so', () => {
    const sweepable = PROFILE_FLAGS.filter((flag) => sweptFlagTarget(flag) !== null).map((flag) => flag.names.find((n) => n.startsWith('--')));
    expect(sweepable).toEqual(expect.arrayContaining(['--request-rate', '--isl', '--osl', '--benchmark-duration', '--request-count', '--prefill-concurrency', '--warmup-request-count', '--num-users', '--arrival-smoothness', '--request-timeout-seconds']));
    // Not numbers, lists or not per-run benchmark settings: no sweep.
    for (const name of ['--concurrency', '--endpoint-type', '--num-profile-runs', '--model', '--streaming']) expect(sweepable).not.toContain(name);
    const { config } = resolveConfig({ flags: { model: ['m'], warmupRequestCount: '0,2', requestCount: '10' } });
    expect(config!.sweep!.parameters).toEqual({ 'benchmark.load.warmup_request_count': [0, 2] });
    expect(renderFlagHelp()).toMatch(/--warmup-request-count, --num-warmup-requests <n>\n\s+Requests sent before profiling; excluded from metrics; a comma list sweeps it/);
  });

  it('a parameter that cannot be swept is one line naming its path: unknown name, unknown path, not a number, not per run', () => {
    const first = (yaml: string) => fromYaml(`benchmark: {model: m}\n${yaml}`).errors;
    expect(first('sweep: {parameters: {temperature: [0.1, 0.9]}}\n')).toEqual([{
      where: 'sweep.parameters.temperature',
      message: 'unknown sweep parameter; give a benchmark setting of one value by its YAML path (e.g. benchmark.load.request_rate) or one of concurrency, request_rate, isl, osl, benchmark_duration, request_count, prefill_concurrency, num_users, arrival_smoothness',
    }]);
    expect(first('sweep: {parameters: {benchmark.load.request_rat: [1, 2]}}\n')[0]).toMatchObject({ where: 'sweep.parameters.benchmark.load.request_rat', message: expect.stringMatching(/^cannot be swept: no setting benchmark.load.request_rat;/) });
    expect(first('sweep: {parameters: {benchmark.endpoint.headers: [1, 2]}}\n')[0]!.message).toMatch(/^cannot be swept: benchmark.endpoint.headers is a mapping or list, not one value/);
    expect(first('sweep: {parameters: {benchmark.endpoint.api_key: [a, b]}}\n')[0]!.message).toBe('cannot be swept: benchmark.endpoint.api_key holds a credential (it would name directories)');
    expect(first('sweep: {parameters: {benchmark.load.arrival_pattern: [poisson, bursty]}}\n')).toEqual([{ where: 'sweep.parameters.benchmark.load.arrival_pattern', message: 'got "bursty", expected one of: constant, poisson, gamma (in ["poisson","bursty"])' }]);
    expect(first('sweep: {parameters: {multi_run.num_runs: [1, 2]}}\n')[0]!.message).toMatch(/^cannot be swept: multi_run.num_runs is not a benchmark setting/);
    expect(first('sweep: {parameters: {isl: [128, -1]}}\n')).toEqual([{ where: 'sweep.parameters.isl', message: 'got -1, expected an integer ≥ 1 (in [128,-1])' }]);
    expect(typeof sweepTarget('benchmark.artifacts.slice_duration')).toBe('string');
  });

  it('a bad value in a comma list names the flag and the list', () => {
    const { errors } = resolveConfig({ flags: { model: ['m'], warmupRequestCount: '1,x' } });
    expect(errors).toEqual([{ where: '--warmup-request-count', message: 'got "x", expected an integer ≥ 0 (in the list "1,x")' }]);
  });
});

describe('named variants', () => {
  const yaml = 'benchmark: {model: m, load: {request_count: 8}}\nvariants:\n  short: {isl: 128, osl: 64}\n  long: {isl: 1024, benchmark.load.request_rate: 4}\n  tiny: {isl: 16}\n';

  it('every variant runs without --variant; --variant picks some, in its order', () => {
    expect(fromYaml(yaml).config!.sweep!.variants).toEqual([
      { name: 'short', values: { isl: 128, osl: 64 } },
      { name: 'long', values: { isl: 1024, request_rate: 4 } },
      { name: 'tiny', values: { isl: 16 } },
    ]);
    const picked = fromYaml(yaml, { variant: 'tiny,short' }).config!;
    expect(picked.sweep).toMatchObject({ parameters: {}, variants: [{ name: 'tiny' }, { name: 'short' }] });
    expect(picked.benchmark.ui).toBe('simple');
  });

  it('--print-config writes the variants back and they resolve to the same config', () => {
    const { config } = fromYaml(yaml, { variant: 'long' });
    const again = fromYaml(configToYaml(config!)).config!;
    expect(again.sweep).toEqual(config!.sweep);
  });

  it('bad variants are one line each: unknown name, none defined, a setting that cannot vary, mixed with a sweep list', () => {
    expect(fromYaml(yaml, { variant: 'shrot' }).errors).toEqual([{ where: '--variant', message: 'unknown variant "shrot" (did you mean "short"?); defined: short, long, tiny' }]);
    expect(resolveConfig({ flags: { model: ['m'], variant: 'a' } }).errors).toEqual([{ where: '--variant', message: 'got "a", but no variants are defined; define them in the YAML, e.g. variants: {short: {isl: 128, osl: 64}}' }]);
    expect(fromYaml('benchmark: {model: m}\nvariants: {a: {benchmark.endpoint.headers: 1}}\n').errors[0]).toMatchObject({ where: 'variants.a.benchmark.endpoint.headers', message: expect.stringMatching(/^cannot be swept: benchmark.endpoint.headers is a mapping or list/) });
    expect(fromYaml(yaml, { isl: '1,2' }).errors).toEqual([{ where: '--isl', message: 'cannot be combined with variants (--variant); put the values into the variants' }]);
  });
});

describe("AIPerf's recipe names", () => {
  it('--search-recipe max-throughput-ttft-sla runs max-throughput-under-ttft-sla; our names and unknown names pass unchanged', () => {
    const recipe = (flags: Record<string, string>) => resolveConfig({ flags: { model: ['m'], streaming: true, ttftSlaMs: '200', ...flags } }).config!.recipe;
    expect(recipe({ recipe: 'max-throughput-ttft-sla' })).toEqual({ name: 'max-throughput-under-ttft-sla', params: {} });
    expect(recipe({ recipe: 'max-throughput-itl-sla' })!.name).toBe('max-throughput-under-itl-sla');
    expect(recipe({ recipe: 'max-concurrency-under-sla' })!.name).toBe('max-concurrency-under-sla');
  });
});
