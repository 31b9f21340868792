// The dashboard in a real headless Chromium (Debian's `chromium`, driven by playwright-core), under the
// server's strict Content-Security-Policy (no inline script or style allowed): the page draws, a per-plot statistic switch redraws one plot at that statistic, a
// custom plot built in the page is drawn from the chosen metrics, and the ZIP exports hold that view.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrowserBundle } from '../../build-browser.mjs';
import { loadRuns } from '../load/load-runs.js';
import { writeSweep } from '../testing/fixtures.js';
import { pixelStats, pngSize } from '../testing/png.js';
import { type DashboardServer, startDashboard } from './server.js';
import { makeTempDir } from '@aiperf/test-kit';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`\n!!! SKIPPING the dashboard browser tests: ${CHROMIUM} is missing (apt-get install -y chromium; .ci/run installs it) !!!\n`);
}

const root = await makeTempDir('aiperf-dashboard-browser-');
process.env.AIPERF_PLOT_CONFIG_HOME = join(root, 'home');
const sweep = join(root, 'sweep');
writeSweep(sweep, [1, 2, 4], { gpuCount: 1, allRequestMetrics: true });

let server: DashboardServer;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!hasChromium) return;
  await buildBrowserBundle({ minify: false });
  server = await startDashboard({ paths: [sweep], port: 0 });
  context = await chromium.launchPersistentContext(mkdtempSync(join(root, 'profile-')), {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1400, height: 1000 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
}, 120_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

/** The drawn chart of one plot: x values of its first legend dataset and the axis titles. */
const chartOf = (name: string) =>
  page.evaluate((plot) => {
    const chart = (window as any).aiperfDashboard.charts.get(plot);
    if (!chart) return null;
    const dataset = chart.data.datasets.find((d: any) => d.aiperfLegend && d.type !== 'line') ?? chart.data.datasets.find((d: any) => d.aiperfLegend);
    return { xs: dataset.data.map((p: any) => p.x), xTitle: chart.options.scales.x.title.text, yTitle: chart.options.scales.y.title.text, drawn: chart.chartArea.width > 0 };
  }, name);

const waitForChart = (name: string, check: string) =>
  page.waitForFunction(
    ([plot, label]) => (window as any).aiperfDashboard?.charts.get(plot)?.options.scales.x.title.text === label,
    [name, check] as const,
    { timeout: 20_000 },
  );

async function downloadZip(click: () => Promise<void>): Promise<Record<string, Uint8Array>> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), click()]);
  const file = join(root, download.suggestedFilename());
  await download.saveAs(file);
  expect(download.suggestedFilename()).toMatch(/^aiperf_dashboard_(png_small|html)_\d{8}_\d{6}\.zip$/);
  return unzipSync(readFileSync(file));
}

