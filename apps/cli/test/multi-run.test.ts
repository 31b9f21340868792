// `--num-profile-runs N` end to end: per-trial dirs and the confidence aggregate checked against the trials' own files.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { autoPlotWarnings, pngNames, quickProfileArgs, readJson, runAiperf, tempDir } from './auto-plot-cli.js';
import { useMockServer } from './mock-fixture.js';

const server = useMockServer({ ttftMs: 2, itlMs: 1, ttftJitterMs: 1 });

describe('aiperf profile --num-profile-runs 3', () => {
  it('writes profile_runs/run_NNNN and a confidence aggregate computed from them', async () => {
    const dir = join(await tempDir('aiperf-multi-'), 'multi');
    const run = await runAiperf(quickProfileArgs(server.url, dir, ['--concurrency', '2', '--num-profile-runs', '3', '--auto-plot']));
    expect(run.code, run.stderr).toBe(0);

    const labels = ['run_0001', 'run_0002', 'run_0003'];
    const ttftAvgs: number[] = [];
    for (const label of labels) {
      const summary = await readJson(join(dir, 'profile_runs', label, 'profile_export_aiperf.json'));
      ttftAvgs.push(summary.time_to_first_token.avg);
      expect(existsSync(join(dir, 'profile_runs', label, 'plots'))).toBe(false);
    }

    const aggregate = await readJson(join(dir, 'aggregate', 'profile_export_aiperf_aggregate.json'));
    expect(aggregate.metadata).toMatchObject({
      aggregation_type: 'confidence', num_profile_runs: 3, num_successful_runs: 3, confidence_level: 0.95, run_labels: labels, failed_runs: [],
    });
    const ttft = aggregate.metrics.time_to_first_token_avg;
    const mean = ttftAvgs.reduce((a, b) => a + b, 0) / 3;
    const std = Math.sqrt(ttftAvgs.reduce((a, v) => a + (v - mean) ** 2, 0) / 2);
    expect(ttft.mean).toBeCloseTo(mean, 9);
    expect(ttft.std).toBeCloseTo(std, 9);
    expect(ttft.min).toBe(Math.min(...ttftAvgs));
    expect(ttft.max).toBe(Math.max(...ttftAvgs));
    expect(ttft.t_critical).toBeCloseTo(4.302652729911275, 6); // scipy t.ppf(0.975, 2)
    expect(ttft.ci_high - ttft.mean).toBeCloseTo((4.302652729911275 * std) / Math.sqrt(3), 6);
    expect(ttft.unit).toBe('ms');
    expect(aggregate.metrics.request_count_avg).toMatchObject({ mean: 6, std: 0, cv: 0 });
    expect(existsSync(join(dir, 'aggregate', 'profile_export_aiperf_aggregate.csv'))).toBe(true);

    // Auto-plot fired once, against the top-level dir (its log is there either way). `aiperf plot` does not
    // recurse into profile_runs/, so per the tutorial it either plots the top level or warns once; exit stays 0.
    expect(existsSync(join(dir, 'plots', 'aiperf_plot.log'))).toBe(true);
    const warnings = autoPlotWarnings(run.stderr);
    const pngs = await pngNames(join(dir, 'plots'));
    expect(warnings.length === 1 ? pngs.length === 0 : warnings.length === 0 && pngs.length > 0).toBe(true);
  });
});

describe('aiperf profile --num-profile-runs 2 --warmup-request-count 3', () => {
  it('warms up before the first run only and prints the CLI command after each run', async () => {
    const dir = join(await tempDir('aiperf-multi-warmup-'), 'multi');
    const args = quickProfileArgs(server.url, dir, ['--concurrency', '2', '--num-profile-runs', '2', '--no-auto-plot']);
    args[args.indexOf('--warmup-request-count') + 1] = '3';
    const before = server.stats().requests.total;
    const run = await runAiperf(args);
    expect(run.code, run.stderr).toBe(0);
    // 3 warmup requests (run 1 only) + 2 × 6 profiling requests reached the server.
    expect(server.stats().requests.total - before).toBe(3 + 2 * 6);
    const commands = run.stdout.split('\n').filter((line) => line.startsWith('CLI Command: '));
    expect(commands).toHaveLength(2);
    expect(commands[0]).toMatch(/^CLI Command: aiperf profile .*--num-profile-runs 2/);
    for (const label of ['run_0001', 'run_0002']) {
      const summary = await readJson(join(dir, 'profile_runs', label, 'profile_export_aiperf.json'));
      expect(summary.request_count.avg).toBe(6);
      expect(summary.input_config.loadgen.warmup_request_count).toBe(3);
    }
  });
});
