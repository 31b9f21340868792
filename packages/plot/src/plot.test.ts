import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPlots, defaultPlotConfig, loadRuns, plot, type ChartSpec } from './index.js';
import { expectValidPngs } from './testing/assertions.js';
import { pixelStats } from './testing/png.js';
import { shippedConfigEnabling } from './testing/config.js';
import { writeSingleRun } from './testing/fixtures.js';
import { makeTempDir } from '@aiperf/test-kit';

const root = await makeTempDir('aiperf-plot-single-');
process.env.AIPERF_PLOT_CONFIG_HOME = join(root, 'home');

const SINGLE_RUN_PLOTS = [
  'ttft_over_time',
  'itl_over_time',
  'latency_over_time',
  'dispersed_throughput_over_time',
  'ttft_timeline',
  'timeslices_ttft',
  'timeslices_itl',
  'timeslices_throughput',
  'timeslices_latency',
  'gpu_utilization_and_throughput_over_time',
  'gpu_memory_and_throughput_over_time',
  'gpu_power_and_throughput_over_time',
];

describe('single run with timeslices and GPU telemetry', () => {
  const run = join(root, 'Qwen3-concurrency8');
  let specs: Map<string, ChartSpec>;
  const lines: string[] = [];
  let result: Awaited<ReturnType<typeof plot>>;

  beforeAll(async () => {
    writeSingleRun(run, { requestCount: 300, concurrency: 8, sliceDurationS: 2, gpuCount: 2, varyLengths: true, slowRequests: [150, 230] });
    result = await plot({ paths: [run], createUserConfig: true, log: (line) => lines.push(line) });
    const { runs } = await loadRuns([run]);
    specs = new Map(buildPlots(runs, { config: defaultPlotConfig() }).specs.map((spec) => [spec.name, spec]));
  });

  it('writes every single-run plot of the catalogue, the summary and the log', async () => {
    expect(result.mode).toBe('single_run');
    expect(result.outputDir).toBe(join(run, 'plots'));
    await expectValidPngs(result.files, SINGLE_RUN_PLOTS);
    expect(readFileSync(join(run, 'plots', 'summary.txt'), 'utf8')).toContain('Generated 12 plots:\n\n  - ttft_over_time.png');
    expect(readFileSync(result.logPath, 'utf8')).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d - aiperf\.plot - INFO - Generating single-run plots \(1 run\)$/m);
    expect(lines).toContain(`Created plot configuration: ${join(root, 'home', 'plot_config.yaml')}`);
    expect(lines.slice(-2)).toEqual([`Saved 12 plots to: ${join(run, 'plots')}`, `Logs: ${join(run, 'plots', 'aiperf_plot.log')}`]);
  });

  it('per-request scatter: one marker per request, in request order, light palette blue', () => {
    const spec = specs.get('ttft_over_time')!;
    const [series] = spec.series;
    expect(spec).toMatchObject({ title: 'TTFT Per Request Over Time', x: { label: 'Request Number' }, y: { label: 'Time to First Token (ms)' } });
    expect(series!.x).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(series!.color).toBe('#4C72B0');
    // The first wave of requests has the cold-start spike the fixture writes.
    expect(Math.min(...(series!.y.slice(0, 8) as number[]))).toBeGreaterThan(Math.max(...(series!.y.slice(8, 150) as number[])));
    expect(Math.min(...(series!.y.slice(150, 230) as number[]))).toBeGreaterThan(200);
  });

  it('latency over time: raw markers plus rolling P50/P95/P99', () => {
    expect(specs.get('latency_over_time')!.series.map((s) => s.name)).toEqual(['Individual Requests', 'P50', 'P95', 'P99']);
  });

  it('dispersed throughput: a filled step line starting at the first generation', () => {
    const [series] = specs.get('dispersed_throughput_over_time')!.series;
    expect(series).toMatchObject({ style: 'step', fillColor: 'rgba(76,114,176,0.2)' });
    expect(series!.x[0]).toBe(0);
    expect(series!.y.at(-1)).toBe(0);
    expect(Math.max(...(series!.y as number[]))).toBeGreaterThan(500);
  });

  it('request timeline: prefill in NVIDIA green then decode, one segment per request', () => {
    const spec = specs.get('ttft_timeline')!;
    expect(spec.series.map((s) => [s.name, s.color])).toEqual([
      ['Prefill Phase', '#76B900'],
      ['Decode Phase', '#DD8452'],
    ]);
    expect(spec.series[0]!.y.filter((y) => y === null)).toHaveLength(300);
  });

  it('timeslices: averages per window at slice centres, run average, std band and outliers', () => {
    const spec = specs.get('timeslices_ttft')!;
    expect(spec.series.map((s) => s.name)).toEqual(expect.arrayContaining(['Timeslice Average', '±1 Timeslice Std']));
    expect(spec.series.some((s) => s.name.startsWith('Run Average: '))).toBe(true);
    const averages = spec.series.find((s) => s.name === 'Timeslice Average')!;
    expect(averages.x.slice(0, 2)).toEqual([1, 3]);
    // Band and run average are drawn first (underneath); the legend keeps the spec's ranks.
    expect(spec.series.map((s) => s.name.replace(/:.*/, ''))).toEqual(['Run Std', 'Run Average', 'Timeslice Average', '±1 Timeslice Std', 'Outliers']);
    expect(spec.series.map((s) => s.legendRank)).toEqual([3, 4, 1, 2, 5]);
    expect(spec.x.ticks!.slice(0, 2)).toEqual([
      { value: 1, label: '0-2' },
      { value: 3, label: '2-4' },
    ]);
    // The fixture's stall (requests 150–229 wait 200 ms more) makes its slices outliers: red diamonds.
    const outliers = spec.series.find((s) => s.name === 'Outliers')!;
    expect(outliers).toMatchObject({ color: '#E74C3C', markerShape: 'diamond' });
    const runAverage = Number(spec.series.find((s) => s.name.startsWith('Run Average: '))!.y[0]);
    expect(outliers.y.every((y) => (y as number) > runAverage + 100)).toBe(true);
    expect(outliers.x.every((x) => averages.x.includes(x))).toBe(true);
    expect(specs.get('timeslices_throughput')!.footnotes[0]).toMatch(/^⚠ Requests have varying ISL\/OSL/);
  });

  it('GPU plots: throughput on the left axis, the GPU metric averaged over GPUs on the right', () => {
    const spec = specs.get('gpu_utilization_and_throughput_over_time')!;
    expect(spec.y2).toMatchObject({ label: 'GPU Utilization (%)', min: 0, max: 100 });
    expect(spec.series.map((s) => s.axis)).toEqual(['y', 'y2']);
    expect(specs.get('gpu_power_and_throughput_over_time')!.y2!.label).toBe('GPU Power Usage (W)');
  });

  it('dark theme draws on the dark paper colour', async () => {
    // The shipped config with only the plot checked here enabled: drawing the other eleven of 300 requests again
    // took most of this file's time.
    const configPath = join(root, 'dispersed-only.yaml');
    writeFileSync(configPath, shippedConfigEnabling('single_run', ['dispersed_throughput_over_time']));
    const dark = await plot({ paths: [run], theme: 'dark', outputDir: join(root, 'dark'), configPath });
    expect(dark.files).toEqual([join(root, 'dark', 'dispersed_throughput_over_time.png')]);
    const stats = await pixelStats(dark.files[0]!);
    expect(stats.hasColor('#252525')).toBe(true);
    expect(stats.hasColor('#76B900')).toBe(true);
  });
});

