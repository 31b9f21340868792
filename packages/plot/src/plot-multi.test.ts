import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPlots, DEFAULT_PLOT_CONFIG_YAML, defaultPlotConfig, loadPlotConfigFile, loadRuns, plot, type ChartSpec } from './index.js';
import { expectValidPngs } from './testing/assertions.js';
import { shippedConfigEnabling } from './testing/config.js';
import { CLASSIFICATION_EXPERIMENTS, writeClassificationLayout, writeSweep } from './testing/fixtures.js';
import { pixelStats } from './testing/png.js';
import { makeTempDir } from '@aiperf/test-kit';

const root = await makeTempDir('aiperf-plot-multi-');
process.env.AIPERF_PLOT_CONFIG_HOME = join(root, 'home');
const MULTI_RUN_PLOTS = [
  'pareto_curve_throughput_per_gpu_vs_latency',
  'pareto_curve_throughput_per_gpu_vs_interactivity',
  'ttft_vs_throughput',
  'latency_throughput_uncertainty',
];
const byName = (specs: ChartSpec[]) => new Map(specs.map((spec) => [spec.name, spec]));

describe('multi-run sweep', () => {
  const sweep = join(root, 'sweep_qwen');
  writeSweep(sweep, [1, 2, 4, 8, 16], { gpuCount: 2 });

  it('writes the multi-run catalogue as valid, non-blank PNGs', async () => {
    const result = await plot({ paths: [sweep] });
    expect(result.mode).toBe('multi_run');
    await expectValidPngs(result.files, MULTI_RUN_PLOTS);
    expect(readFileSync(result.logPath, 'utf8')).toContain('Generating multi-run plots (5 runs)');
  });

  it('TTFT vs throughput: one series per model, points in ascending x, labelled by concurrency', async () => {
    const { runs } = await loadRuns([sweep]);
    const spec = byName(buildPlots(runs, { config: defaultPlotConfig() }).specs).get('ttft_vs_throughput')!;
    expect(spec.x.label).toBe('Time to First Token (ms)');
    expect(spec.y.label).toBe('Request Throughput (requests/sec)');
    expect(spec.series).toHaveLength(1);
    const [series] = spec.series;
    expect(series).toMatchObject({ name: 'Qwen/Qwen3-0.6B', color: '#4C72B0', pointLabels: ['1', '2', '4', '8', '16'] });
    // x = each run's TTFT avg, the statistic the shipped preset names, ascending.
    const averages = runs.map((run) => run.metrics.time_to_first_token!.avg as number).sort((a, b) => a - b);
    expect(series!.x).toEqual(averages);
  });

  it('Pareto: per-GPU throughput = output throughput ÷ GPU count; the frontier is computed', async () => {
    const { runs } = await loadRuns([sweep]);
    const specs = byName(buildPlots(runs, { config: defaultPlotConfig() }).specs);
    const latency = specs.get('pareto_curve_throughput_per_gpu_vs_latency')!;
    expect(latency.y.label).toBe('Output Token Throughput Per GPU (tokens/sec/gpu)');
    const [series] = latency.series;
    const expected = runs.map((run) => (run.metrics.output_token_throughput!.avg as number) / 2).sort((a, b) => a - b);
    expect([...series!.y].sort((a, b) => (a as number) - (b as number))).toEqual(expected);
    // Latency and per-GPU throughput both grow with concurrency: every run is Pareto-optimal.
    expect(series!.frontierIndices).toEqual([0, 1, 2, 3, 4]);
    expect(latency.footnotes).toEqual(['Lines connect Pareto frontier points only; other points remain markers.']);
    // Interactivity falls as throughput rises: also all optimal (higher x and higher y both better).
    expect(specs.get('pareto_curve_throughput_per_gpu_vs_interactivity')!.series[0]!.frontierIndices).toHaveLength(5);
  });

  it('without GPU telemetry only TTFT vs throughput is drawn; the Pareto plots say why', async () => {
    const plain = join(root, 'no_gpu');
    writeSweep(plain, [1, 4]);
    const result = await plot({ paths: [plain] });
    expect(result.files.map((f) => f.slice(f.lastIndexOf('/') + 1))).toEqual(['ttft_vs_throughput.png']);
    expect(result.skipped).toContainEqual({
      name: 'pareto_curve_throughput_per_gpu_vs_latency',
      reason: "no 'output_token_throughput_per_gpu' column (needs GPU telemetry in the runs' summaries)",
    });
  });

  it('more than 4 series: one warning per trace count', async () => {
    const models = join(root, 'models');
    for (const model of ['a', 'b', 'c', 'd', 'e']) writeSweep(join(models, model), [1, 2], { model: `org/${model}`, gpuCount: 1 });
    // Two shipped plots with five traces each (one per model): drawing the whole catalogue adds nothing to the check.
    const twoPlots = ['pareto_curve_throughput_per_gpu_vs_latency', 'ttft_vs_throughput'];
    const configPath = join(root, 'two-plots.yaml');
    writeFileSync(configPath, shippedConfigEnabling('multi_run', twoPlots));
    const { runs } = await loadRuns([models]);
    const specs = buildPlots(runs, { config: loadPlotConfigFile(configPath) }).specs;
    expect(specs.map((spec) => [spec.name, spec.series.filter((series) => series.showInLegend).length])).toEqual(twoPlots.map((name) => [name, 5]));
    const lines: string[] = [];
    const result = await plot({ paths: [models], configPath, log: (line) => lines.push(line) });
    expect(result.files).toHaveLength(2);
    expect(lines.filter((line) => line.includes('traces'))).toEqual([
      'WARNING: Plot contains 5 traces, which exceeds the recommended maximum of 4 for clarity.',
    ]);
  });

  it('group colours: shared by every plot of one export, cycling the 10-colour palette', async () => {
    const many = join(root, 'many_models');
    for (let i = 0; i < 12; i += 1) writeSweep(join(many, `m${String(i).padStart(2, '0')}`), [1], { model: `org/m${String(i).padStart(2, '0')}`, gpuCount: 1 });
    const { runs } = await loadRuns([many]);
    const specs = byName(buildPlots(runs, { config: defaultPlotConfig() }).specs);
    const colours = (name: string) => new Map(specs.get(name)!.series.map((s) => [s.name, s.color]));
    const ttft = colours('ttft_vs_throughput');
    expect(colours('pareto_curve_throughput_per_gpu_vs_latency')).toEqual(ttft);
    expect(ttft.get('org/m00')).toBe('#4C72B0');
    expect(ttft.get('org/m10')).toBe(ttft.get('org/m00'));
    expect(new Set([...ttft.values()]).size).toBe(10);
  });

  it('uncertainty: repeated trials per concurrency give means with confidence bounds', async () => {
    const trials = join(root, 'trials');
    for (const trial of [1, 2, 3]) writeSweep(join(trials, `trial_000${trial}`), [2, 8], { gpuCount: 1, seed: trial * 31 });
    const { runs } = await loadRuns([trials]);
    const spec = byName(buildPlots(runs, { config: defaultPlotConfig() }).specs).get('latency_throughput_uncertainty')!;
    const series = spec.series.find((s) => s.name === 'model = Qwen/Qwen3-0.6B')!;
    expect(series.pointLabels).toEqual(['2', '8']);
    expect(series.x).toHaveLength(2);
    expect(series.errorBounds!.xLow[0]).toBeLessThan(series.x[0]!);
    expect(series.polygons).toHaveLength(2);
  });
});