describe.skipIf(!hasChromium)('dashboard in headless Chromium', () => {
  it('draws every plot with the shared chart code; a per-plot statistic switch redraws that plot only, at that statistic', async () => {
    const { runs } = await loadRuns([sweep]);
    const sorted = (stat: string, metric = 'time_to_first_token') => runs.map((run) => run.metrics[metric]![stat] as number).sort((a, b) => a - b);
    const response = await page.goto(server.url);
    // Served with a policy that blocks inline scripts and styles: the page needs none (violations would be errors below).
    expect(response!.headers()['content-security-policy']).toMatch(/script-src 'self';.*style-src 'self'/);
    await waitForChart('ttft_vs_throughput', 'Time to First Token (ms)');
    expect(await chartOf('ttft_vs_throughput')).toMatchObject({ xs: sorted('avg'), drawn: true });
    const card = page.locator('[data-plot="ttft_vs_throughput"]');
    await card.locator('select[data-stat-axis="x"]').selectOption('p99');
    await waitForChart('ttft_vs_throughput', 'Time to First Token (p99) (ms)');
    expect((await chartOf('ttft_vs_throughput'))!.xs).toEqual(sorted('p99'));
    expect(sorted('p99')).not.toEqual(sorted('avg'));
    expect((await chartOf('pareto_curve_throughput_per_gpu_vs_latency'))!.xTitle).toBe('Request Latency (ms)');
    expect(await page.locator('.plot-card').count()).toBe(4);
  });

  it('builds a custom plot in the page from the chosen metrics and statistics; it survives a reload', async () => {
    const { runs } = await loadRuns([sweep]);
    await page.click('#add-custom');
    const dialog = page.locator('#custom-dialog');
    await dialog.getByLabel('Plot type').selectOption('pareto');
    await dialog.getByLabel('X metric').selectOption('time_to_second_token');
    await dialog.getByLabel('X statistic').selectOption('p99');
    await dialog.getByLabel('Y metric').selectOption('output_token_throughput');
    await dialog.getByRole('button', { name: 'Add Plot' }).click();
    await waitForChart('custom_1', 'Time to Second Token (p99) (ms)');
    const expected = runs.map((run) => run.metrics.time_to_second_token!.p99 as number).sort((a, b) => a - b);
    expect((await chartOf('custom_1'))!.xs).toEqual(expected);
    expect((await chartOf('custom_1'))!.yTitle).toBe('Output Token Throughput (tokens/sec)');
    await page.reload();
    await waitForChart('custom_1', 'Time to Second Token (p99) (ms)');
    await waitForChart('ttft_vs_throughput', 'Time to First Token (p99) (ms)');
    expect(await page.locator('.plot-card').count()).toBe(5);
  });

  it('exports the current view as a ZIP of PNGs at the chosen size, and as standalone HTML files that draw offline', async () => {
    await page.click('#menu');
    await page.selectOption('#export-format', 'png');
    await page.selectOption('#export-size', 'small');
    const pngs = await downloadZip(() => page.click('#export-visible'));
    expect(Object.keys(pngs).sort()).toEqual(
      ['custom_1', 'latency_throughput_uncertainty', 'pareto_curve_throughput_per_gpu_vs_interactivity', 'pareto_curve_throughput_per_gpu_vs_latency', 'ttft_vs_throughput'].map(
        (name) => `${name}.png`,
      ),
    );
    for (const [name, bytes] of Object.entries(pngs)) {
      expect(pngSize(Buffer.from(bytes)), name).toEqual({ width: 800, height: 400 });
      const file = join(root, `export-${name}`);
      writeFileSync(file, bytes);
      expect((await pixelStats(file)).variance, name).toBeGreaterThan(20);
    }

    await page.selectOption('#export-format', 'html');
    const pages = await downloadZip(() => page.click('#export-visible'));
    expect(Object.keys(pages)).toContain('custom_1.html');
    const html = Buffer.from(pages['ttft_vs_throughput.html']!).toString('utf8');
    expect(html).toContain('"label":"Time to First Token (p99) (ms)"');
    const file = join(root, 'ttft_vs_throughput.html');
    writeFileSync(file, html);
    const offline = await context.newPage();
    const errors: string[] = [];
    offline.on('pageerror', (error) => errors.push(error.message));
    await offline.goto(`file://${file}`);
    const variance = await offline.waitForFunction(
      () => {
        const canvas = document.getElementById('aiperf-chart') as HTMLCanvasElement;
        if (!canvas || canvas.width === 0) return 0;
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        let sum = 0;
        let squares = 0;
        for (let i = 0; i < data.length; i += 4) {
          const value = data[i]! + data[i + 1]! + data[i + 2]!;
          sum += value;
          squares += value * value;
        }
        const n = data.length / 4;
        const v = squares / n - (sum / n) ** 2;
        return v > 20 ? v : 0;
      },
      undefined,
      { timeout: 20_000 },
    );
    expect(await variance.jsonValue()).toBeGreaterThan(20);
    expect(errors).toEqual([]);
    await offline.close();
    expect(pageErrors, JSON.stringify(pageErrors)).toEqual([]);
  });
});
