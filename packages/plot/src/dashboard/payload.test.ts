import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultPlotConfig } from '../config/resolve.js';
import { loadRuns } from '../load/load-runs.js';
import { buildPlots } from '../specs/build.js';
import { writeSingleRun, writeSweep } from '../testing/fixtures.js';
import { buildDashboardPayload, DashboardViewError } from './payload.js';
import { makeTempDir } from '@aiperf/test-kit';

const root = await makeTempDir('aiperf-dashboard-payload-');
afterAll(() => rmSync(root, { recursive: true, force: true }));
const sweep = join(root, 'sweep');
writeSweep(sweep, [1, 2, 4], { gpuCount: 2 });
const single = writeSingleRun(join(root, 'single'), { requestCount: 80, concurrency: 4, sliceDurationS: 2, gpuCount: 1, allRequestMetrics: true });
const config = defaultPlotConfig();
const legendSeries = (plot: { spec: { series: { showInLegend: boolean }[] } }) => plot.spec.series.find((s) => s.showInLegend)!;

describe('buildDashboardPayload', () => {
  it('multi-run: the PNG mode specs, with the run ids behind each point', async () => {
    const { runs } = await loadRuns([sweep]);
    const payload = buildDashboardPayload(runs, { config, theme: 'light', mode: 'multi_run' });
    const { specs } = buildPlots(runs, { config, theme: 'light', mode: 'multi_run' });
    expect(payload.plots.map((p) => p.spec)).toEqual(specs);
    expect(payload.runs.map((r) => [r.id, r.label, r.group, r.selected])).toEqual([
      ['0', 'Qwen/Qwen3-0.6B - C1', 'Qwen/Qwen3-0.6B', true],
      ['1', 'Qwen/Qwen3-0.6B - C2', 'Qwen/Qwen3-0.6B', true],
      ['2', 'Qwen/Qwen3-0.6B - C4', 'Qwen/Qwen3-0.6B', true],
    ]);
    const ttft = payload.plots.find((p) => p.name === 'ttft_vs_throughput')!;
    expect(ttft.preset).toMatchObject({ type: 'scatter_line', x: { metric: 'time_to_first_token', stat: 'avg' } });
    // Each point knows its run (for Run Configuration): the run whose TTFT avg (the preset's statistic) is the point's x.
    const runOf = (x: number) => String(runs.findIndex((run) => run.metrics.time_to_first_token!.avg === x));
    expect(ttft.runIds![0]).toEqual(ttft.spec.series[0]!.x.map((x) => [runOf(x)]));
    expect(payload.catalog.metrics.find((m) => m.name === 'request_latency')).toMatchObject({ label: 'Request Latency', unit: 'ms', stats: expect.arrayContaining(['avg', 'p50', 'p99']) });
    expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
  });

  it('multi-run: a run selection rebuilds the plots from those runs only; dark theme recolours', async () => {
    const { runs } = await loadRuns([sweep]);
    const payload = buildDashboardPayload(runs, { config, theme: 'dark', mode: 'multi_run', selectedRunIds: ['0', '2'] });
    expect(payload.runs.map((r) => r.selected)).toEqual([true, false, true]);
    expect(payload.colors).toMatchObject({ name: 'dark', paper: '#252525', text: '#E0E0E0' });
    const ttft = payload.plots.find((p) => p.name === 'ttft_vs_throughput')!;
    expect(legendSeries(ttft)).toMatchObject({ color: '#76B900', pointLabels: ['1', '4'] });
    // Run ids stay those of the full list when some runs are left out.
    expect(ttft.runIds!.flat(2).sort()).toEqual(['0', '2']);
    expect(buildDashboardPayload(runs, { config, theme: 'light', mode: 'multi_run', selectedRunIds: [] }).plots).toEqual([]);
  });

  it('multi-run: a statistic for every metric, or per plot from the page; axis labels name it', async () => {
    const { runs } = await loadRuns([sweep]);
    const payload = buildDashboardPayload(runs, { config, theme: 'light', mode: 'multi_run', stat: 'p90' });
    expect(payload.stat).toBe('p90');
    const ttft = payload.plots.find((p) => p.name === 'ttft_vs_throughput')!;
    expect(ttft.spec.x.label).toBe('Time to First Token (p90) (ms)');
    expect(ttft.spec.y.label).toBe('Request Throughput (requests/sec)');
    const xs = (plot: typeof ttft) => plot.spec.series[0]!.x;
    expect(xs(ttft)).toEqual(runs.map((run) => run.metrics.time_to_first_token!.p90 as number).sort((a, b) => a - b));
    // One plot's statistic picked in the page: only that plot changes.
    const view = { presets: { ttft_vs_throughput: { ...ttft.preset, x: { metric: 'time_to_first_token', stat: 'p99' } } } };
    const picked = buildDashboardPayload(runs, { config, theme: 'light', mode: 'multi_run', view });
    const pickedTtft = picked.plots.find((p) => p.name === 'ttft_vs_throughput')!;
    expect(pickedTtft.spec.x.label).toBe('Time to First Token (p99) (ms)');
    expect(xs(pickedTtft)).toEqual(runs.map((run) => run.metrics.time_to_first_token!.p99 as number).sort((a, b) => a - b));
    expect(picked.plots.find((p) => p.name === 'pareto_curve_throughput_per_gpu_vs_latency')!.spec.x.label).toBe('Request Latency (ms)');
    expect(() => buildDashboardPayload(runs, { config, theme: 'light', mode: 'multi_run', stat: 'p42' })).toThrow(
      "stat: 'p42' is not a statistic; allowed: p50, avg, p90",
    );
  });

  it('custom plots from the page are validated like config presets and drawn after the configured ones', async () => {
    const { runs } = await loadRuns([sweep]);
    const view = { presets: { custom_1: { type: 'pareto', x: { metric: 'request_latency', stat: 'p99' }, y: 'output_token_throughput', labels: ['concurrency'], groups: ['model'] } } };
    const payload = buildDashboardPayload(runs, { config, theme: 'light', mode: 'multi_run', view });
    const custom = payload.plots.at(-1)!;
    expect(custom).toMatchObject({ name: 'custom_1', custom: true, title: 'Pareto Curve: Output Token Throughput vs Request Latency' });
    expect(custom.spec.series[0]!.x).toEqual(runs.map((run) => run.metrics.request_latency!.p99 as number).sort((a, b) => a - b));
    const bad = (presets: Record<string, unknown>) => () => buildDashboardPayload(runs, { config, theme: 'light', mode: 'multi_run', view: { presets } });
    expect(bad({ custom_2: { type: 'bubbles', x: 'a', y: 'b' } })).toThrow(DashboardViewError);
    expect(bad({ custom_2: { type: 'bubbles', x: 'a', y: 'b' } })).toThrow(/^plots\.custom_2\.type: /);
    expect(bad({ ttft_over_time: { type: 'scatter', y: 'x' } })).toThrow("plots.ttft_over_time: not a plot of this dashboard; allowed: pareto_curve_throughput_per_gpu_vs_latency");
  });

  it('single-run: names the run; the catalog offers every per-request metric and GPU field', async () => {
    const { runs, mode } = await loadRuns([single]);
    const payload = buildDashboardPayload(runs, { config, theme: 'light', mode });
    expect(payload).toMatchObject({ mode: 'single_run', runName: 'single', title: 'AIPerf Dashboard', stats: [] });
    const ttft = payload.plots.find((p) => p.name === 'ttft_over_time')!;
    expect(ttft.spec.series[0]!.x).toHaveLength(80);
    // Only the server-metric plots, for want of server_metrics_export.json.
    expect(payload.skipped.filter((skip) => !skip.name.startsWith('server_'))).toEqual([]);
    const names = payload.catalog.metrics.map((m) => m.name);
    expect(names).toEqual(expect.arrayContaining(['time_to_second_token', 'prefill_throughput', 'inter_chunk_latency_p95', 'gpu_temperature', 'sm_clock_frequency']));
    expect(payload.catalog.metrics.find((m) => m.name === 'gpu_temperature')).toMatchObject({ unit: '°C', source: 'gpu_telemetry' });
  });
});
