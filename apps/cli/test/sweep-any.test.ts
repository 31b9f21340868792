// Sweeps of any parameter end to end: a --request-rate sweep and a two-parameter grid, each with its sweep
// aggregate and multi-run plots (labelled by what was swept, not by the unchanged concurrency).
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '@aiperf/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN_LOOP_LOAD, isPng, pngNames, readJson, runAiperf, tempDir } from './auto-plot-cli.js';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, ttftMs: 2, itlMs: 1 });
});
afterAll(async () => {
  await server?.close();
});

const args = (dir: string, extra: string[]) => [
  'profile', '-m', 'mock-model', '-u', server.url, '--streaming', '--request-count', '6', '--warmup-request-count', '0',
  '--artifact-dir', dir, '--no-gpu-telemetry', '--ui', 'none', '--tokenizer', 'builtin', '--auto-plot', ...MAIN_LOOP_LOAD, ...extra,
];

/** Re-plots `dir` with DEBUG lines and returns each multi-run plot's point labels (from aiperf_plot.log). */
async function plotLabels(dir: string): Promise<Record<string, string[]>> {
  const run = await runAiperf(['plot', dir, '--verbose']);
  expect(run.code, run.stderr).toBe(0);
  const log = await readFile(join(dir, 'plots', 'aiperf_plot.log'), 'utf8');
  const out: Record<string, string[]> = {};
  for (const match of log.matchAll(/DEBUG - (\S+): .*; point labels: (.*?); rendered/g)) out[match[1]!] = match[2]!.split(' | ');
  return out;
}

