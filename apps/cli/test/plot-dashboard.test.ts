// `aiperf plot --dashboard` end to end: spawn the built CLI, read the ready line, fetch the page and payload,
// stop it with SIGINT.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { DashboardPayload } from '@aiperf/plot';
import { writeSingleRun, writeSweep } from '@aiperf/plot/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, runAiperf, tempDir } from './auto-plot-cli.js';

interface Dashboard {
  child: ChildProcessWithoutNullStreams;
  output: () => { stdout: string; stderr: string };
  exited: Promise<number | null>;
}

const children: ChildProcessWithoutNullStreams[] = [];
// A failed assertion must not leave a dashboard running.
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Spawns the dashboard and resolves once it prints `Press Ctrl+C to stop` (rejects if it exits first). */
async function spawnDashboard(args: string[]): Promise<Dashboard> {
  const home = await tempDir('aiperf-dashboard-home-');
  const child = spawn(process.execPath, [BIN, 'plot', ...args, '--dashboard'], {
    env: { ...process.env, HOME: home, AIPERF_PLOT_CONFIG_HOME: join(home, '.aiperf'), NO_COLOR: '1' },
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (stdout.includes('Press Ctrl+C to stop\n')) resolve();
    });
    void exited.then((code) => reject(new Error(`dashboard exited (${code}) before it was ready:\n${stdout}\n${stderr}`)));
  });
  return { child, output: () => ({ stdout, stderr }), exited };
}

const readyUrl = (stdout: string): string => /^Dashboard ready: (http:\/\/127\.0\.0\.1:\d+)$/m.exec(stdout)![1]!;

/** A port that something is listening on, for the port-in-use error. */
async function busyPort(): Promise<{ port: number; close: () => void }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, close: () => server.close() };
}

describe('aiperf plot --dashboard', () => {
  it('multi-run: prints the ready lines, serves the page, chart.js and the plots; SIGINT shuts down with exit 0', async () => {
    const sweep = join(await tempDir('aiperf-dashboard-'), 'sweep');
    writeSweep(sweep, [1, 2, 4], { gpuCount: 2 });
    const dashboard = await spawnDashboard([sweep, '--port', '0', '--theme', 'Dark']);
    const { stdout } = dashboard.output();
    const url = readyUrl(stdout);
    expect(stdout).toContain(`Dashboard ready: ${url}\nMode: multi-run (3 runs), Theme: dark\nPress Ctrl+C to stop\n`);
    expect(stdout).toContain('Created plot configuration: ');

    const html = await (await fetch(url)).text();
    expect(html).toContain('<title>AIPerf Dashboard</title>');
    expect(html).toContain('<body data-theme="dark">');
    // The built package serves its browser bundle (chart.js inside).
    const bundle = await fetch(`${url}/assets/dashboard.js`);
    expect(bundle.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await bundle.text()).toContain('aiperfInsideLegend');
    const payload = (await (await fetch(`${url}/api/dashboard.json`)).json()) as DashboardPayload;
    expect(payload).toMatchObject({ mode: 'multi_run', theme: 'dark', colors: { paper: '#252525' } });
    expect(payload.runs.map((run) => run.label)).toEqual(['Qwen/Qwen3-0.6B - C1', 'Qwen/Qwen3-0.6B - C2', 'Qwen/Qwen3-0.6B - C4']);
    expect(payload.plots.map((plot) => plot.name)).toEqual([
      'pareto_curve_throughput_per_gpu_vs_latency',
      'pareto_curve_throughput_per_gpu_vs_interactivity',
      'ttft_vs_throughput',
      'latency_throughput_uncertainty',
    ]);

    dashboard.child.kill('SIGINT');
    expect(await dashboard.exited).toBe(0);
    expect(dashboard.output().stdout.endsWith('Press Ctrl+C to stop\nShutting down dashboard...\n')).toBe(true);
    expect(dashboard.output().stderr).toBe('');
    await expect(fetch(url)).rejects.toThrow();
  });

  it('single-run, default light theme', async () => {
    const run = writeSingleRun(join(await tempDir('aiperf-dashboard-'), 'run'), { requestCount: 40, concurrency: 2 });
    const dashboard = await spawnDashboard([run, '--port', '0']);
    expect(dashboard.output().stdout).toContain('Mode: single-run, Theme: light\n');
    const payload = (await (await fetch(`${readyUrl(dashboard.output().stdout)}/api/dashboard.json`)).json()) as DashboardPayload;
    expect(payload).toMatchObject({ mode: 'single_run', runName: 'run', theme: 'light' });
    expect(payload.plots.find((plot) => plot.name === 'ttft_over_time')?.spec.series[0]?.x).toHaveLength(40);
    dashboard.child.kill('SIGINT');
    expect(await dashboard.exited).toBe(0);
  });

  it('a port in use, a bad port or --svg is a usage error (exit 2)', async () => {
    const run = writeSingleRun(join(await tempDir('aiperf-dashboard-'), 'run'), { requestCount: 10 });
    const busy = await busyPort();
    try {
      const result = await runAiperf(['plot', run, '--dashboard', '--port', String(busy.port)]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `aiperf plot: --port: port ${busy.port} on 127.0.0.1 is already in use; stop what is using it or pick another with --port <n>\n`,
      );
      expect(result.stdout).not.toContain('Dashboard ready');
    } finally {
      busy.close();
    }
    const bad = await runAiperf(['plot', run, '--dashboard', '--port', 'http']);
    expect([bad.code, bad.stderr]).toEqual([2, "aiperf plot: --port: 'http' is not a port; allowed: 0 (any free port) to 65535\n"]);
    const svg = await runAiperf(['plot', run, '--dashboard', '--svg']);
    expect([svg.code, svg.stderr]).toEqual([2, 'aiperf plot: --svg: applies to PNG mode only, not with --dashboard\n']);
    const missing = await runAiperf(['plot', join(run, 'nope'), '--dashboard', '--port', '0']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Path does not exist');
  });
});
