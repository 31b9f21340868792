import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { Chart, registerables } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { defaultPlotConfig } from '../config/resolve.js';
import { loadRuns } from '../load/load-runs.js';
import { buildPlots } from '../specs/build.js';
import { writeSingleRun, writeSweep } from '../testing/fixtures.js';
import { pixelStats } from '../testing/png.js';
import { CLIENT_CHART_JS } from './client-chart.js';
import { DASHBOARD_CLIENT_JS } from './client.js';
import { buildDashboardPayload, type DashboardPlot } from './payload.js';

Chart.register(...registerables);
const root = mkdtempSync(join(tmpdir(), 'aiperf-dashboard-payload-'));
const sweep = join(root, 'sweep');
writeSweep(sweep, [1, 2, 4], { gpuCount: 2 });
const single = writeSingleRun(join(root, 'single'), { requestCount: 80, concurrency: 4, sliceDurationS: 2, gpuCount: 1 });
const config = defaultPlotConfig();

/** The page's `aiperfChartConfig`, evaluated from the served source. */
const aiperfChartConfig = new Function(`${CLIENT_CHART_JS}\nreturn aiperfChartConfig;`)() as (
  plot: DashboardPlot,
  colors: unknown,
  log: string,
  compact: boolean,
) => any;

describe('buildDashboardPayload', () => {
  it('multi-run: the PNG mode plots, as chart.js JSON with the same titles, series and points', async () => {
    const { runs } = await loadRuns([sweep]);
    const payload = buildDashboardPayload(runs, { config, theme: 'light', mode: 'multi_run' });
    const { specs } = buildPlots(runs, { config, theme: 'light', mode: 'multi_run' });
    expect(payload.plots.map((p) => [p.name, p.title])).toEqual(specs.map((s) => [s.name, s.title]));
    expect(payload.runs.map((r) => [r.id, r.label, r.group, r.selected])).toEqual([
      ['0', 'Qwen/Qwen3-0.6B - C1', 'Qwen/Qwen3-0.6B', true],
      ['1', 'Qwen/Qwen3-0.6B - C2', 'Qwen/Qwen3-0.6B', true],
      ['2', 'Qwen/Qwen3-0.6B - C4', 'Qwen/Qwen3-0.6B', true],
    ]);
    const ttft = payload.plots.find((p) => p.name === 'ttft_vs_throughput')!;
    const series = specs.find((s) => s.name === 'ttft_vs_throughput')!.series[0]!;
    const dataset = ttft.chart.data.datasets.find((d) => d.aiperfLegend)!;
    expect(dataset).toMatchObject({ label: 'Qwen/Qwen3-0.6B', borderColor: '#4C72B0', aiperfAnnotations: { pointLabels: ['1', '2', '4'] } });
    expect(dataset.data).toEqual(series.x.map((x, i) => ({ x, y: series.y[i] })));
    expect(ttft.axes.x.label).toBe('Time to First Token (ms)');
    // Each point knows its run (for Run Configuration): the run whose TTFT avg (the preset's statistic) is the point's x.
    const runOf = (x: number) => String(runs.findIndex((run) => run.metrics.time_to_first_token!.avg === x));
    expect(dataset.aiperfRunIds).toEqual((dataset.data as { x: number }[]).map((point) => [runOf(point.x)]));
    expect((dataset.aiperfRunIds as string[][]).flat().sort()).toEqual(['0', '1', '2']);
    expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
  });

  it('multi-run: a run selection rebuilds the plots from those runs only; dark theme recolours', async () => {
    const { runs } = await loadRuns([sweep]);
    const payload = buildDashboardPayload(runs, { config, theme: 'dark', mode: 'multi_run', selectedRunIds: ['0', '2'] });
    expect(payload.runs.map((r) => r.selected)).toEqual([true, false, true]);
    expect(payload.colors).toMatchObject({ name: 'dark', paper: '#252525', text: '#E0E0E0' });
    const dataset = payload.plots.find((p) => p.name === 'ttft_vs_throughput')!.chart.data.datasets.find((d) => d.aiperfLegend)!;
    expect(dataset).toMatchObject({ borderColor: '#76B900', aiperfAnnotations: { pointLabels: ['1', '4'] } });
    // Run ids stay those of the full list when some runs are left out.
    expect((dataset.aiperfRunIds as string[][]).flat().sort()).toEqual(['0', '2']);
    expect(buildDashboardPayload(runs, { config, theme: 'light', mode: 'multi_run', selectedRunIds: [] }).plots).toEqual([]);
  });

  it('multi-run: a chosen statistic is plotted for every metric that has it, and the axis labels name it', async () => {
    const { runs } = await loadRuns([sweep]);
    const payload = buildDashboardPayload(runs, { config, theme: 'light', mode: 'multi_run', stat: 'p90' });
    expect(payload.stat).toBe('p90');
    expect(payload.stats).toEqual(['p50', 'avg', 'p90', 'p95', 'p99', 'min', 'max', 'std', 'p1', 'p5', 'p10', 'p25', 'p75']);
    const ttft = payload.plots.find((p) => p.name === 'ttft_vs_throughput')!;
    expect(ttft.axes.x.label).toBe('Time to First Token (p90) (ms)');
    // Request throughput has only an average: its values and label stay.
    expect(ttft.axes.y.label).toBe('Request Throughput (requests/sec)');
    const points = ttft.chart.data.datasets.find((d) => d.aiperfLegend)!.data as { x: number; y: number }[];
    const expected = runs.map((run) => [run.metrics.time_to_first_token!.p90, run.metrics.request_throughput!.avg]);
    expect(points.map((point) => [point.x, point.y]).sort((a, b) => a[0]! - b[0]!)).toEqual(expected.sort((a, b) => (a[0] as number) - (b[0] as number)));
    const runOf = (x: number) => String(runs.findIndex((run) => run.metrics.time_to_first_token!.p90 === x));
    const tagged = ttft.chart.data.datasets.find((d) => d.aiperfLegend)!;
    expect(tagged.aiperfRunIds).toEqual(points.map((point) => [runOf(point.x)]));
    const byDefault = buildDashboardPayload(runs, { config, theme: 'light', mode: 'multi_run' });
    expect(byDefault.stat).toBeNull();
    expect(byDefault.plots.find((p) => p.name === 'ttft_vs_throughput')!.chart.data.datasets.find((d) => d.aiperfLegend)!.data).not.toEqual(points);
    expect(() => buildDashboardPayload(runs, { config, theme: 'light', mode: 'multi_run', stat: 'p42' })).toThrow(
      "stat: 'p42' is not a statistic; allowed: p50, avg, p90",
    );
  });

  it('single-run: names the run and carries the single-run plots; skipped plots say why', async () => {
    const { runs, mode } = await loadRuns([single]);
    const payload = buildDashboardPayload(runs, { config, theme: 'light', mode });
    expect(payload).toMatchObject({ mode: 'single_run', runName: 'single', title: 'AIPerf Dashboard' });
    expect(payload.plots.map((p) => p.name)).toContain('ttft_over_time');
    const ttft = payload.plots.find((p) => p.name === 'ttft_over_time')!;
    expect(ttft.chart.data.datasets[0]!.data).toHaveLength(80);
    expect(payload.skipped).toEqual([]);
  });
});