describe('single run without timeslices or GPU telemetry', () => {
  it('skips those plots with a reason instead of writing empty PNGs', async () => {
    const run = writeSingleRun(join(root, 'plain'), { requestCount: 40 });
    const lines: string[] = [];
    const result = await plot({ paths: [run], log: (line) => lines.push(line) });
    await expectValidPngs(result.files, SINGLE_RUN_PLOTS.slice(0, 5));
    expect(result.skipped).toContainEqual({ name: 'timeslices_ttft', reason: 'no timeslice data (profile_export_aiperf_timeslices.csv)' });
    expect(result.skipped).toContainEqual({ name: 'gpu_utilization_and_throughput_over_time', reason: 'no GPU telemetry (gpu_telemetry_export.jsonl)' });
    // Absent data is normal: the log says what was skipped, the console stays quiet.
    expect(lines.filter((line) => line.startsWith('Skipping'))).toEqual([]);
    expect(readFileSync(result.logPath, 'utf8')).toContain('INFO - Skipping timeslices_itl: no timeslice data (profile_export_aiperf_timeslices.csv)');
    expect(existsSync(join(run, 'plots', 'timeslices_ttft.png'))).toBe(false);
  });

  it('returns no files when every enabled plot lacks data', async () => {
    const run = writeSingleRun(join(root, 'gpu-only'), { requestCount: 10 });
    const config = join(root, 'gpu-only.yaml');
    writeFileSync(
      config,
      'visualization:\n  single_run_defaults: [gpu]\n  single_run_plots:\n    gpu: {type: dual_axis, x: timestamp_s, y: throughput_tokens_per_sec, y2: gpu_utilization}\n',
    );
    const result = await plot({ paths: [run], configPath: config });
    expect(result.files).toEqual([]);
    expect(result.skipped).toEqual([{ name: 'gpu', reason: 'no GPU telemetry (gpu_telemetry_export.jsonl)' }]);
  });
});
