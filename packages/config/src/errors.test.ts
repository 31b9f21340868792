import { describe, expect, test } from 'vitest';
import { type ConfigSources, UsageError, formatIssue, resolveConfig } from './index.js';

/** Every error of a resolution, one line each, as the CLI prints them. */
function errorLines(sources: ConfigSources): string[] {
  const result = resolveConfig(sources);
  expect(result.config).toBeNull();
  return result.errors.map(formatIssue);
}

const fromYaml = (text: string, extra: Partial<ConfigSources> = {}) => errorLines({ yamlText: text, yamlPath: '/cfg/bench.yaml', ...extra });

describe('configuration errors name the path or flag, the value and what is allowed', () => {
  test('unknown YAML key, with a suggestion', () => {
    expect(fromYaml('benchmark:\n  model: m\n  load: {concurency: 4}\n')).toMatchInlineSnapshot(`
      [
        "benchmark.load.concurency: unknown key (did you mean "concurrency"?); allowed keys: concurrency, request_rate, arrival_pattern, request_count, benchmark_duration_seconds, grace_period_seconds, warmup_request_count, request_cancellation_rate, request_cancellation_delay_seconds, workers, conversation_num, fixed_schedule, timing_mode, fixed_schedule_auto_offset, fixed_schedule_start_offset_ms, fixed_schedule_end_offset_ms, arrival_smoothness, request_rate_series, request_rate_ramp_duration_seconds, concurrency_ramp_duration_seconds, prefill_concurrency, prefill_concurrency_ramp_duration_seconds, user_centric_rate, num_users",
      ]
    `);
    expect(fromYaml('benchmark: {model: m}\nswep: {}\n')).toMatchInlineSnapshot(`
      [
        "swep: unknown key (did you mean "sweep"?); allowed keys: schema_version, benchmark, sweep, variants, multi_run, recipe, sla, random_seed, plot, plugins",
      ]
    `);
  });

  test('wrong type', () => {
    expect(fromYaml('benchmark: {model: m, endpoint: {streaming: "yes"}, load: {concurrency: many}}')).toMatchInlineSnapshot(`
      [
        "benchmark.endpoint.streaming: got "yes", expected true or false",
        "benchmark.load.concurrency: got "many", expected an integer ≥ 1, or a list (each an integer ≥ 1)",
      ]
    `);
  });

  test('out of range', () => {
    expect(fromYaml('benchmark: {model: m, load: {concurrency: 0, request_cancellation_rate: 150}}\nmulti_run: {num_runs: 11}')).toMatchInlineSnapshot(`
      [
        "benchmark.load.concurrency: got 0, expected an integer ≥ 1",
        "benchmark.load.request_cancellation_rate: got 150, expected a number > 0 and ≤ 100",
        "multi_run.num_runs: got 11, expected an integer ≥ 1 and ≤ 10",
      ]
    `);
  });

  test('unknown enum value', () => {
    // Endpoint types and timing modes are open (plugins add them): the run checks those names against its registries.
    expect(fromYaml('benchmark: {model: m, endpoint: {type: chatt}, ui: fancy}')).toMatchInlineSnapshot(`
      [
        "benchmark.ui: got "fancy", expected one of: dashboard, simple, none",
      ]
    `);
  });

  test('flags: wrong type, range, enum and malformed pairs', () => {
    const lines = errorLines({ flags: { model: ['m'], concurrency: 'abc', requestRate: '-2', endpointType: 'completion', header: ['NoColon'], goodput: 'ttft=5' } });
    expect(lines).toMatchInlineSnapshot(`
      [
        "--header: got a value without ":" (not shown: it may hold a credential), expected key:value",
        "--concurrency: got "abc", expected an integer ≥ 1, or a list (each an integer ≥ 1)",
        "--request-rate: got "-2", expected a number > 0",
        "--goodput: got "ttft=5", expected key:value",
      ]
    `);
  });

  test('all errors are collected, YAML and flags together', () => {
    const lines = fromYaml('benchmark: {model: m, load: {concurrency: -1}}', { flags: { isl: '0' } });
    expect(lines).toHaveLength(2);
  });

  test('malformed YAML reports line and column', () => {
    expect(fromYaml('benchmark:\n  model: m\n  load: {concurrency: 4\n  input: {}\n')).toMatchInlineSnapshot(`
      [
        "/cfg/bench.yaml:4:3: invalid YAML: missed comma between flow collection entries",
      ]
    `);
    expect(fromYaml('benchmark:\n  model: m\n   bad: indent\n')).toMatchInlineSnapshot(`
      [
        "/cfg/bench.yaml:3:7: invalid YAML: bad indentation of a mapping entry",
      ]
    `);
  });

  test('the YAML must be a mapping; ${VAR} without a value is an error', () => {
    expect(fromYaml('- a\n- b\n')).toMatchInlineSnapshot(`
      [
        "/cfg/bench.yaml: got ["a","b"], expected a mapping with keys: schema_version, benchmark, sweep, variants, multi_run, recipe, sla, random_seed, plot, plugins",
      ]
    `);
    expect(fromYaml('benchmark: {model: ${NOPE}}')).toMatchInlineSnapshot(`
      [
        "/cfg/bench.yaml: environment variable NOPE is not set (used as \${NOPE}; write \${NOPE:default} for a default)",
      ]
    `);
  });

  test('cross-field rules', () => {
    expect(errorLines({ flags: {} })).toMatchInlineSnapshot(`
      [
        "--model: is required: name the model(s) to benchmark (or set benchmark.models in the YAML)",
      ]
    `);
    expect(errorLines({ flags: { model: ['m'], benchmarkGracePeriod: '5' } })).toMatchInlineSnapshot(`
      [
        "--benchmark-grace-period: only applies with a benchmark duration; add --benchmark-duration or remove it",
      ]
    `);
    expect(errorLines({ flags: { model: ['m'], concurrency: '64', requestCount: '10' } })).toMatchInlineSnapshot(`
      [
        "--concurrency: got 64, which exceeds the request count 10; lower it or raise --request-count",
      ]
    `);
    expect(errorLines({ flags: { model: ['m'], requestCount: '10', benchmarkDuration: '5' } })).toMatchInlineSnapshot(`
      [
        "--request-count: cannot be combined with --benchmark-duration; choose one stop condition",
      ]
    `);
    expect(errorLines({ flags: { model: ['m'], requestCancellationDelay: '1' } })).toMatchInlineSnapshot(`
      [
        "--request-cancellation-delay: needs --request-cancellation-rate",
      ]
    `);
    expect(errorLines({ flags: { model: ['m'], gpuTelemetry: [''], noGpuTelemetry: true } })).toMatchInlineSnapshot(`
      [
        "--no-gpu-telemetry: cannot be combined with --gpu-telemetry",
      ]
    `);
    expect(errorLines({ flags: { model: ['m'], numProfileRuns: '3', ui: 'dashboard' } })).toMatchInlineSnapshot(`
      [
        "--ui: got "dashboard", which cannot show multi-run or sweep progress; allowed here: simple, none",
      ]
    `);
    expect(errorLines({ flags: { model: ['m'], profileRunCooldownSeconds: '5' } })).toMatchInlineSnapshot(`
      [
        "--profile-run-cooldown-seconds: only applies with more than one run; add --num-profile-runs N (N > 1)",
      ]
    `);
    expect(errorLines({ flags: { model: ['m'], recipeParam: ['a=1'] } })).toMatchInlineSnapshot(`
      [
        "--recipe-param: needs a recipe: add --recipe NAME (or recipe: in the YAML)",
      ]
    `);
    expect(errorLines({ flags: { model: ['m'], concurrency: '1,2', parameterSweepSameSeed: true } })).toMatchInlineSnapshot(`
      [
        "--parameter-sweep-same-seed: needs --random-seed",
      ]
    `);
  });

  test('plot envelope: empty mapping and missing path', () => {
    expect(fromYaml('benchmark: {model: m}\nplot: {}\n')).toMatchInlineSnapshot(`
      [
        "plot: got {}, expected an inline plot config (a mapping with visualization:) or the path of a plot-config YAML",
      ]
    `);
    expect(fromYaml('benchmark: {model: m}\nplot: missing.yaml\n', { fileExists: () => false })).toMatchInlineSnapshot(`
      [
        "plot: plot path not found: /cfg/missing.yaml",
      ]
    `);
  });

  test('UsageError carries every issue and exits with status 2', () => {
    const issues = resolveConfig({ flags: { concurrency: '0' } }).errors;
    const error = new UsageError(issues);
    expect(error.exitCode).toBe(2);
    expect(error.message.split('\n')).toEqual(issues.map(formatIssue));
  });
});

