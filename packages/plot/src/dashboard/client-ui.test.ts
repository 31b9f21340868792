// The page's script driven in a DOM (happy-dom) against a real dashboard server; chart.js is replaced by a
// recorder because happy-dom has no 2D canvas (the configurations themselves are drawn in payload.test.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSweep } from '../testing/fixtures.js';
import { DASHBOARD_CLIENT_JS } from './client.js';
import { dashboardHtml } from './page.js';
import { startDashboard } from './server.js';

const root = mkdtempSync(join(tmpdir(), 'aiperf-dashboard-ui-'));
process.env.AIPERF_PLOT_CONFIG_HOME = join(root, 'home');
const sweep = join(root, 'sweep');
writeSweep(sweep, [1, 2, 4], { gpuCount: 2 });

interface RecordedChart {
  config: any;
  destroyed: boolean;
}

async function openPage(url: string) {
  const window = new Window({ url });
  const document = window.document;
  // The page without its <script> tags; the script is run below with a recorder in place of chart.js.
  document.write(dashboardHtml({ theme: 'light', version: '42' }).replace(/<script[^>]*><\/script>/g, ''));
  const script = document.createElement('script');
  script.dataset.version = '42';
  script.dataset.theme = 'light';
  Object.defineProperty(document, 'currentScript', { value: script, configurable: true });
  const charts: RecordedChart[] = [];
  class ChartRecorder {
    record: RecordedChart;
    constructor(_canvas: unknown, config: any) {
      this.record = { config, destroyed: false };
      charts.push(this.record);
    }
    destroy() {
      this.record.destroyed = true;
    }
    toBase64Image() {
      return 'data:image/png;base64,';
    }
  }
  const fetchFromServer = (path: string) => fetch(new URL(path, url));
  const run = new Function('document', 'sessionStorage', 'fetch', 'Chart', 'URLSearchParams', DASHBOARD_CLIENT_JS);
  run(document, window.sessionStorage, fetchFromServer, ChartRecorder, URLSearchParams);
  const $ = (selector: string) => document.querySelector(selector) as any;
  const live = () => charts.filter((chart) => !chart.destroyed);
  /** Waits until the page has drawn after an action (a fetch and a render). */
  const settled = async (check: () => boolean) => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(check()).toBe(true);
  };
  const change = (element: any, set: () => void) => {
    set();
    element.dispatchEvent(new window.Event('change'));
  };
  return { window, document, $, live, settled, change };
}

const server = await startDashboard({ paths: [sweep], port: 0 });
afterAll(() => server.close());