describe('the page script', () => {
  it('parses as one script and contains the chart configuration code', () => {
    expect(() => new Function(DASHBOARD_CLIENT_JS)).not.toThrow();
    expect(DASHBOARD_CLIENT_JS).toContain(CLIENT_CHART_JS);
  });

  it('turns every payload plot into a chart.js config that draws (plugins, tick labels, legend, tooltips, log scale)', async () => {
    const multi = await loadRuns([sweep]);
    const one = await loadRuns([single]);
    const plots = [
      ...buildDashboardPayload(multi.runs, { config, theme: 'dark', mode: 'multi_run' }).plots,
      ...buildDashboardPayload(one.runs, { config, theme: 'light', mode: 'single_run' }).plots,
    ];
    expect(plots.length).toBeGreaterThan(10);
    for (const [index, plot] of plots.entries()) {
      const colors = { paper: index < 4 ? '#252525' : '#FFFFFF', plotBackground: '#1a1a1a', text: '#E0E0E0', secondary: '#F4E5C3' };
      const chartConfig = aiperfChartConfig(plot, colors, index % 2 ? 'y' : 'none', index % 3 === 0);
      expect(chartConfig.options.plugins.tooltip.enabled).toBe(true);
      expect(chartConfig.options.scales.y.type).toBe(index % 2 ? 'logarithmic' : 'linear');
      chartConfig.options.responsive = false;
      const canvas = createCanvas(800, 400);
      const chart = new Chart(canvas as never, chartConfig);
      try {
        const legend = chart.legend!.legendItems!.map((item) => item.text);
        const named = plot.chart.data.datasets.filter((d) => d.aiperfLegend).map((d) => d.label);
        expect(legend.sort()).toEqual([...new Set(named)].sort());
        const file = join(root, `${plot.name}-${index}.png`);
        writeFileSync(file, await canvas.encode('png'));
        const stats = await pixelStats(file);
        expect(stats.variance, plot.name).toBeGreaterThan(20);
        expect(stats.hasColor(colors.paper), plot.name).toBe(true);
      } finally {
        chart.destroy();
      }
    }
  });
});
