// Server-metric plots from a real server_metrics_export.json (written by @aiperf/server-metrics from
// scrapes): percentile bands over time for one run, a server metric against client throughput across runs.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MetricsStore, parseExposition, serverMetricsJson, summarizeServerMetrics } from '@aiperf/server-metrics';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultPlotConfig } from '../../config/resolve.js';
import { loadRun } from '../../load/load-run.js';
import { plot } from '../../plot.js';
import { shippedConfigEnabling } from '../../testing/config.js';
import { writeSingleRun, writeSweep } from '../../testing/fixtures.js';
import { buildPlots } from '../build.js';
import { makeTempDirSync } from '@aiperf/test-kit';

const S = 1_000_000_000n;
const T0 = 1_765_000_000n * S;
const URL_A = 'http://127.0.0.1:8000/metrics';
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = makeTempDirSync('plot-server-metrics-');
  dirs.push(dir);
  return dir;
};

/**
 * 20 one-second scrapes: KV-cache usage climbs to `kvPeak`; every second 10 requests finish, with TTFTs in the
 * (0.04, 0.06] bucket for the first 10 s and in (0.25, 0.5] after that.
 */
function writeServerMetrics(dir: string, kvPeak: number): void {
  const store = new MetricsStore();
  let fast = 0;
  let slow = 0;
  for (let second = 0; second <= 20; second++) {
    if (second > 0 && second <= 10) fast += 10;
    if (second > 10) slow += 10;
    const body = [
      '# TYPE vllm:kv_cache_usage_perc gauge',
      `vllm:kv_cache_usage_perc{engine="0",model_name="m"} ${(kvPeak * second) / 20}`,
      '# TYPE vllm:time_to_first_token_seconds histogram',
      `vllm:time_to_first_token_seconds_bucket{engine="0",le="0.04",model_name="m"} 0`,
      `vllm:time_to_first_token_seconds_bucket{engine="0",le="0.06",model_name="m"} ${fast}`,
      `vllm:time_to_first_token_seconds_bucket{engine="0",le="0.25",model_name="m"} ${fast}`,
      `vllm:time_to_first_token_seconds_bucket{engine="0",le="0.5",model_name="m"} ${fast + slow}`,
      `vllm:time_to_first_token_seconds_bucket{engine="0",le="+Inf",model_name="m"} ${fast + slow}`,
      `vllm:time_to_first_token_seconds_sum{engine="0",model_name="m"} ${fast * 0.05 + slow * 0.4}`,
      `vllm:time_to_first_token_seconds_count{engine="0",model_name="m"} ${fast + slow}`,
    ].join('\n');
    store.add(URL_A, T0 + BigInt(second) * S, parseExposition(body));
  }
  const endpoint = { url: URL_A, optional: false, state: 'active' as const, successfulScrapes: 21, failedScrapes: 0, uniqueUpdates: 21, fetchLatencyNsTotal: 0, firstFetchNs: T0, lastFetchNs: T0 + 20n * S, lastBody: null, lastError: null, problems: {}, issues: { malformedLines: 0, nonFiniteSamples: 0, duplicateSeries: 0, unsupportedFamilies: new Set<string>(), unknownTypeFamilies: new Set<string>() }, warned: new Set<string>() };
  const data = summarizeServerMetrics({ store, window: { startEpochNs: T0, endEpochNs: T0 + 20n * S }, endpoints: [endpoint], sliceDurationSeconds: 2 });
  writeFileSync(join(dir, 'server_metrics_export.json'), serverMetricsJson(data));
}