describe('endpoint URL', () => {
  test.each([
    ['ftp://bob:pw@host/x', '--url: got "ftp://***@host/x": the ftp:// scheme is not supported; allowed: http://, https://'],
    ['file:///etc/passwd', '--url: got "file:///etc/passwd": the file:// scheme is not supported; allowed: http://, https://'],
    ['http://', '--url: got "http://", which is not a valid URL (expected e.g. http://localhost:8000)'],
  ])('%s', (url, message) => {
    const { errors } = resolveConfig({ flags: { model: ['m'], url } });
    expect(errors.map(formatIssue)).toEqual([message]);
  });
});

describe('hostile YAML', () => {
  test('an alias bomb is refused before it expands', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [prev, name] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['f', 'g'], ['g', 'h']])
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    const yamlText = `benchmark:\n  model: m\n  endpoint:\n    extra_inputs:\n${levels.map((l) => `      ${l}`).join('\n')}\n`;
    const { config, errors } = resolveConfig({ yamlText, yamlPath: 'bomb.yaml', flags: {} });
    expect(config).toBeNull();
    expect(errors.map(formatIssue)).toEqual(['bomb.yaml: expands to more than 100000 values (anchors and aliases repeat content); refusing it']);
  });

  test('a file over the size limit is refused', () => {
    const { errors } = resolveConfig({ yamlText: `# ${'x'.repeat(5 * 1024 * 1024)}\nbenchmark: {model: m}\n`, yamlPath: 'big.yaml', flags: {} });
    expect(errors.map(formatIssue)).toEqual([expect.stringMatching(/^big.yaml: is 52429\d\d bytes; a configuration file may be at most 4194304 bytes$/)]);
  });
});
