// Sweeps of any parameter end to end: a --request-rate sweep and a two-parameter grid, each with its sweep
// aggregate and multi-run plots (labelled by what was swept, not by the unchanged concurrency).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '@aiperf/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPng, pngNames, readJson, runAiperf, tempDir } from './auto-plot-cli.js';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, ttftMs: 2, itlMs: 1 });
});
afterAll(async () => {
  await server?.close();
});

const args = (dir: string, extra: string[]) => [
  'profile', '-m', 'mock-model', '-u', server.url, '--streaming', '--request-count', '6', '--warmup-request-count', '0',
  '--artifact-dir', dir, '--no-gpu-telemetry', '--ui', 'none', '--tokenizer', 'builtin', '--auto-plot', ...extra,
];

describe('aiperf profile: sweeps of any parameter', () => {
  it('--request-rate 20,40: one dir per rate, a sweep aggregate over request_rate, multi-run plots', async () => {
    const dir = join(await tempDir('aiperf-rate-sweep-'), 'sweep');
    const run = await runAiperf(args(dir, ['--request-rate', '20,40', '--isl', '16', '--osl', '4']));
    expect(run.code, run.stderr).toBe(0);
    for (const [cell, rate] of [['request_rate_20.0', 20], ['request_rate_40.0', 40]] as const) {
      const summary = await readJson(join(dir, cell, 'profile_export_aiperf.json'));
      expect(summary.request_count.avg).toBe(6);
      expect(summary.input_config.loadgen).toMatchObject({ timing_mode: 'request_rate', request_rate: rate });
    }
    const sweep = await readJson(join(dir, 'sweep_aggregate', 'profile_export_aiperf_sweep.json'));
    expect(sweep.metadata).toMatchObject({ sweep_parameters: [{ name: 'request_rate', values: [20, 40] }], num_combinations: 2 });
    expect(sweep.per_combination_metrics.map((row: { parameters: unknown }) => row.parameters)).toEqual([{ request_rate: 20 }, { request_rate: 40 }]);
    expect(sweep.best_configurations.best_throughput.parameters).toHaveProperty('request_rate');
    const plots = await pngNames(join(dir, 'plots'));
    expect(plots.length).toBeGreaterThan(0);
    expect(await isPng(join(dir, 'plots', plots[0]!))).toBe(true);
  });

  it('--isl 16,32 --osl 4,8: a 2×2 grid with one dir per combination and aggregates naming both parameters', async () => {
    const dir = join(await tempDir('aiperf-grid-'), 'grid');
    const run = await runAiperf(args(dir, ['--concurrency', '2', '--isl', '16,32', '--osl', '4,8']));
    expect(run.code, run.stderr).toBe(0);
    const cells = ['isl_16__osl_4', 'isl_16__osl_8', 'isl_32__osl_4', 'isl_32__osl_8'];
    for (const cell of cells) {
      const summary = await readJson(join(dir, cell, 'profile_export_aiperf.json'));
      const [isl, osl] = cell.match(/\d+/g)!.map(Number);
      expect(summary.input_sequence_length.avg).toBe(isl);
      expect(summary.output_sequence_length.avg).toBe(osl);
    }
    const sweep = await readJson(join(dir, 'sweep_aggregate', 'profile_export_aiperf_sweep.json'));
    expect(sweep.metadata.sweep_parameters).toEqual([{ name: 'isl', values: [16, 32] }, { name: 'osl', values: [4, 8] }]);
    expect(sweep.per_combination_metrics).toHaveLength(4);
    expect(existsSync(join(dir, 'sweep_aggregate', 'profile_export_aiperf_sweep.csv'))).toBe(true);
    expect((await pngNames(join(dir, 'plots'))).length).toBeGreaterThan(0);
  });

  it('--sweep-type zip pairs the i-th values: 2 runs instead of 4', async () => {
    const dir = join(await tempDir('aiperf-zip-'), 'zip');
    const run = await runAiperf(args(dir, ['--concurrency', '2', '--isl', '16,32', '--osl', '4,8', '--sweep-type', 'zip', '--no-auto-plot']));
    expect(run.code, run.stderr).toBe(0);
    const sweep = await readJson(join(dir, 'sweep_aggregate', 'profile_export_aiperf_sweep.json'));
    expect(sweep.per_combination_metrics.map((row: { parameters: unknown }) => row.parameters)).toEqual([{ isl: 16, osl: 4 }, { isl: 32, osl: 8 }]);
  });
});
