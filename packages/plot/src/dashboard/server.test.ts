import { writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrowserBundle } from '../../build-browser.mjs';
import type { PlotTypeDefinition } from '../specs/plot-type.js';
import { createPlotTypeRegistry } from '../specs/registry.js';
import { writeSingleRun, writeSweep } from '../testing/fixtures.js';
import { DashboardPortError, startDashboard, type DashboardServer } from './server.js';
import type { DashboardPayload } from './payload.js';
import { makeTempDir } from '@aiperf/test-kit';

const root = await makeTempDir('aiperf-dashboard-server-');
process.env.AIPERF_PLOT_CONFIG_HOME = join(root, 'home');
const sweep = join(root, 'sweep');
writeSweep(sweep, [1, 2, 4], { gpuCount: 2 });
const single = writeSingleRun(join(root, 'one_run'), { requestCount: 60, concurrency: 2, gpuCount: 1 });

// The bundle the server serves, built from the current sources as `pnpm build` builds it.
beforeAll(() => buildBrowserBundle({ minify: false }));
const servers: DashboardServer[] = [];
afterAll(() => Promise.all(servers.map((server) => server.close())));
async function start(paths: string[], extra: { theme?: 'light' | 'dark'; port?: number } = {}) {
  const lines: string[] = [];
  const server = await startDashboard({ paths, port: 0, createUserConfig: true, ...extra, log: (line) => lines.push(line) });
  servers.push(server);
  return { server, lines };
}
const getJson = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as DashboardPayload & { error?: string } };
};

