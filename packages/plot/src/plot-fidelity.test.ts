// What a plot shows, checked on the drawn chart: the named statistic, pre-run GPU telemetry, outliers on top,
// axes fitted to the data, every per-request and GPU field by name, verbose logging and legends.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { Chart } from 'chart.js';
import { afterAll, describe, expect, it } from 'vitest';
import { percentileOfSorted } from '@aiperf/stats';
import { buildPlots, defaultPlotConfig, loadPlotConfigFile, loadRuns, plot, toChartConfiguration, type ChartSpec, type PlotConfig } from './index.js';
import { registerChartComponents } from './render/chart-config.js';
import { shippedConfigEnabling } from './testing/config.js';
import { writeSingleRun, writeSweep } from './testing/fixtures.js';
import { makeTempDir } from '@aiperf/test-kit';

registerChartComponents();
const root = await makeTempDir('aiperf-plot-fidelity-');
process.env.AIPERF_PLOT_CONFIG_HOME = join(root, 'home');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Draws a spec as the PNG renderer does and hands back the live chart (scales, pixels). */
function draw(spec: ChartSpec): { chart: Chart; pixel: (x: number, y: number) => [number, number, number]; done: () => void } {
  const canvas = createCanvas(spec.widthPx, spec.heightPx);
  const chart = new Chart(canvas as never, toChartConfiguration(spec));
  const ctx = canvas.getContext('2d');
  const pixel = (x: number, y: number): [number, number, number] => {
    const { data } = ctx.getImageData(Math.round(x * spec.pixelRatio), Math.round(y * spec.pixelRatio), 1, 1);
    return [data[0]!, data[1]!, data[2]!];
  };
  return { chart, pixel, done: () => chart.destroy() };
}

const configFile = (name: string, yaml: string): PlotConfig => {
  const path = join(root, `${name}.yaml`);
  writeFileSync(path, yaml);
  return loadPlotConfigFile(path);
};
const datasetPoints = (spec: ChartSpec, index = 0) => (toChartConfiguration(spec).data.datasets[index]!.data as { x: number; y: number }[]).map((p) => p);

describe('multi-run: the named statistic is the one plotted', () => {
  const sweep = join(root, 'sweep');
  writeSweep(sweep, [1, 2, 4], { gpuCount: 1, allRequestMetrics: true, requestCount: 48 });
  const config = configFile(
    'stats',
    `visualization:
  multi_run_defaults: [ttst_p99, latency_p90, ttft_default]
  single_run_defaults: []
  single_run_plots: {}
  multi_run_plots:
    ttst_p99: {type: scatter_line, x: time_to_second_token_p99, y: request_throughput, labels: [concurrency], groups: [model]}
    latency_p90: {type: pareto, x: {metric: request_latency, stat: p90}, y: output_token_throughput_per_gpu, labels: [concurrency], groups: [model]}
    ttft_default: {type: scatter_line, x: time_to_first_token, y: request_throughput, labels: [concurrency], groups: [model]}
`,
  );

  it('draws each run at its p99 / p90 (which differ from its p50), labelled with that statistic; p50 only when none is named', async () => {
    const { runs } = await loadRuns([sweep]);
    const { specs } = buildPlots(runs, { config });
    const byName = new Map(specs.map((spec) => [spec.name, spec]));
    const expectAt = (name: string, metric: string, stat: string, label: string) => {
      const spec = byName.get(name)!;
      expect(spec.x.label).toBe(label);
      const expected = runs.map((run) => run.metrics[metric]![stat] as number).sort((a, b) => a - b);
      if (stat !== 'p50') for (const run of runs) expect(run.metrics[metric]![stat]).not.toBe(run.metrics[metric]!.p50);
      const drawn = datasetPoints(spec, spec.type === 'pareto' ? 1 : 0).map((point) => point.x);
      expect(drawn).toEqual(expected);
      const { chart, done } = draw(spec);
      // The drawn chart's x range holds exactly those values.
      expect(chart.scales.x!.min).toBeLessThanOrEqual(expected[0]!);
      expect(chart.scales.x!.max).toBeGreaterThanOrEqual(expected.at(-1)!);
      done();
    };
    expectAt('ttst_p99', 'time_to_second_token', 'p99', 'Time to Second Token (p99) (ms)');
    expectAt('latency_p90', 'request_latency', 'p90', 'Request Latency (p90) (ms)');
    expectAt('ttft_default', 'time_to_first_token', 'p50', 'Time to First Token (p50) (ms)');
    // Request throughput has one value per run: plotted as that value whatever is named.
    expect(byName.get('ttst_p99')!.y.label).toBe('Request Throughput (requests/sec)');
  });

  it('a statistic the summaries lack is a skip that names it, not a silent fallback', async () => {
    const { runs } = await loadRuns([sweep]);
    const missing = configFile(
      'missing-stat',
      `visualization:
  multi_run_defaults: [p42ish]
  single_run_defaults: []
  single_run_plots: {}
  multi_run_plots:
    p42ish: {type: scatter_line, x: {metric: request_latency, stat: p1}, y: request_throughput}
`,
    );
    // p1 exists in the fixture summaries; drop it from one run to see a partial statistic still plotted for the others.
    delete runs[0]!.metrics.request_latency!.p1;
    const { specs } = buildPlots(runs, { config: missing });
    expect(specs[0]!.series.flatMap((series) => series.x)).toHaveLength(2);
    for (const run of runs) delete run.metrics.request_latency!.p1;
    expect(buildPlots(runs, { config: missing }).skipped).toEqual([{ name: 'p42ish', reason: "no 'p1' of 'request_latency' in the runs' summaries" }]);
  });

  it('axes fit the data with padding (a Pareto curve uses the plot), counts start at zero', async () => {
    const { runs } = await loadRuns([sweep]);
    const spec = buildPlots(runs, { config }).specs.find((s) => s.name === 'latency_p90')!;
    const { chart, done } = draw(spec);
    const xs = spec.series[0]!.x;
    const span = Math.max(...xs) - Math.min(...xs);
    const x = chart.scales.x!;
    expect(x.min).toBeGreaterThan(0);
    expect(x.min).toBeLessThan(Math.min(...xs));
    expect(x.max).toBeGreaterThan(Math.max(...xs));
    expect(span / (x.max - x.min)).toBeGreaterThan(0.5);
    done();
    const counts = configFile(
      'counts',
      `visualization:
  multi_run_defaults: [count]
  single_run_defaults: []
  single_run_plots: {}
  multi_run_plots:
    count: {type: scatter_line, x: concurrency, y: request_count}
`,
    );
    const countSpec = buildPlots(runs, { config: counts }).specs[0]!;
    expect([countSpec.x.beginAtZero, countSpec.y.beginAtZero]).toEqual([true, true]);
  });
});

