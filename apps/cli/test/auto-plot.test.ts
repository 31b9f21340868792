// `aiperf profile` + auto-plot end to end against the mock server: every row of the tutorial's resolution
// table, warn vs strict failure, the plot: envelope (inline and path), zero successful requests.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '@aiperf/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autoPlotWarnings, isPng, pngNames, quickProfileArgs, readJson, runAiperf, tempDir } from './auto-plot-cli.js';

let server: MockServer;
beforeAll(async () => {
  // The modules a profile with auto-plot loads on first use (the run, the plot engine), loaded here under the hook's
  // timeout: as the first file of a busy suite's fork, importing them took most of the first test's 60 s.
  const [started] = await Promise.all([
    startMockServer({ port: 0, ttftMs: 2, itlMs: 1 }),
    import('../src/commands/profile.js'),
    import('../src/benchmark.js'),
    import('@aiperf/plot'),
  ]);
  server = started;
});
afterAll(async () => {
  await server?.close();
});

const profile = async (extra: string[], options: { cwd?: string } = {}) => {
  const dir = join(await tempDir('aiperf-auto-plot-'), 'run');
  const result = await runAiperf(quickProfileArgs(server.url, dir, ['--concurrency', '2', ...extra]), options);
  return { dir, ...result };
};
// A two-cell recipe sweep keeps the "recipe default" rows quick.
const RAMP = ['--recipe', 'concurrency-ramp', '--recipe-param', 'concurrency_max=2', '--recipe-param', 'concurrency_steps=2'];
const PARETO = ['--recipe', 'pareto-sweep', '--recipe-param', 'isl_osl_pairs=16/4', '--recipe-param', 'concurrency=1,2'];

describe('auto-plot resolution table', () => {
  it('--auto-plot (no recipe) → on: PNGs and the log under <artifact_dir>/plots', async () => {
    const run = await profile(['--auto-plot']);
    expect(run.code, run.stderr).toBe(0);
    const pngs = await pngNames(join(run.dir, 'plots'));
    expect(pngs).toContain('ttft_over_time.png');
    expect(await isPng(join(run.dir, 'plots', 'ttft_over_time.png'))).toBe(true);
    expect(existsSync(join(run.dir, 'plots', 'aiperf_plot.log'))).toBe(true);
    expect(autoPlotWarnings(run.stderr)).toEqual([]);
  });

  it('--auto-plot with a recipe that leaves it unset → on', async () => {
    const run = await profile(['--auto-plot', ...PARETO]);
    expect(run.code, run.stderr).toBe(0);
    expect((await pngNames(join(run.dir, 'plots'))).length).toBeGreaterThan(0);
    const pareto = await readJson(join(run.dir, 'sweep_aggregate', 'pareto_sweep.json'));
    expect(pareto.cells.map((c: { isl: number; osl: number; concurrency: number }) => [c.isl, c.osl, c.concurrency])).toEqual([[16, 4, 1], [16, 4, 2]]);
    expect(pareto.cells.every((c: { x: unknown; y: unknown }) => typeof c.x === 'number' && typeof c.y === 'number')).toBe(true);
    expect(pareto.cells.some((c: { pareto_optimal: boolean }) => c.pareto_optimal)).toBe(true);
  });

  it('--no-auto-plot with a recipe that defaults on → off', async () => {
    const run = await profile(['--no-auto-plot', ...RAMP]);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(run.dir, 'sweep_aggregate', 'profile_export_aiperf_sweep.json'))).toBe(true);
    expect(existsSync(join(run.dir, 'plots'))).toBe(false);
  });

  it('--no-auto-plot, no recipe → off', async () => {
    const run = await profile(['--no-auto-plot']);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(run.dir, 'profile_export_aiperf.json'))).toBe(true);
    expect(existsSync(join(run.dir, 'plots'))).toBe(false);
  });

  it('nothing + concurrency-ramp (auto_plot_default true) → on, once, at the top-level dir', async () => {
    const run = await profile(RAMP);
    expect(run.code, run.stderr).toBe(0);
    expect((await pngNames(join(run.dir, 'plots'))).length).toBeGreaterThan(0);
    expect(existsSync(join(run.dir, 'plots', 'aiperf_plot.log'))).toBe(true);
    for (const cell of ['concurrency_1', 'concurrency_2']) {
      expect(existsSync(join(run.dir, cell, 'profile_export_aiperf.json'))).toBe(true);
      expect(existsSync(join(run.dir, cell, 'plots'))).toBe(false);
    }
    expect(existsSync(join(run.dir, 'sweep_aggregate', 'degradation_knee.json'))).toBe(true);
  });

  it('nothing + pareto-sweep (auto_plot_default unset) → off', async () => {
    const run = await profile(PARETO);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(run.dir, 'isl_16__osl_4__concurrency_2', 'profile_export_aiperf.json'))).toBe(true);
    expect(existsSync(join(run.dir, 'plots'))).toBe(false);
  });

  it('nothing, no recipe → off', async () => {
    const run = await profile([]);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(run.dir, 'plots'))).toBe(false);
  });

  it('an unknown recipe is a usage error listing the known ones', async () => {
    const run = await profile(['--recipe', 'no-such-recipe']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown recipe 'no-such-recipe'; known recipes: concurrency-ramp, decode-itl-curve, max-concurrency-under-sla, max-goodput-under-slo, max-throughput-under-itl-sla, max-throughput-under-ttft-sla, pareto-sweep, prefill-ttft-curve");
  });
});

