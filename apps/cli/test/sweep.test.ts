// Concurrency sweep end to end: per-value directories, the sweep aggregate's content, auto-plot fired once at the top.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pngNames, quickProfileArgs, readJson, runAiperf, tempDir } from './auto-plot-cli.js';
import { useMockServer } from './mock-fixture.js';

const server = useMockServer({ ttftMs: 2, itlMs: 1 });

describe('aiperf profile --concurrency 1,2 (sweep)', () => {
  it('writes one dir per value and the sweep aggregate, then auto-plots once against the top-level dir', async () => {
    const dir = join(await tempDir('aiperf-sweep-'), 'sweep');
    const run = await runAiperf(quickProfileArgs(server.url, dir, ['--concurrency', '1,2', '--auto-plot']));
    expect(run.code, run.stderr).toBe(0);

    for (const cell of ['concurrency_1', 'concurrency_2']) {
      const summary = await readJson(join(dir, cell, 'profile_export_aiperf.json'));
      expect(summary.request_count.avg).toBe(6);
      expect(existsSync(join(dir, cell, 'profile_export.jsonl'))).toBe(true);
      expect(existsSync(join(dir, cell, 'plots'))).toBe(false);
    }

    const sweep = await readJson(join(dir, 'sweep_aggregate', 'profile_export_aiperf_sweep.json'));
    expect(sweep.aggregation_type).toBe('sweep');
    expect(sweep.num_successful_runs).toBe(2);
    expect(sweep.failed_runs).toEqual([]);
    expect(sweep.metadata).toMatchObject({
      sweep_parameters: [{ name: 'concurrency', values: [1, 2] }],
      num_combinations: 2,
      num_trials_per_value: 1,
      sweep_mode: 'repeated',
    });
    expect(sweep.per_combination_metrics.map((row: { parameters: unknown }) => row.parameters)).toEqual([{ concurrency: 1 }, { concurrency: 2 }]);
    for (const [i, cell] of ['concurrency_1', 'concurrency_2'].entries()) {
      const summary = await readJson(join(dir, cell, 'profile_export_aiperf.json'));
      const metrics = sweep.per_combination_metrics[i].metrics;
      // One trial per value: the cell carries the run's own stats (mean = avg, std 0, CI collapsed).
      expect(metrics.time_to_first_token).toMatchObject({
        mean: summary.time_to_first_token.avg, p99: summary.time_to_first_token.p99, std: 0, ci_low: summary.time_to_first_token.avg,
      });
      expect(metrics.request_throughput.mean).toBe(summary.request_throughput.avg);
    }
    const throughputs = sweep.per_combination_metrics.map((row: { metrics: { request_throughput: { mean: number } } }) => row.metrics.request_throughput.mean);
    expect(sweep.best_configurations.best_throughput.metric).toBe(Math.max(...throughputs));
    expect(sweep.pareto_optimal.length).toBeGreaterThan(0);
    expect(existsSync(join(dir, 'sweep_aggregate', 'profile_export_aiperf_sweep.csv'))).toBe(true);

    // Auto-plot ran exactly once, on the top-level directory, in multi-run mode.
    expect(run.stdout.match(/Saved \d+ plots? to: /g)).toHaveLength(1);
    expect(run.stdout).toContain(`to: ${join(dir, 'plots')}`);
    expect((await pngNames(join(dir, 'plots'))).length).toBeGreaterThan(0);
  });

  it('independent mode with trials: <value>/profile_runs/trial_NNNN and a per-value aggregate', async () => {
    const dir = join(await tempDir('aiperf-sweep-indep-'), 'sweep');
    const run = await runAiperf(
      quickProfileArgs(server.url, dir, ['--concurrency', '1,2', '--num-profile-runs', '2', '--parameter-sweep-mode', 'independent']),
    );
    expect(run.code, run.stderr).toBe(0);
    for (const cell of ['concurrency_1', 'concurrency_2']) {
      for (const trial of ['trial_0001', 'trial_0002']) {
        expect(existsSync(join(dir, cell, 'profile_runs', trial, 'profile_export_aiperf.json'))).toBe(true);
      }
      const aggregate = await readJson(join(dir, cell, 'aggregate', 'profile_export_aiperf_aggregate.json'));
      expect(aggregate.metadata).toMatchObject({ num_profile_runs: 2, num_successful_runs: 2, sweep_mode: 'independent' });
      expect(aggregate.metrics.request_count_avg).toMatchObject({ mean: 6, std: 0 });
    }
    const sweep = await readJson(join(dir, 'sweep_aggregate', 'profile_export_aiperf_sweep.json'));
    expect(sweep.per_combination_metrics[0].metrics.request_count_avg.mean).toBe(6);
    expect(existsSync(join(dir, 'plots'))).toBe(false);
  });
});