describe('single run: every field, pre-run GPU telemetry, outliers, legends and ticks', () => {
  const run = writeSingleRun(join(root, 'single'), {
    requestCount: 300,
    concurrency: 4,
    sliceDurationS: 1,
    gpuCount: 2,
    slowRequests: [150, 230],
    allRequestMetrics: true,
  });
  const records = readFileSync(join(run, 'profile_export.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line).metrics as Record<string, { value: number | number[] }>);

  it('every per-request metric of the records and every GPU field plots by name from the plot config', async () => {
    const config = configFile(
      'fields',
      `visualization:
  multi_run_defaults: []
  multi_run_plots: {}
  single_run_defaults: [ttst, per_user, prefill, tokens, chunks_p95, temperature, clocks]
  single_run_plots:
    ttst: {type: scatter, x: request_number, y: time_to_second_token}
    per_user: {type: scatter, x: request_number, y: output_token_throughput_per_user}
    prefill: {type: scatter_with_percentiles, x: request_number, y: prefill_throughput}
    tokens: {type: scatter, x: request_number, y: output_token_count}
    chunks_p95: {type: scatter, x: request_number, y: inter_chunk_latency_p95}
    temperature: {type: dual_axis, x: timestamp_s, y: throughput_tokens_per_sec, y2: gpu_temperature}
    clocks: {type: scatter, x: timestamp_s, y: {metric: sm_clock_frequency, source: gpu_telemetry}}
`,
    );
    const { runs } = await loadRuns([run]);
    const { specs, skipped } = buildPlots(runs, { config });
    expect(skipped).toEqual([]);
    const byName = new Map(specs.map((spec) => [spec.name, spec]));
    const column = (tag: string) => records.map((metrics) => metrics[tag]!.value as number);
    expect(byName.get('ttst')!.series[0]!.y).toEqual(column('time_to_second_token'));
    expect(byName.get('ttst')!.y.label).toBe('Time to Second Token (ms)');
    expect(byName.get('per_user')!.series[0]!.y).toEqual(column('output_token_throughput_per_user'));
    expect(byName.get('prefill')!.series[0]!.y).toEqual(column('prefill_throughput'));
    expect(byName.get('tokens')!.series[0]!.y).toEqual(column('output_token_count'));
    // The array metric as its per-request p95 (linear interpolation between closest ranks).
    const p95s = records.map((metrics) => percentileOfSorted((metrics.inter_chunk_latency!.value as number[]).slice().sort((a, b) => a - b), 95));
    byName.get('chunks_p95')!.series[0]!.y.forEach((y, i) => {
      expect(y).toBeCloseTo(p95s[i]!, 9);
    });
    const temperature = byName.get('temperature')!;
    expect(temperature.y2!.label).toBe('GPU Temperature (°C)');
    expect(temperature.series[1]!.y.some((y) => (y as number) > 40)).toBe(true);
    const clocks = byName.get('clocks')!;
    expect(clocks.y.label).toBe('SM Clock Frequency (MHz)');
    expect(clocks.series.map((s) => s.name)).toEqual(['GPU 0', 'GPU 1']);
    expect(Math.min(...(clocks.series[1]!.y as number[]))).toBeGreaterThanOrEqual(1440);
  });

  it('GPU telemetry recorded before the first request is drawn at negative time, and the footnote says so', async () => {
    const { runs } = await loadRuns([run]);
    const spec = buildPlots(runs, { config: defaultPlotConfig() }).specs.find((s) => s.name === 'gpu_utilization_and_throughput_over_time')!;
    const gpu = spec.series.find((s) => s.axis === 'y2')!;
    expect(gpu.x[0]).toBeCloseTo(-0.333, 3);
    expect(spec.footnotes).toEqual(['Time 0 = first request; GPU telemetry from 0.3 s before it is shown at negative time.']);
    const { chart, done } = draw(spec);
    expect(chart.scales.x!.min).toBeLessThanOrEqual(gpu.x[0]!);
    // The time axis ends at the data, without a forced tick at the last value: ticks are evenly spaced.
    const ticks = chart.scales.x!.ticks.map((tick) => tick.value);
    const steps = new Set(ticks.slice(1).map((value, i) => +(value - ticks[i]!).toFixed(9)));
    expect(steps.size).toBe(1);
    done();
  });

  it('timeslice outliers are drawn on top of the average marker and its error bar', async () => {
    const { runs } = await loadRuns([run]);
    const spec = buildPlots(runs, { config: defaultPlotConfig() }).specs.find((s) => s.name === 'timeslices_ttft')!;
    const outliers = spec.series.find((s) => s.name === 'Outliers')!;
    expect(outliers.x.length).toBeGreaterThan(0);
    const { chart, pixel, done } = draw(spec);
    for (let i = 0; i < outliers.x.length; i++) {
      const [r, g, b] = pixel(chart.scales.x!.getPixelForValue(outliers.x[i]!), chart.scales.y!.getPixelForValue(outliers.y[i] as number));
      // #E74C3C, not the blue of the average marker and error bar underneath.
      expect([r, g, b]).toEqual([0xe7, 0x4c, 0x3c]);
    }
    done();
  });

  it('single-run legends sit inside the plot, bottom right, in a translucent box', async () => {
    const { runs } = await loadRuns([run]);
    const spec = buildPlots(runs, { config: defaultPlotConfig() }).specs.find((s) => s.name === 'latency_over_time')!;
    expect(spec.legend).toBe('inside');
    const { chart, pixel, done } = draw(spec);
    expect(chart.options.plugins!.legend!.display).toBe(false);
    const area = chart.chartArea;
    // The box's grey border (grid colour #CCCCCC, anti-aliased) runs 10 px inside the plot's bottom-right corner.
    const row = [8, 9, 10, 11, 12].map((dx) => pixel(area.right - dx, area.bottom - 20));
    expect(row.some(([r, g, b]) => r === g && g === b && r < 230)).toBe(true);
    expect(chart.chartArea.right).toBeGreaterThan(spec.widthPx - 60);
    done();
  });

  it('--verbose writes DEBUG lines; absent data is not announced on the console', async () => {
    const plain = writeSingleRun(join(root, 'plain'), { requestCount: 30 });
    // One plot with data and two whose data is absent (no timeslices, no GPU telemetry), from the shipped presets:
    // the other shipped plots add drawing, not lines to check.
    const configPath = join(root, 'verbose.yaml');
    writeFileSync(configPath, shippedConfigEnabling('single_run', ['ttft_over_time', 'timeslices_ttft', 'gpu_utilization_and_throughput_over_time']));
    const quiet: string[] = [];
    const result = await plot({ paths: [plain], configPath, log: (line) => quiet.push(line) });
    expect(result.files).toHaveLength(1);
    expect(quiet.filter((line) => /Skipping|DEBUG/.test(line))).toEqual([]);
    expect(readFileSync(result.logPath, 'utf8')).not.toContain(' - DEBUG - ');
    const loud: string[] = [];
    const verbose = await plot({ paths: [plain], configPath, verbose: true, log: (line) => loud.push(line) });
    const log = readFileSync(verbose.logPath, 'utf8');
    expect(log).toMatch(/ - DEBUG - plain: \d+ summary metrics, 30 requests \(\d+ per-request columns\), no timeslices, no GPU telemetry/);
    expect(log).toMatch(/ - DEBUG - ttft_over_time: 1 series, 30 points; Request Number: 0 to 29; .*rendered in \d+ ms/);
    expect(loud).toContain('Skipping timeslices_ttft: no timeslice data (profile_export_aiperf_timeslices.csv)');
    expect(loud).toContain('Skipping gpu_utilization_and_throughput_over_time: no GPU telemetry (gpu_telemetry_export.jsonl)');
    expect(loud.some((line) => line.startsWith('DEBUG: Enabled single_run plots: ttft_over_time'))).toBe(true);
  });
});