describe('dashboard page script', () => {
  it('draws one card per plot, filters runs, hides/shows, widens, log-scales and re-themes', async () => {
    const page = await openPage(server.url);
    const { $, document, live, settled, change } = page;
    const cards = () => [...document.querySelectorAll('.plot-card')].map((card: any) => card.dataset.plot);
    await settled(() => cards().length === 4);
    expect(cards()).toEqual([
      'pareto_curve_throughput_per_gpu_vs_latency',
      'pareto_curve_throughput_per_gpu_vs_interactivity',
      'ttft_vs_throughput',
      'latency_throughput_uncertainty',
    ]);
    expect($('#mode').textContent).toBe('Mode: multi-run (3 runs)');
    expect($('#subtitle').textContent).toBe('Comparing 3 of 3 runs');
    expect(live().map((chart) => chart.config.options.plugins.title.text)).toContain('TTFT vs Throughput');
    expect(live()[0]!.config.plugins.map((plugin: { id: string }) => plugin.id)).toEqual(['aiperfBackground', 'aiperfAnnotations', 'aiperfFootnotes']);

    // Sidebar: collapsed at start, ☰ opens it; RUNS lists the runs grouped by model.
    expect($('#sidebar').hidden).toBe(true);
    $('#menu').click();
    expect($('#sidebar').hidden).toBe(false);
    expect($('#runs-badge').textContent).toBe('3 selected');
    const runLabels = [...document.querySelectorAll('#runs-list label.run')].map((label: any) => label.textContent.trim());
    expect(runLabels).toEqual(['Qwen/Qwen3-0.6B - C1', 'Qwen/Qwen3-0.6B - C2', 'Qwen/Qwen3-0.6B - C4']);
    expect($('#runs-list summary').textContent.trim()).toBe('Qwen/Qwen3-0.6B (3)');

    // Unselecting C1 rebuilds the plots from C2 and C4.
    const ttftLabels = () =>
      live()
        .find((c) => c.config.options.plugins.title.text === 'TTFT vs Throughput')!
        .config.data.datasets.find((d: any) => d.aiperfLegend).aiperfAnnotations.pointLabels;
    const c1 = $('#runs-list input[value="0"]');
    change(c1, () => (c1.checked = false));
    await settled(() => $('#subtitle').textContent === 'Comparing 2 of 3 runs');
    expect($('#runs-badge').textContent).toBe('2 selected');
    expect(ttftLabels()).toEqual(['2', '4']);

    // Hide a plot, find it under Plot Layout, show it again.
    expect($('#hidden-list').textContent).toBe('No hidden plots');
    $('.plot-card[data-plot="ttft_vs_throughput"] button.hide').click();
    expect(cards()).not.toContain('ttft_vs_throughput');
    expect(live()).toHaveLength(3);
    expect($('#hidden-list .hidden-plot span').textContent).toBe('ttft_vs_throughput');
    $('#hidden-list .hidden-plot button').click();
    expect(cards()).toContain('ttft_vs_throughput');

    // Full width (legend back on the right, as in the PNG) and log scale per card.
    const ttftChart = () => live().find((c) => c.config.options.plugins.title.text === 'TTFT vs Throughput')!;
    const widen = [...document.querySelectorAll('.plot-card[data-plot="ttft_vs_throughput"] button')].find((b: any) => b.textContent.includes('Full')) as any;
    const legendPosition = () => ttftChart().config.options.plugins.legend.position;
    expect(legendPosition()).toBe('top');
    widen.click();
    expect(legendPosition()).toBe('right');
    expect($('.plot-card[data-plot="ttft_vs_throughput"]').className).toBe('plot-card wide');
    const select = $('.plot-card[data-plot="ttft_vs_throughput"] select');
    change(select, () => (select.value = 'both'));
    expect([ttftChart().config.options.scales.x.type, ttftChart().config.options.scales.y.type]).toEqual(['logarithmic', 'logarithmic']);

    // Quick Apply Stats: every metric that has the statistic is plotted (and labelled) with it.
    expect($('#stat-card').hidden).toBe(false);
    expect([...$('#stat-select').options].map((o: any) => o.textContent).slice(0, 4)).toEqual([
      'Default (p50, else Average)',
      'p50 (Median)',
      'Average',
      'p90',
    ]);
    change($('#stat-select'), () => ($('#stat-select').value = 'p95'));
    await settled(() => ttftChart().config.options.scales.x.title.text === 'Time to First Token (p95) (ms)');
    expect($('#stat-select').value).toBe('p95');

    // Clicking a point opens Run Configuration for its run.
    const ttftConfig = ttftChart().config;
    const markers = ttftConfig.data.datasets.findIndex((d: any) => d.aiperfLegend);
    ttftConfig.options.onClick(null, [{ datasetIndex: markers, index: 0 }], { data: ttftConfig.data });
    await settled(() => $('#run-title').textContent.startsWith('Run Configuration: '));
    expect($('#run-title').textContent).toMatch(/^Run Configuration: Qwen\/Qwen3-0\.6B - C[124]$/);
    expect($('#run-config').textContent).toContain('endpoint:\n  model_names:\n    - Qwen/Qwen3-0.6B\n');
    expect($('#run-summary table th').textContent).toBe('metric');
    $('#run-close').click();

    // Dark switch: the payload is fetched in the dark theme (its palette) and the page re-themes.
    change($('#dark-switch'), () => ($('#dark-switch').checked = true));
    await settled(() => document.body.dataset.theme === 'dark');
    expect(ttftChart().config.data.datasets.find((d: any) => d.aiperfLegend).borderColor).toBe('#76B900');
    expect(ttftChart().config.options.scales.y.type).toBe('logarithmic');
    expect(JSON.parse(page.window.sessionStorage.getItem('aiperf-dashboard')!)).toMatchObject({
      version: '42',
      theme: 'dark',
      runs: ['1', '2'],
      stat: 'p95',
      wide: ['ttft_vs_throughput'],
      log: { ttft_vs_throughput: 'both' },
      sidebar: true,
    });

    // Reset to Defaults: every run, nothing hidden, linear scales.
    $('#reset-layout').click();
    await settled(() => $('#subtitle').textContent === 'Comparing 3 of 3 runs');
    expect(ttftChart().config.options.scales.y.type).toBe('linear');
    expect(ttftChart().config.options.scales.x.title.text).toBe('Time to First Token (ms)');
    await page.window.happyDOM.close();
  });
});