describe('experiment classification layout', () => {
  const artifacts = join(root, 'artifacts');
  writeClassificationLayout(artifacts);
  const configPath = join(root, 'classification.yaml');
  const shipped = DEFAULT_PLOT_CONFIG_YAML;

  it('baselines are grey and listed first, treatments green then bright; grouped by experiment', async () => {
    writeFileSync(
      configPath,
      shipped.replace(
        /# experiment_classification:[\s\S]*$/,
        'experiment_classification:\n  baselines: ["*baseline*"]\n  treatments: ["*treatment*"]\n  default: treatment\n  group_display_names:\n    baseline_moderate_io_isl100_osl200_streaming: Baseline\n',
      ),
    );
    const result = await plot({ paths: [artifacts], configPath });
    await expectValidPngs(result.files, MULTI_RUN_PLOTS);
    const { runs } = await loadRuns([artifacts]);
    const spec = byName(buildPlots(runs, { config: loadPlotConfigFile(configPath) }).specs).get('ttft_vs_throughput')!;
    expect(spec.series.map((s) => [s.name, s.color, s.experimentType, s.x.length])).toEqual([
      ['Baseline', '#999999', 'baseline', 2],
      [CLASSIFICATION_EXPERIMENTS[1], '#76B900', 'treatment', 2],
      [CLASSIFICATION_EXPERIMENTS[2], '#023EFF', 'treatment', 2],
    ]);
    const pixels = await pixelStats(result.files.find((f) => f.endsWith('ttft_vs_throughput.png'))!);
    expect(pixels.hasColor('#76B900') && pixels.hasColor('#999999') && pixels.hasColor('#023EFF')).toBe(true);
  });

  it('without classification the same runs are separate series in the default palette', async () => {
    const { runs } = await loadRuns([artifacts]);
    const spec = byName(buildPlots(runs, { config: defaultPlotConfig() }).specs).get('ttft_vs_throughput')!;
    expect(spec.series.map((s) => s.name)).toEqual(['Qwen/Qwen3-0.6B']);
  });
});