describe('percentile_bands', () => {
  it('draws server TTFT as a p50 line with p95/p99 bands per timeslice, and KV-cache usage as avg in its min–max range', async () => {
    const dir = writeSingleRun(join(tempDir(), 'run'));
    writeServerMetrics(dir, 0.8);
    const run = await loadRun(dir, { withRequests: true });
    const { specs, skipped } = buildPlots([run], { config: defaultPlotConfig(), mode: 'single_run' });
    const ttft = specs.find((spec) => spec.name === 'server_ttft_percentile_bands');
    expect(ttft?.title).toBe('vLLM: Time To First Token: Percentile Bands Over Time');
    expect(ttft?.y.label).toBe('vLLM: Time To First Token (seconds)');
    expect(ttft?.series.map((series) => series.name)).toEqual(['p95–p99', 'p50–p95', 'p50']);
    const [outer, inner, median] = ttft!.series;
    expect(median!.x).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17, 19]);
    // Slices of the first 10 s: every TTFT 0.05 in (0.04, 0.06]; later ones 0.4 in (0.25, 0.5]. One bucket per
    // slice, so the slice's mean (its sum ÷ count) centres the estimate: p50 = the mean, spread ±0.1 around 0.4.
    for (const p50 of median!.y.slice(0, 5)) expect(p50).toBeCloseTo(0.05, 9);
    for (const p50 of median!.y.slice(6)) expect(p50).toBeCloseTo(0.4, 9);
    expect(inner!.y[9]).toBeCloseTo(0.3 + 0.2 * 0.95, 9);
    expect(outer!.y[9]).toBeCloseTo(0.3 + 0.2 * 0.99, 9);
    expect(inner!.fillToY).toEqual(median!.y);
    const kv = specs.find((spec) => spec.name === 'server_kv_cache_usage_over_time');
    expect(kv?.series.map((series) => series.name)).toEqual(['avg–max', 'min–avg', 'avg']);
    const avg = kv!.series[2]!.y as number[];
    expect(avg[0]).toBeLessThan(avg[9]!);
    expect(kv!.series[0]!.y[9]).toBeCloseTo(0.8, 9);
    // ITL and running requests: this server exported neither, so those plots are quietly skipped.
    expect(skipped.filter((skip) => skip.name.startsWith('server_'))).toEqual([
      { name: 'server_itl_percentile_bands', reason: "the server exported no 'vllm:inter_token_latency_seconds'", dataAbsent: true },
      { name: 'server_running_requests_over_time', reason: "the server exported no 'vllm:num_requests_running'", dataAbsent: true },
    ]);
  });

  it('is skipped quietly for a run without server metrics', async () => {
    const run = await loadRun(writeSingleRun(join(tempDir(), 'plain')), { withRequests: true });
    const { skipped } = buildPlots([run], { config: defaultPlotConfig(), mode: 'single_run' });
    expect(skipped.find((skip) => skip.name === 'server_ttft_percentile_bands')).toEqual({
      name: 'server_ttft_percentile_bands', reason: 'the run has no server_metrics_export.json', dataAbsent: true,
    });
  });

  it('renders the PNGs through aiperf plot', async () => {
    const dir = writeSingleRun(join(tempDir(), 'png'));
    writeServerMetrics(dir, 0.5);
    // The shipped presets (not a plot_config.yaml an earlier version left in the home directory), which enable the
    // server-metric plots by default; only those are enabled here (drawing the client-side plots too took most of
    // this file's time).
    const serverPlots = defaultPlotConfig().visualization.single_run_defaults.filter((name) => name.startsWith('server_'));
    expect(serverPlots).toEqual(expect.arrayContaining(['server_ttft_percentile_bands', 'server_kv_cache_usage_over_time']));
    const configPath = join(tempDir(), 'plot_config.yaml');
    writeFileSync(configPath, shippedConfigEnabling('single_run', serverPlots));
    const result = await plot({ paths: [dir], configPath });
    // ITL and running requests: this server exported neither.
    expect(result.files.map((file) => file.split('/').at(-1))).toEqual(['server_ttft_percentile_bands.png', 'server_kv_cache_usage_over_time.png']);
  });
});

describe('a server metric vs client throughput across runs', () => {
  it('plots each run\'s KV-cache usage (the statistic named) against its output token throughput', async () => {
    const runs = writeSweep(tempDir(), [1, 4, 16]);
    runs.forEach((dir, i) => writeServerMetrics(dir, [0.2, 0.5, 0.9][i]!));
    const loaded = await Promise.all(runs.map((dir) => loadRun(dir)));
    const { specs } = buildPlots(loaded, { config: defaultPlotConfig(), mode: 'multi_run' });
    const spec = specs.find((candidate) => candidate.name === 'server_kv_cache_vs_throughput');
    expect(spec?.y.label).toBe('vLLM: Kv Cache Usage (max) (percent)');
    const points = spec!.series.flatMap((series) => series.x.map((x, i) => [x, series.y[i]]));
    const throughputs = loaded.map((run) => run.metrics.output_token_throughput?.avg as number);
    expect(points.sort((a, b) => (a[0] as number) - (b[0] as number))).toEqual(
      throughputs.map((x, i) => [x, [0.2, 0.5, 0.9][i]]).sort((a, b) => (a[0] as number) - (b[0] as number)),
    );
    const ttft = specs.find((candidate) => candidate.name === 'server_ttft_vs_throughput');
    expect(ttft?.series.flatMap((series) => series.y).every((y) => Math.abs((y as number) - (0.25 + 0.25 * 0.98)) < 1e-9)).toBe(true);
  });
});

describe('the dashboard', () => {
  it('offers server metrics in the single-run catalog and draws a custom percentile-bands plot of any of them', async () => {
    const { buildDashboardPayload } = await import('../../dashboard/payload.js');
    const dir = writeSingleRun(join(tempDir(), 'dash'));
    writeServerMetrics(dir, 0.6);
    const run = await loadRun(dir, { withRequests: true });
    const config = defaultPlotConfig();
    config.visualization.single_run_plots.custom_1 = { type: 'percentile_bands', y: 'vllm:kv_cache_usage_perc' };
    config.visualization.single_run_defaults = [...config.visualization.single_run_defaults, 'custom_1'];
    const payload = buildDashboardPayload([run], { config, theme: 'light', mode: 'single_run' });
    expect(payload.catalog.metrics.filter((m) => m.source === 'server_metrics').map((m) => m.name)).toEqual(['vllm:kv_cache_usage_perc', 'vllm:time_to_first_token_seconds']);
    const custom = payload.plots.find((p) => p.name === 'custom_1');
    expect(custom?.spec.series.at(-1)?.y[9]).toBeCloseTo(0.6 * 0.95, 1);
    expect(payload.plots.map((p) => p.name)).toEqual(expect.arrayContaining(['server_ttft_percentile_bands', 'server_kv_cache_usage_over_time']));
  });
});
