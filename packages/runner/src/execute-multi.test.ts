import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchmarkConfig } from '@aiperf/config';
import { createHookRegistry } from '@aiperf/hooks';
import type { RunProfileOptions } from '@aiperf/loadgen';
import { describe, expect, it } from 'vitest';
import { runBenchmark } from './run-benchmark.js';
import { testConfig } from '@aiperf/recipes/testing';
import { capture, fakeProfile, recordingHooks, tmp } from './test-fakes.js';

describe('runBenchmark: multi-run and sweeps', () => {
  const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8'));

  it('multi-run: profile_runs/run_NNNN, one confidence aggregate, hooks once against the base dir', async () => {
    const dir = await tmp();
    const { calls, runProfile } = fakeProfile();
    const { seen, hooks } = recordingHooks();
    const config = testConfig({ artifactDir: dir });
    config.multiRun.numProfileRuns = 3;
    const code = await runBenchmark(config, capture().io, { runProfile, hooks, sidecars: () => [] });
    expect(code).toBe(0);
    expect(calls.map((c) => c.options.artifactDir)).toEqual([1, 2, 3].map((n) => join(dir, 'profile_runs', `run_000${n}`)));
    expect(calls.map((c) => [c.config.load.warmupRequestCount, c.options.skipWarmup])).toEqual([[1, false], [1, true], [1, true]]);
    expect(calls.map((c) => c.options.cliCommand)).toEqual(Array(3).fill(config.source.cliCommand));
    expect(calls.map((c) => c.config.input.randomSeed)).toEqual([42, 42, 42]);
    const aggregate = await readJson(join(dir, 'aggregate', 'profile_export_aiperf_aggregate.json'));
    expect(aggregate.metadata).toMatchObject({ aggregation_type: 'confidence', num_profile_runs: 3, num_successful_runs: 3, run_labels: ['run_0001', 'run_0002', 'run_0003'], failed_runs: [] });
    // TTFT avg = 10 + call number → [11, 12, 13]: mean 12, std 1, t(0.975, 2) = 4.3026527
    expect(aggregate.metrics.time_to_first_token_avg.mean).toBe(12);
    expect(aggregate.metrics.time_to_first_token_avg.ci_high).toBeCloseTo(12 + 4.3026527 / Math.sqrt(3), 5);
    expect(existsSync(join(dir, 'aggregate', 'profile_export_aiperf_aggregate.csv'))).toBe(true);
    expect(seen.map((o) => [o.kind, o.artifactDir, o.runs.length])).toEqual([['multi', dir, 3]]);
  });

  it('sweep with one trial: <base>/concurrency_N, sweep aggregate with best configurations and Pareto set', async () => {
    const dir = await tmp();
    const { calls, runProfile } = fakeProfile();
    const { seen, hooks } = recordingHooks();
    const config = testConfig({ artifactDir: dir, sweep: { parameters: { concurrency: [1, 4] }, type: 'grid', mode: 'repeated', cooldownSeconds: 0, sameSeed: false, variants: null } });
    expect(await runBenchmark(config, capture().io, { runProfile, hooks, sidecars: () => [] })).toBe(0);
    expect(calls.map((c) => [c.options.artifactDir, c.config.load.concurrency, c.config.input.randomSeed])).toEqual([
      [join(dir, 'concurrency_1'), 1, 42],
      [join(dir, 'concurrency_4'), 4, 43],
    ]);
    const sweep = await readJson(join(dir, 'sweep_aggregate', 'profile_export_aiperf_sweep.json'));
    expect(sweep.metadata.sweep_parameters).toEqual([{ name: 'concurrency', values: [1, 4] }]);
    expect(sweep.per_combination_metrics.map((r: { parameters: unknown }) => r.parameters)).toEqual([{ concurrency: 1 }, { concurrency: 4 }]);
    expect(sweep.best_configurations.best_throughput).toEqual({ parameters: { concurrency: 4 }, metric: 200, unit: 'requests/sec' });
    expect(sweep.best_configurations.best_latency_p99).toEqual({ parameters: { concurrency: 1 }, metric: 20, unit: 'ms' });
    expect(sweep.pareto_optimal).toEqual([{ concurrency: 1 }, { concurrency: 4 }]);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.artifactDir).toBe(dir);
  });

  it('sweep × trials, repeated: profile_runs/trial_NNNN/<cell>, aggregate/<cell>, aggregate/sweep_aggregate', async () => {
    const dir = await tmp();
    const { calls, runProfile } = fakeProfile();
    const config = testConfig({ artifactDir: dir, sweep: { parameters: { concurrency: [2, 8] }, type: 'grid', mode: 'repeated', cooldownSeconds: 0, sameSeed: true, variants: null } });
    config.multiRun.numProfileRuns = 2;
    expect(await runBenchmark(config, capture().io, { runProfile, hooks: createHookRegistry(), sidecars: () => [] })).toBe(0);
    expect(calls.map((c) => c.options.artifactDir)).toEqual([
      join(dir, 'profile_runs', 'trial_0001', 'concurrency_2'),
      join(dir, 'profile_runs', 'trial_0001', 'concurrency_8'),
      join(dir, 'profile_runs', 'trial_0002', 'concurrency_2'),
      join(dir, 'profile_runs', 'trial_0002', 'concurrency_8'),
    ]);
    expect(calls.map((c) => c.config.input.randomSeed)).toEqual([42, 42, 42, 42]);
    const cell = await readJson(join(dir, 'aggregate', 'concurrency_8', 'profile_export_aiperf_aggregate.json'));
    expect(cell.metadata).toMatchObject({ variation_label: 'phases.profiling.concurrency=8', variation_values: { concurrency: 8 }, sweep_mode: 'repeated', run_labels: ['trial_0001', 'trial_0002'] });
    const sweep = await readJson(join(dir, 'aggregate', 'sweep_aggregate', 'profile_export_aiperf_sweep.json'));
    expect(sweep.per_combination_metrics[1].metrics.request_throughput_avg.mean).toBeCloseTo(100 * Math.sqrt(8), 9);
  });

  it('sweep × trials, independent: <cell>/profile_runs/trial_NNNN and <cell>/aggregate', async () => {
    const dir = await tmp();
    const { calls, runProfile } = fakeProfile();
    const config = testConfig({ artifactDir: dir, sweep: { parameters: { concurrency: [2, 8] }, type: 'grid', mode: 'independent', cooldownSeconds: 0, sameSeed: false, variants: null } });
    config.multiRun.numProfileRuns = 2;
    expect(await runBenchmark(config, capture().io, { runProfile, hooks: createHookRegistry(), sidecars: () => [] })).toBe(0);
    expect(calls.map((c) => c.options.artifactDir)).toEqual([
      join(dir, 'concurrency_2', 'profile_runs', 'trial_0001'),
      join(dir, 'concurrency_2', 'profile_runs', 'trial_0002'),
      join(dir, 'concurrency_8', 'profile_runs', 'trial_0001'),
      join(dir, 'concurrency_8', 'profile_runs', 'trial_0002'),
    ]);
    expect(existsSync(join(dir, 'concurrency_2', 'aggregate', 'profile_export_aiperf_aggregate.json'))).toBe(true);
    expect(existsSync(join(dir, 'sweep_aggregate', 'profile_export_aiperf_sweep.json'))).toBe(true);
  });

  it('partial failure with ≥ 2 successes: exit 0, failed cell listed, hooks fire', async () => {
    const dir = await tmp();
    const { runProfile } = fakeProfile([4]);
    const { seen, hooks } = recordingHooks();
    const out = capture();
    const config = testConfig({ artifactDir: dir, sweep: { parameters: { concurrency: [1, 2, 4] }, type: 'grid', mode: 'repeated', cooldownSeconds: 0, sameSeed: false, variants: null } });
    expect(await runBenchmark(config, out.io, { runProfile, hooks, sidecars: () => [] })).toBe(0);
    const sweep = await readJson(join(dir, 'sweep_aggregate', 'profile_export_aiperf_sweep.json'));
    expect(sweep.failed_runs).toEqual([{ label: 'concurrency_4', error: 'exit code 1 (0 successful requests)' }]);
    expect(sweep.num_successful_runs).toBe(2);
    expect(sweep.per_combination_metrics).toHaveLength(2);
    expect(out.err()).toContain('WARNING run concurrency_4 failed: exit code 1 (0 successful requests)');
    expect(seen).toHaveLength(1);
  });

  it('exactly one success: exit 1, no aggregates, hooks still fire once', async () => {
    const dir = await tmp();
    const { runProfile } = fakeProfile([2, 4]);
    const { seen, hooks } = recordingHooks();
    const out = capture();
    const config = testConfig({ artifactDir: dir, sweep: { parameters: { concurrency: [1, 2, 4] }, type: 'grid', mode: 'repeated', cooldownSeconds: 0, sameSeed: false, variants: null } });
    expect(await runBenchmark(config, out.io, { runProfile, hooks, sidecars: () => [] })).toBe(1);
    expect(existsSync(join(dir, 'sweep_aggregate'))).toBe(false);
    expect(out.err()).toContain('WARNING only 1 of 3 runs succeeded; no aggregates written');
    expect(seen.map((o) => o.exitCode)).toEqual([1]);
  });

  it('no success: exit 1 and the hooks never fire', async () => {
    const dir = await tmp();
    const { runProfile } = fakeProfile([1, 2]);
    const { seen, hooks } = recordingHooks();
    const out = capture();
    const config = testConfig({ artifactDir: dir, sweep: { parameters: { concurrency: [1, 2] }, type: 'grid', mode: 'repeated', cooldownSeconds: 0, sameSeed: false, variants: null } });
    expect(await runBenchmark(config, out.io, { runProfile, hooks, sidecars: () => [] })).toBe(1);
    expect(out.err()).toContain('ERROR all 2 of 2 runs failed; no aggregates written');
    expect(seen).toHaveLength(0);
  });

  it('a cell stopped by --failed-request-threshold fails with that reason; the sweep goes on', async () => {
    const dir = await tmp();
    const { runProfile } = fakeProfile();
    const stopping = async (c: BenchmarkConfig, io: unknown, o: RunProfileOptions) => {
      const result = await runProfile(c, io, o);
      return c.load.concurrency !== 2 ? result : { ...result, exitCode: 1, cancelled: true, stopReason: '9/10 profiling requests failed (90.0%), over the --failed-request-threshold of 10.0%' };
    };
    const config = testConfig({ artifactDir: dir, sweep: { parameters: { concurrency: [1, 2, 3] }, type: 'grid', mode: 'repeated', cooldownSeconds: 0, sameSeed: false, variants: null } });
    expect(await runBenchmark(config, capture().io, { runProfile: stopping, hooks: createHookRegistry(), sidecars: () => [] })).toBe(0);
    const sweep = await readJson(join(dir, 'sweep_aggregate', 'profile_export_aiperf_sweep.json'));
    expect(sweep.failed_runs).toEqual([{ label: 'concurrency_2', error: '9/10 profiling requests failed (90.0%), over the --failed-request-threshold of 10.0%' }]);
    expect(sweep.num_successful_runs).toBe(2);
  });

  it('a thrown runProfile error fails that cell only', async () => {
    const dir = await tmp();
    const { runProfile } = fakeProfile();
    const throwing = async (c: BenchmarkConfig, io: unknown, o: RunProfileOptions) => {
      if (c.load.concurrency === 2) throw new Error('connection refused');
      return runProfile(c, io, o);
    };
    const config = testConfig({ artifactDir: dir, sweep: { parameters: { concurrency: [1, 2, 3] }, type: 'grid', mode: 'repeated', cooldownSeconds: 0, sameSeed: false, variants: null } });
    expect(await runBenchmark(config, capture().io, { runProfile: throwing, hooks: createHookRegistry(), sidecars: () => [] })).toBe(0);
    const sweep = await readJson(join(dir, 'sweep_aggregate', 'profile_export_aiperf_sweep.json'));
    expect(sweep.failed_runs).toEqual([{ label: 'concurrency_2', error: 'connection refused' }]);
  });

  it('a recipe expands into its sweep and names the auto directory after itself', async () => {
    const dir = await tmp();
    const { calls, runProfile } = fakeProfile();
    const config = testConfig({ artifactDir: dir, recipe: { name: 'concurrency-ramp', params: { 'concurrency-max': 4, concurrency_steps: 3 } } });
    config.benchmark.output.artifactDirExplicit = false;
    expect(await runBenchmark(config, capture().io, { runProfile, hooks: createHookRegistry(), sidecars: () => [] })).toBe(0);
    const base = join(dir, 'test-model-openai-chat-concurrency-ramp');
    expect(calls.map((c) => c.options.artifactDir)).toEqual([1, 2, 4].map((c) => join(base, `concurrency_${c}`)));
    const sweep = await readJson(join(base, 'sweep_aggregate', 'profile_export_aiperf_sweep.json'));
    expect(sweep.metadata.recipe_name).toBe('concurrency-ramp');
    // request_latency p99 = 5·c² → 5, 20, 80: the first point above 5 × 1.2 is concurrency 2.
    expect(await readJson(join(base, 'sweep_aggregate', 'degradation_knee.json'))).toEqual({
      baseline_concurrency: 1, baseline_p99: 5, knee_concurrency: 2, knee_p99: 20, threshold_pct: 0.2,
      swept_metric: 'request_latency', stat: 'p99', swept_param: 'phases.profiling.concurrency',
      all_points: [{ concurrency: 1, p99: 5 }, { concurrency: 2, p99: 20 }, { concurrency: 4, p99: 80 }],
    });
  });

  it('stops at an interrupt: no further cells, exit non-zero, no hooks', async () => {
    const dir = await tmp();
    const controller = new AbortController();
    const { calls, runProfile } = fakeProfile();
    const interrupting = async (c: BenchmarkConfig, io: unknown, o: RunProfileOptions) => {
      const result = await runProfile(c, io, o);
      if (calls.length === 2) controller.abort();
      return result;
    };
    const { seen, hooks } = recordingHooks();
    const config = testConfig({ artifactDir: dir, sweep: { parameters: { concurrency: [1, 2, 3, 4] }, type: 'grid', mode: 'repeated', cooldownSeconds: 0, sameSeed: false, variants: null } });
    const out = capture();
    const code = await runBenchmark(config, { ...out.io, signal: controller.signal }, { runProfile: interrupting, hooks, sidecars: () => [] });
    expect(code).toBe(1);
    expect(calls).toHaveLength(2);
    expect(seen).toHaveLength(0);
  });

  it('reports every invalid recipe parameter at once with exit 2', async () => {
    const out = capture();
    const config = testConfig({ artifactDir: await tmp(), recipe: { name: 'concurrency-ramp', params: { concurrencyMin: 0, colour: 'red' } } });
    expect(await runBenchmark(config, out.io, { runProfile: fakeProfile().runProfile, sidecars: () => [] })).toBe(2);
    expect(out.err()).toMatchInlineSnapshot(`
      "Error: recipe 'concurrency-ramp' has invalid parameters:
        - colour: not a parameter of recipe 'concurrency-ramp'; allowed: concurrencyMin, concurrencyMax, concurrencySteps, degradationThreshold, degradationMetricTag, degradationStat
        - concurrencyMin: 0 is not allowed; expected an integer >= 1
      "
    `);
  });
});
