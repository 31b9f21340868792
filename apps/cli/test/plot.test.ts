// `aiperf plot` end to end: spawn the built CLI on fixture artifacts written in the spec's format.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pixelStats, pngSize, writeClassificationLayout, writeSingleRun, writeSweep } from '@aiperf/plot/testing';
import { describe, expect, it } from 'vitest';
import { runAiperf } from './auto-plot-cli.js';
import { makeTempDir } from '@aiperf/test-kit';

const tempDir = () => makeTempDir('aiperf-plot-cli-');
const pngs = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.png'))
    .sort();

describe('aiperf plot', () => {
  it('single run: every plot with data, the spec console lines, summary and log in <run>/plots', async () => {
    const run = writeSingleRun(join(await tempDir(), 'run'), { requestCount: 120, concurrency: 4, sliceDurationS: 2, gpuCount: 1 });
    const result = await runAiperf(['plot', run]);
    expect(result.code, result.stderr).toBe(0);
    const out = join(run, 'plots');
    expect(pngs(out)).toEqual([
      'dispersed_throughput_over_time.png',
      'gpu_memory_and_throughput_over_time.png',
      'gpu_power_and_throughput_over_time.png',
      'gpu_utilization_and_throughput_over_time.png',
      'itl_over_time.png',
      'latency_over_time.png',
      'timeslices_itl.png',
      'timeslices_latency.png',
      'timeslices_throughput.png',
      'timeslices_ttft.png',
      'ttft_over_time.png',
      'ttft_timeline.png',
    ]);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toContain('  Edit this file to customize plots (changes take effect on next run)');
    expect(lines.slice(-2)).toEqual([`Saved 12 plots to: ${out}`, `Logs: ${join(out, 'aiperf_plot.log')}`]);
    expect(pngSize(readFileSync(join(out, 'ttft_over_time.png')))).toEqual({ width: 2400, height: 1200 });
    expect((await pixelStats(join(out, 'dispersed_throughput_over_time.png'))).variance).toBeGreaterThan(50);
    expect(readFileSync(join(out, 'summary.txt'), 'utf8')).toMatch(/^AIPerf Plot Export Summary\n={50}\n\nGenerated 12 plots:/);
  });

  it('sweep directory: multi-run comparison into --output, dark theme, --config honoured', async () => {
    const dir = await tempDir();
    const sweep = join(dir, 'sweep');
    writeSweep(sweep, [1, 2, 4], { gpuCount: 2 });
    const config = join(dir, 'only-ttft.yaml');
    writeFileSync(
      config,
      'visualization:\n  multi_run_defaults: [ttft_vs_throughput]\n  multi_run_plots:\n    ttft_vs_throughput:\n' +
        '      type: scatter_line\n      x: time_to_first_token_avg\n      y: request_throughput_avg\n      labels: [concurrency]\n',
    );
    const result = await runAiperf(['plot', sweep, '--output', join(dir, 'out'), '--theme', 'DARK', '--config', config, '--svg']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Using config: ${config}`);
    expect(result.stdout).toContain(`Saved 1 plot to: ${join(dir, 'out')}`);
    expect(pngs(join(dir, 'out'))).toEqual(['ttft_vs_throughput.png']);
    const svg = readFileSync(join(dir, 'out', 'ttft_vs_throughput.svg'), 'utf8');
    expect(svg).toMatch(/^<\?xml[^>]*>\s*<svg [^>]*width="1600" height="800"/);
    expect(svg.toLowerCase()).toContain('#76b900'); // the dark theme's first series colour
    expect((await pixelStats(join(dir, 'out', 'ttft_vs_throughput.png'))).hasColor('#252525')).toBe(true);
    expect(readFileSync(join(dir, 'out', 'aiperf_plot.log'), 'utf8')).toContain('Generating multi-run plots (3 runs)');
  });

  it("several paths are compared; a run's .aiperf-plot-config.yaml is picked up", async () => {
    const dir = await tempDir();
    const layout = writeClassificationLayout(join(dir, 'artifacts'));
    writeFileSync(
      join(layout[0]!, '.aiperf-plot-config.yaml'),
      'visualization:\n  multi_run_defaults: [p]\n  multi_run_plots:\n    p: {type: pareto, x: request_latency, y: output_token_throughput_per_gpu, labels: concurrency}\n' +
        'experiment_classification:\n  baselines: ["*baseline*"]\n  treatments: ["*treatment*"]\n',
    );
    const result = await runAiperf(['plot', layout[0]!, layout[2]!, '--output', join(dir, 'cmp')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Using config: ${join(layout[0]!, '.aiperf-plot-config.yaml')}`);
    expect(pngs(join(dir, 'cmp'))).toEqual(['p.png']);
    const pixels = await pixelStats(join(dir, 'cmp', 'p.png'));
    expect(pixels.hasColor('#999999') && pixels.hasColor('#76B900')).toBe(true);
  });

  it('no paths: plots ./artifacts into ./artifacts/plots', async () => {
    const cwd = await tempDir();
    writeSweep(join(cwd, 'artifacts'), [1, 2]);
    const result = await runAiperf(['plot'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Saved 1 plot to: ${join(cwd, 'artifacts', 'plots')}`);
    expect(pngs(join(cwd, 'artifacts', 'plots'))).toEqual(['ttft_vs_throughput.png']);
  });

  it('nothing to plot: exit 1 with the reason; bad paths, themes and configs: exit 2 naming them', async () => {
    const dir = await tempDir();
    const sweep = join(dir, 'no-gpu');
    writeSweep(sweep, [1, 2]);
    const config = join(dir, 'gpu-only.yaml');
    writeFileSync(
      config,
      'visualization:\n  multi_run_defaults: [p]\n  multi_run_plots:\n    p: {type: pareto, x: request_latency, y: output_token_throughput_per_gpu}\n',
    );
    const nothing = await runAiperf(['plot', sweep, '--config', config]);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toBe(
      "aiperf plot: nothing could be plotted:\n  p: no 'output_token_throughput_per_gpu' column (needs GPU telemetry in the runs' summaries)\n",
    );

    const missing = await runAiperf(['plot', join(dir, 'nope')]);
    expect(missing).toMatchObject({ code: 2, stderr: `aiperf plot: Path does not exist: ${join(dir, 'nope')}\n` });
    mkdirSync(join(dir, 'empty'));
    const empty = await runAiperf(['plot', join(dir, 'empty')]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('Path does not contain any valid run directories');
    const theme = await runAiperf(['plot', sweep, '--theme', 'sepia']);
    expect(theme).toMatchObject({ code: 2, stderr: "aiperf plot: --theme: 'sepia' is not a valid theme; allowed: light, dark\n" });
    writeFileSync(config, 'visualization:\n  multi_run_defaults: [typo]\n');
    const bad = await runAiperf(['plot', sweep, '--config', config]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${config}: visualization.multi_run_defaults: plot 'typo' listed in multi_run_defaults but not defined`);
    expect(existsSync(join(dir, 'no-gpu', 'plots', 'p.png'))).toBe(false);
    expect(existsSync(join(dir, 'nope'))).toBe(false);
  });
});