describe('startDashboard', () => {
  it('multi-run: serves the page, the browser bundle (chart.js inside) and the payload', async () => {
    const { server, lines } = await start([sweep]);
    expect(server).toMatchObject({ mode: 'multi_run', runCount: 3, host: '127.0.0.1' });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
    expect(lines).toContain(`Created plot configuration: ${join(root, 'home', 'plot_config.yaml')}`);

    const page = await fetch(`${server.url}/`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain('<title>AIPerf Dashboard</title>');
    expect(html).toMatch(/<script src="\/assets\/dashboard.js" data-version="\d+" data-theme="light"><\/script>/);
    expect(html).toContain('<link rel="stylesheet" href="/assets/dashboard.css">');
    // Nothing inline (a strict Content-Security-Policy allows the page) and nothing from elsewhere.
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>|<style|\sstyle=|\son[a-z]+=/i);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3)/);

    const script = await fetch(`${server.url}/assets/dashboard.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const source = await script.text();
    // The bundle holds chart.js and the PNG renderer's plugins (one module shared by both).
    expect(source).toContain('aiperfInsideLegend');
    expect(source).toContain('aiperfAnnotations');
    expect(source.length).toBeGreaterThan(100_000);
    const css = await fetch(`${server.url}/assets/dashboard.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).toContain('.plot-card');

    const { status, type, body } = await getJson(`${server.url}/api/dashboard.json`);
    expect([status, type]).toEqual([200, 'application/json; charset=utf-8']);
    expect(body).toMatchObject({ title: 'AIPerf Dashboard', mode: 'multi_run', theme: 'light', runName: null });
    expect(body.plots.map((plot) => plot.title)).toEqual([
      'Pareto Curve: Token Throughput per GPU vs Latency',
      'Pareto Curve: Token Throughput per GPU vs Interactivity',
      'TTFT vs Throughput',
      'Latency vs Throughput (Joint Uncertainty)',
    ]);
    const ttft = body.plots.find((plot) => plot.name === 'ttft_vs_throughput')!;
    expect(ttft.spec.series[0]).toMatchObject({ name: 'Qwen/Qwen3-0.6B', color: '#4C72B0' });
    expect(ttft.spec.series[0]!.x).toHaveLength(3);
  });

  it('theme and run selection come from the query; bad values are 400s that say what is allowed', async () => {
    const { server } = await start([sweep], { theme: 'dark' });
    expect(await (await fetch(server.url)).text()).toContain('<body data-theme="dark">');
    const dark = await getJson(`${server.url}/api/dashboard.json`);
    expect(dark.body).toMatchObject({ theme: 'dark', colors: { paper: '#252525' } });
    const light = await getJson(`${server.url}/api/dashboard.json?theme=light&runs=1,2`);
    expect(light.body.runs.map((run) => [run.label, run.selected])).toEqual([
      ['Qwen/Qwen3-0.6B - C1', false],
      ['Qwen/Qwen3-0.6B - C2', true],
      ['Qwen/Qwen3-0.6B - C4', true],
    ]);
    const series = light.body.plots.find((plot) => plot.name === 'ttft_vs_throughput')!.spec.series[0]!;
    expect(series).toMatchObject({ color: '#4C72B0', pointLabels: ['2', '4'] });
    expect(await getJson(`${server.url}/api/dashboard.json?theme=blue`)).toMatchObject({
      status: 400,
      body: { error: "theme: 'blue' is not a valid theme; allowed: light, dark" },
    });
    expect(await getJson(`${server.url}/api/dashboard.json?runs=0,7`)).toMatchObject({
      status: 400,
      body: { error: 'runs: unknown run id(s) 7; allowed: 0..2' },
    });
    const p99 = await getJson(`${server.url}/api/dashboard.json?stat=p99`);
    expect(p99.body.stat).toBe('p99');
    expect(p99.body.plots.find((plot) => plot.name === 'ttft_vs_throughput')!.spec.x.label).toBe('Time to First Token (p99) (ms)');
    const custom = encodeURIComponent(JSON.stringify({ custom_1: { type: 'scatter_line', x: 'request_latency_p90', y: 'request_throughput' } }));
    const withCustom = await getJson(`${server.url}/api/dashboard.json?plots=${custom}`);
    expect(withCustom.body.plots.at(-1)).toMatchObject({ name: 'custom_1', custom: true, spec: { x: { label: 'Request Latency (p90) (ms)' } } });
    expect(await getJson(`${server.url}/api/dashboard.json?plots=%7Bnope`)).toMatchObject({
      status: 400,
      body: { error: 'plots: not a JSON object of plot name → preset (got "{nope")' },
    });
    expect((await getJson(`${server.url}/api/dashboard.json?plots=${encodeURIComponent('{"custom_1":{"type":"pie"}}')}`)).body.error).toMatch(/^plots\.custom_1\.type: /);
    expect(await getJson(`${server.url}/api/dashboard.json?stat=median`)).toMatchObject({
      status: 400,
      body: { error: "stat: 'median' is not a statistic; allowed: p50, avg, p90, p95, p99, min, max, std, p1, p5, p10, p25, p75" },
    });
    const run = (await (await fetch(`${server.url}/api/run?id=1`)).json()) as {
      label: string;
      runName: string;
      configYaml: string;
      metrics: Record<string, { unit: string }>;
    };
    expect(run).toMatchObject({ label: 'Qwen/Qwen3-0.6B - C2', runName: 'concurrency_2', metrics: { time_to_first_token: { unit: 'ms' } } });
    expect(run.configYaml).toContain('loadgen:\n  concurrency: 2\n');
    expect(await getJson(`${server.url}/api/run?id=9`)).toMatchObject({ status: 404, body: { error: "id: unknown run '9'; allowed: 0..2" } });
    expect((await fetch(`${server.url}/nope`)).status).toBe(404);
    expect((await fetch(`${server.url}/`, { method: 'POST' })).status).toBe(405);
  });

  it('single-run: the single-run plots with every request as a point', async () => {
    const { server } = await start([single]);
    expect(server).toMatchObject({ mode: 'single_run', runCount: 1 });
    const { body } = await getJson(`${server.url}/api/dashboard.json`);
    expect(body).toMatchObject({ mode: 'single_run', runName: 'one_run' });
    const names = body.plots.map((plot) => plot.name);
    expect(names).toEqual(expect.arrayContaining(['ttft_over_time', 'itl_over_time', 'latency_over_time', 'gpu_utilization_and_throughput_over_time']));
    const ttft = body.plots.find((plot) => plot.name === 'ttft_over_time')!;
    expect(ttft.spec.y.label).toContain('Time to First Token');
    expect(ttft.spec.series[0]!.x).toHaveLength(60);
    expect(body.skipped.map((s) => s.name)).toEqual(expect.arrayContaining(['timeslices_ttft']));
  });

  it('a port in use is a DashboardPortError naming --port and the port', async () => {
    const { server } = await start([single]);
    const error = await startDashboard({ paths: [single], port: server.port }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DashboardPortError);
    expect((error as Error).message).toBe(`--port: port ${server.port} on 127.0.0.1 is already in use; stop what is using it or pick another with --port <n>`);
    await expect(startDashboard({ paths: [single], port: 70000 })).rejects.toThrow("--port: '70000' is not a port; allowed: 0 (any free port) to 65535");
  });

  it('gzips large responses for clients that accept it', async () => {
    const { server } = await start([single]);
    const raw = (path: string, acceptEncoding?: string) =>
      new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
        get(`${server.url}${path}`, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
        }).on('error', reject);
      });
    const plain = await raw('/api/dashboard.json');
    const zipped = await raw('/api/dashboard.json', 'gzip, deflate');
    expect([plain.encoding, zipped.encoding]).toEqual([undefined, 'gzip']);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect(zipped.body.length).toBeLessThan(plain.body.length / 2);
    expect((await raw('/', 'gzip')).encoding).toBeUndefined();
  });

  it("draws the plot types it is given (a plugin's), which the built-ins alone report as unknown", async () => {
    const configPath = join(root, 'bars.yaml');
    writeFileSync(configPath, 'visualization:\n  multi_run_defaults: [bars]\n  multi_run_plots:\n    bars: { type: test_bars, y: request_throughput }\n');
    const testBars: PlotTypeDefinition = {
      name: 'test_bars',
      describe: () => 'bars (test)',
      buildMultiRun: ({ name, preset, mode, theme, table }) => ({
        spec: {
          name, type: preset.type, mode, theme: theme.name, title: 'Bars', widthPx: 1600, heightPx: 800, pixelRatio: 1.5, legend: 'inside',
          x: { label: 'Concurrency', beginAtZero: true }, y: { label: 'req/s', beginAtZero: true }, footnotes: [], notes: [],
          series: [{ name: 'rps', showInLegend: true, style: 'bars', color: '#ff00aa', lineWidth: 1, markerSize: 0, axis: 'y',
            x: table.rows.map((row) => Number(row.concurrency)), y: table.rows.map((row) => Number(row.request_throughput)) }],
        },
      }),
    };
    const plotTypes = createPlotTypeRegistry();
    plotTypes.register(testBars, 'test-plugin');
    const withPlugin = await startDashboard({ paths: [sweep], port: 0, configPath, plotTypes });
    servers.push(withPlugin);
    const drawn = (await getJson(`${withPlugin.url}/api/dashboard.json`)).body;
    expect(drawn.plots.map((plot) => [plot.name, plot.spec.series[0]?.x])).toEqual([['bars', [1, 2, 4]]]);
    const builtInsOnly = await startDashboard({ paths: [sweep], port: 0, configPath });
    servers.push(builtInsOnly);
    const unknown = (await getJson(`${builtInsOnly.url}/api/dashboard.json`)).body;
    expect(unknown.plots).toEqual([]);
    expect(unknown.failed[0]?.error).toMatch(/^multi_run_plots\.bars\.type: 'test_bars' is not a registered plot type/);
  });

  it('close() stops serving', async () => {
    const server = await startDashboard({ paths: [single], port: 0 });
    await server.close();
    await expect(fetch(server.url)).rejects.toThrow();
  });
});