describe('aiperf profile: sweeps of any parameter', () => {
  it('--request-rate 20,40: one dir per rate, a sweep aggregate over request_rate, multi-run plots', async () => {
    const dir = join(await tempDir('aiperf-rate-sweep-'), 'sweep');
    // Plotted once, by `aiperf plot --verbose` below (auto-plot of sweeps is covered by sweep.test.ts).
    const run = await runAiperf(args(dir, ['--request-rate', '20,40', '--isl', '16', '--osl', '4', '--no-auto-plot']));
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
    expect(await readJson(join(dir, 'request_rate_40.0', 'sweep_cell.json'))).toEqual({ variation_label: 'phases.profiling.rate=40.0', variation_values: { request_rate: 40 } });
    // The multi-run plots label their points by the swept rate, not by the unchanged concurrency.
    const labels = await plotLabels(dir);
    const plots = await pngNames(join(dir, 'plots'));
    expect(plots.length).toBeGreaterThan(0);
    expect(await isPng(join(dir, 'plots', plots[0]!))).toBe(true);
    expect(Object.keys(labels).length).toBeGreaterThan(0);
    for (const points of Object.values(labels)) expect([...points].sort()).toEqual(['request_rate=20', 'request_rate=40']);
    // The file's first test also loads the engine and the plot stack (50 s seen under a load average of 58).
  }, 120_000);

  it('--isl 16,32 --osl 4,8: a 2×2 grid with one dir per combination and aggregates naming both parameters', async () => {
    const dir = join(await tempDir('aiperf-grid-'), 'grid');
    const run = await runAiperf(args(dir, ['--concurrency', '2', '--isl', '16,32', '--osl', '4,8', '--no-auto-plot']));
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
    const csv = await readFile(join(dir, 'sweep_aggregate', 'profile_export_aiperf_sweep.csv'), 'utf8');
    expect(csv.split('\n').slice(0, 5).map((line) => line.split(',').slice(0, 2).join(','))).toEqual(['isl,osl', '16,4', '16,8', '32,4', '32,8']);
    const labels = await plotLabels(dir);
    expect((await pngNames(join(dir, 'plots'))).length).toBeGreaterThan(0);
    expect(Object.keys(labels).length).toBeGreaterThan(0);
    for (const points of Object.values(labels)) expect([...points].sort()).toEqual(['isl=16, osl=4', 'isl=16, osl=8', 'isl=32, osl=4', 'isl=32, osl=8']);
  });

  it('--sweep-type zip pairs the i-th values: 2 runs instead of 4', async () => {
    const dir = join(await tempDir('aiperf-zip-'), 'zip');
    const run = await runAiperf(args(dir, ['--concurrency', '2', '--isl', '16,32', '--osl', '4,8', '--sweep-type', 'zip', '--no-auto-plot']));
    expect(run.code, run.stderr).toBe(0);
    const sweep = await readJson(join(dir, 'sweep_aggregate', 'profile_export_aiperf_sweep.json'));
    expect(sweep.per_combination_metrics.map((row: { parameters: unknown }) => row.parameters)).toEqual([{ isl: 16, osl: 4 }, { isl: 32, osl: 8 }]);
  });

  it('YAML sweep.parameters of any one-value setting by its path (a number and an enum, zipped): cells, aggregate and plot labels use the path', async () => {
    const dir = join(await tempDir('aiperf-path-sweep-'), 'sweep');
    const yaml = join(dir, '..', 'bench.yaml');
    await writeFile(yaml, 'sweep:\n  type: zip\n  parameters: {benchmark.load.warmup_request_count: [0, 2], benchmark.load.arrival_pattern: [constant, poisson]}\n');
    const run = await runAiperf(args(dir, ['-f', yaml, '--request-rate', '50', '--isl', '16', '--osl', '4', '--no-auto-plot']));
    expect(run.code, run.stderr + run.stdout.slice(-3000)).toBe(0);
    const cells = [['load.arrival_pattern_constant__load.warmup_request_count_0', 'constant', 0], ['load.arrival_pattern_poisson__load.warmup_request_count_2', 'poisson', 2]] as const;
    for (const [cell, pattern, warmup] of cells) {
      const summary = await readJson(join(dir, cell, 'profile_export_aiperf.json'));
      expect(summary.input_config.loadgen).toMatchObject({ arrival_pattern: pattern, warmup_request_count: warmup, request_rate: 50 });
      expect(summary.request_count.avg).toBe(6);
    }
    const sweep = await readJson(join(dir, 'sweep_aggregate', 'profile_export_aiperf_sweep.json'));
    expect(sweep.metadata.sweep_parameters).toEqual([
      { name: 'benchmark.load.arrival_pattern', values: ['constant', 'poisson'] },
      { name: 'benchmark.load.warmup_request_count', values: [0, 2] },
    ]);
    const labels = await plotLabels(dir);
    expect(Object.keys(labels).length).toBeGreaterThan(0);
    for (const points of Object.values(labels)) {
      expect([...points].sort()).toEqual(['benchmark.load.arrival_pattern=constant, benchmark.load.warmup_request_count=0', 'benchmark.load.arrival_pattern=poisson, benchmark.load.warmup_request_count=2']);
    }
  });

  it('named variants: --variant picks them in order; one dir, aggregate row and plot label per name', async () => {
    const dir = join(await tempDir('aiperf-variants-'), 'variants');
    const yaml = join(dir, '..', 'bench.yaml');
    await writeFile(yaml, 'variants:\n  short: {isl: 16, osl: 4}\n  long: {isl: 48, osl: 8, benchmark.load.request_rate: 50}\n  unused: {isl: 8}\n');
    const run = await runAiperf(args(dir, ['-f', yaml, '--variant', 'long,short', '--no-auto-plot']));
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(dir, 'unused'))).toBe(false);
    const long = await readJson(join(dir, 'long', 'profile_export_aiperf.json'));
    expect(long.input_sequence_length.avg).toBe(48);
    expect(long.input_config.loadgen).toMatchObject({ timing_mode: 'request_rate', request_rate: 50 });
    expect((await readJson(join(dir, 'short', 'profile_export_aiperf.json'))).output_sequence_length.avg).toBe(4);
    const sweep = await readJson(join(dir, 'sweep_aggregate', 'profile_export_aiperf_sweep.json'));
    expect(sweep.metadata.variants).toEqual(['long', 'short']);
    expect(sweep.per_combination_metrics.map((row: { variant: string; parameters: unknown }) => [row.variant, row.parameters])).toEqual([
      ['long', { isl: 48, osl: 8, request_rate: 50 }],
      ['short', { isl: 16, osl: 4 }],
    ]);
    expect(['long', 'short']).toContain(sweep.best_configurations.best_throughput.variant);
    const csv = await readFile(join(dir, 'sweep_aggregate', 'profile_export_aiperf_sweep.csv'), 'utf8');
    expect(csv.split('\n').slice(0, 3).map((line) => line.split(',').slice(0, 4).join(','))).toEqual(['variant,isl,osl,request_rate', 'long,48,8,50', 'short,16,4,']);
    const labels = await plotLabels(dir);
    expect((await pngNames(join(dir, 'plots'))).length).toBeGreaterThan(0);
    expect(Object.keys(labels).length).toBeGreaterThan(0);
    for (const points of Object.values(labels)) expect([...points].sort()).toEqual(['long', 'short']);
  });
});
