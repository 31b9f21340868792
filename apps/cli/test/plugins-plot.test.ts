// `aiperf plot` draws a plugin's plot types: named with --plugin or found installed (in-process, fixture runs).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pixelStats, pngSize, writeSweep } from '@aiperf/plot/testing';
import { makeTempDir } from '@aiperf/test-kit';
import { describe, expect, test } from 'vitest';
import { runInProcess } from './config-harness.js';

// Removed when the file ends.
const root = await makeTempDir('aiperf-plugins-plot-');

// One bar per run in a colour no built-in plot uses, so the PNG shows the plugin's chart was drawn.
const BAR_COLOUR = '#ff00aa';
const STRIPES = `{
  name: 'stripes',
  describe: () => 'One bar per run (test plugin).',
  buildMultiRun: ({ name, preset, mode, theme, table }) => ({ spec: {
    name, type: preset.type, mode, theme: theme.name, title: 'Stripes', widthPx: 1600, heightPx: 800, pixelRatio: 1.5, legend: 'inside',
    x: { label: 'Concurrency', beginAtZero: true }, y: { label: 'req/s', beginAtZero: true },
    series: [{ name: 'throughput', showInLegend: true, style: 'bars', color: '${BAR_COLOUR}', lineWidth: 1, markerSize: 0, axis: 'y',
      x: table.rows.map((row) => row.concurrency), y: table.rows.map((row) => row.request_throughput) }],
    footnotes: [], notes: [],
  } }),
}`;

function writePackage(dir: string, pkg: Record<string, unknown>): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ version: '1.0.0', type: 'module', main: 'index.js', ...pkg }));
  writeFileSync(join(dir, 'index.js'), `export default { name: '${pkg.name}', plotTypes: [${STRIPES}] };\n`);
  return dir;
}

const sweep = join(root, 'sweep');
writeSweep(sweep, [1, 2, 4]);
const config = join(root, 'stripes.yaml');
writeFileSync(config, 'visualization:\n  multi_run_defaults: [stripes_plot]\n  multi_run_plots:\n    stripes_plot: { type: stripes, y: request_throughput }\n');
const env = { AIPERF_PLOT_CONFIG_HOME: join(root, 'home') };

async function expectStripes(outputDir: string): Promise<void> {
  const png = join(outputDir, 'stripes_plot.png');
  expect(pngSize(readFileSync(png))).toEqual({ width: 2400, height: 1200 });
  const stats = await pixelStats(png);
  expect(stats.hasColor(BAR_COLOUR)).toBe(true);
  expect(stats.variance).toBeGreaterThan(50);
}

describe('aiperf plot with plugins', () => {
  test('--plugin PATH: the plugin plot type named in the plot config renders', async () => {
    const plugin = writePackage(join(root, 'stripes-plugin'), { name: 'stripes-plugin' });
    const out = join(root, 'out-flag');
    const result = await runInProcess(['plot', sweep, '--config', config, '--output', out, '--plugin', plugin], { cwd: root, env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Saved 1 plot to: ${out}`);
    await expectStripes(out);
  });

  test('an installed package that declares itself a plugin is found without --plugin', async () => {
    const project = join(root, 'project');
    writePackage(join(project, 'node_modules', 'aiperf-plugin-stripes'), { name: 'aiperf-plugin-stripes', keywords: ['aiperf-plugin'] });
    const out = join(root, 'out-installed');
    const result = await runInProcess(['plot', sweep, '--config', config, '--output', out], { cwd: project, env });
    expect(result.code, result.stderr).toBe(0);
    await expectStripes(out);
  });

  test('without the plugin the type is unknown: the log names it and the registered types, exit 1', async () => {
    const out = join(root, 'out-none');
    const result = await runInProcess(['plot', sweep, '--config', config, '--output', out], { cwd: root, env });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/Failed to generate stripes_plot: multi_run_plots\.stripes_plot\.type: 'stripes' is not a registered plot type; known: .*scatter_line/);
  });

  test('a plugin that cannot be loaded: one line naming it, exit 2', async () => {
    const result = await runInProcess(['plot', sweep, '--config', config, '--plugin', 'aiperf-plugin-missing'], { cwd: root, env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^aiperf: plugin 'aiperf-plugin-missing': not installed; .+\n$/);
  });
});