describe('auto-plot failure: warn vs --plot-required', () => {
  // A regular file where the plots dir should go makes the plot engine fail (root can write anywhere else).
  const blockedPlotsDir = async () => {
    const dir = join(await tempDir('aiperf-auto-plot-fail-'), 'run');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'plots'), 'not a directory');
    return dir;
  };

  it('warns with one line naming the dir, the log and the manual command; exit 0', async () => {
    const dir = await blockedPlotsDir();
    const run = await runAiperf(quickProfileArgs(server.url, dir, ['--concurrency', '2', '--auto-plot']));
    expect(run.code, run.stderr).toBe(0);
    const warnings = autoPlotWarnings(run.stderr);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^WARNING aiperf\.plot\.auto_plot - auto-plot failed \(run artifacts intact at /);
    expect(warnings[0]).toContain(`(run artifacts intact at ${dir}): `);
    expect(warnings[0]).toContain(`see ${join(dir, 'plots', 'aiperf_plot.log')} for details.`);
    expect(warnings[0]).toContain(`Re-run \`aiperf plot ${dir}\` manually if needed.`);
    expect(existsSync(join(dir, 'profile_export_aiperf.json'))).toBe(true);
  });

  it('--plot-required makes it fatal: non-zero exit and the error shown', async () => {
    const dir = await blockedPlotsDir();
    const run = await runAiperf(quickProfileArgs(server.url, dir, ['--concurrency', '2', '--auto-plot', '--plot-required']));
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`auto-plot failed (--plot-required) for ${dir}: `);
    expect(autoPlotWarnings(run.stderr).filter((l) => l.startsWith('WARNING'))).toEqual([]);
  });

  it('--plot-required without auto-plot is dormant', async () => {
    const dir = await blockedPlotsDir();
    const run = await runAiperf(quickProfileArgs(server.url, dir, ['--concurrency', '2', '--plot-required']));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('auto-plot');
  });
});

describe('plot: envelope', () => {
  const ENVELOPE = {
    visualization: {
      single_run_defaults: ['latency_only'],
      single_run_plots: { latency_only: { type: 'scatter', x: 'request_number', y: 'request_latency', title: 'Latency per request' } },
    },
  };
  // JSON is YAML: the AIPerf config file can hold the envelope as a flow mapping.
  const benchYaml = `plot: ${JSON.stringify(ENVELOPE)}\n`;
  const MATERIALISED = [
    'visualization:',
    '  single_run_defaults:',
    '    - latency_only',
    '  single_run_plots:',
    '    latency_only:',
    '      type: scatter',
    '      x: request_number',
    "      'y': request_latency",
    '      title: Latency per request',
    '',
  ].join('\n');

  it('inline: turns auto-plot on, is materialised and used, and a later `aiperf plot <dir>` picks it up', async () => {
    const work = await tempDir('aiperf-envelope-');
    const dir = join(work, 'run');
    await writeFile(join(work, 'bench.yaml'), benchYaml);
    const run = await runAiperf(quickProfileArgs(server.url, dir, ['-f', 'bench.yaml', '--concurrency', '2']), { cwd: work });
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(join(dir, '.aiperf-plot-config.yaml'), 'utf8')).toBe(MATERIALISED);
    expect(await pngNames(join(dir, 'plots'))).toEqual(['latency_only.png']);

    const again = await runAiperf(['plot', dir, '--output', join(work, 'replot')]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`Using config: ${join(dir, '.aiperf-plot-config.yaml')}`);
    expect(await pngNames(join(work, 'replot'))).toEqual(['latency_only.png']);
  });

  it('path: resolved against the YAML directory and copied verbatim', async () => {
    const work = await tempDir('aiperf-envelope-path-');
    const dir = join(work, 'artifacts', 'my-run');
    await mkdir(join(work, 'cfg', 'plots'), { recursive: true });
    const baseline = `# team baseline\n${MATERIALISED}`;
    await writeFile(join(work, 'cfg', 'plots', 'baseline.yaml'), baseline);
    await writeFile(join(work, 'cfg', 'bench.yaml'), 'plot: ./plots/baseline.yaml\n');
    const run = await runAiperf(quickProfileArgs(server.url, dir, ['-f', join(work, 'cfg', 'bench.yaml'), '--concurrency', '2']));
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(join(dir, '.aiperf-plot-config.yaml'), 'utf8')).toBe(baseline);
    expect(await pngNames(join(dir, 'plots'))).toEqual(['latency_only.png']);
  });

  it('--no-auto-plot wins over the envelope', async () => {
    const work = await tempDir('aiperf-envelope-off-');
    const dir = join(work, 'run');
    await writeFile(join(work, 'bench.yaml'), benchYaml);
    const run = await runAiperf(quickProfileArgs(server.url, dir, ['-f', 'bench.yaml', '--concurrency', '2', '--no-auto-plot']), { cwd: work });
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(dir, 'plots'))).toBe(false);
    expect(existsSync(join(dir, '.aiperf-plot-config.yaml'))).toBe(false);
    expect(run.stdout).toContain('auto-plot is off (explicitly disabled): the plot: section is not used for this run');
  });
});

describe('zero successful requests', () => {
  it('the run fails, and auto-plot never fires (no plots, no warning)', async () => {
    const failing = await startMockServer({ port: 0, ttftMs: 1, itlMs: 1, errorRate: 1 });
    try {
      const dir = join(await tempDir('aiperf-zero-'), 'run');
      const run = await runAiperf(quickProfileArgs(failing.url, dir, ['--concurrency', '2', '--auto-plot', '--plot-required']));
      expect(run.code).not.toBe(0);
      expect(existsSync(join(dir, 'plots'))).toBe(false);
      expect(run.stderr).not.toContain('auto-plot failed');
    } finally {
      await failing.close();
    }
  });
});
