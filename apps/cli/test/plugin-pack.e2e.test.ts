// The example plugin as its users get it: examples/aiperf-plugin-hello packed with `pnpm pack`, installed with npm
// into a fresh project next to the packed CLI, and run through the installed `aiperf` bin against the mock server.
// No --import, no workspace links: discovery from the project's node_modules is all that brings the plugin in.
// A second plugin bundles its own copy of @aiperf/plugin (two copies in one install) and must still reach the run.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type MockServer, startMockServer } from '@aiperf/mock-server';
import { pixelStats, pngSize } from '@aiperf/plot/testing';
import { makeTempDir } from '@aiperf/test-kit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type InstalledRun, npmInstall, npmPack, packCliAnd, REPO_ROOT, runInstalledAiperf, unpack } from './packed-install.js';

const CLI_BUILD = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const HELLO_GREEN = '#76b900';

let root = '';
let project = '';
let home = '';
let server: MockServer;

/** A plugin whose package bundles its own @aiperf/plugin: npm keeps bundled dependencies nested, always. */
async function writeTwinPlugin(dir: string, pluginTarball: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const pkg = {
    name: 'aiperf-plugin-twin', version: '1.0.0', type: 'module', keywords: ['aiperf-plugin'], exports: './index.js',
    files: ['index.js'], dependencies: { '@aiperf/plugin': '0.0.0' }, bundleDependencies: ['@aiperf/plugin'],
  };
  await writeFile(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  // The hook records which copy of @aiperf/plugin this plugin's own imports resolve to.
  await writeFile(join(dir, 'index.js'), `import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { definePlugin } from '@aiperf/plugin';
export default definePlugin({
  name: 'aiperf-plugin-twin',
  postRunHooks: [{ name: 'twin-hook', run(outcome) {
    writeFileSync(join(outcome.artifactDir, 'twin_hook.json'), JSON.stringify({ pluginPackage: import.meta.resolve('@aiperf/plugin'), runs: outcome.runs.length }));
  } }],
});
`);
  await unpack(pluginTarball, join(dir, 'node_modules', '@aiperf', 'plugin'));
}

beforeAll(async () => {
  if (!existsSync(CLI_BUILD)) throw new Error('the packed-install test packs the built packages: run `pnpm build` (or `pnpm test`) first');
  // Removed when the file ends (packs, the npm project, every run's artifacts).
  root = await makeTempDir('aiperf-plugin-pack-');
  const tarballs = join(root, 'tarballs');
  await mkdir(tarballs);
  // The CLI's packages and the example plugin.
  const packed = await packCliAnd(tarballs, [join(REPO_ROOT, 'examples', 'aiperf-plugin-hello')]);
  const pluginTarball = packed.find((path) => /^aiperf-plugin-\d/.test(basename(path)));
  if (!pluginTarball) throw new Error(`pnpm pack made no @aiperf/plugin tarball: ${packed.join(', ')}`);
  if (!packed.some((path) => /^aiperf-plugin-hello-\d/.test(basename(path)))) throw new Error(`pnpm pack made no aiperf-plugin-hello tarball: ${packed.join(', ')}`);
  await writeTwinPlugin(join(root, 'twin'), pluginTarball);
  const twin = await npmPack(join(root, 'twin'), tarballs);
  project = join(root, 'project');
  await npmInstall(project, [...packed, twin]);

  // The user-level plot config names the plugin's plot type next to a built-in one. It does not turn auto-plot on.
  home = join(root, 'home');
  await mkdir(join(home, '.aiperf'), { recursive: true });
  await writeFile(join(home, '.aiperf', 'plot_config.yaml'), `visualization:
  multi_run_defaults: [hello_throughput, ttft_vs_throughput]
  multi_run_plots:
    hello_throughput: { type: hello_bars, y: request_throughput, title: Throughput per concurrency }
    ttft_vs_throughput: { type: scatter_line, x: { metric: time_to_first_token, stat: avg }, y: { metric: request_throughput, stat: avg }, labels: [concurrency] }
`);
  server = await startMockServer({ port: 0, ttftMs: 2, itlMs: 1 });
}, 600_000);

afterAll(async () => {
  await server?.close();
});

const aiperf = (args: readonly string[], cwd = project) => runInstalledAiperf(project, args, { cwd, home });
const profileArgs = (dir: string, extra: readonly string[] = []) => [
  'profile', '-m', 'mock-model', '-u', server.url, '--streaming', '--request-count', '6', '--isl', '16', '--osl', '4',
  '--artifact-dir', dir, '--no-gpu-telemetry', '--ui', 'none', '--recipe', 'hello-ramp', ...extra,
];

/**
 * The hello-ramp sweep into `<root>/hello` (auto-plotted by the plugin's default), run once by whichever test needs
 * it first: each test stands alone, in any order, and the sweep is paid once.
 */
let helloSweep: Promise<InstalledRun> | undefined;
const runHelloSweep = (): Promise<InstalledRun> => (helloSweep ??= aiperf(profileArgs(join(root, 'hello'))));

async function expectHelloBars(png: string): Promise<void> {
  expect(pngSize(readFileSync(png))).toEqual({ width: 2400, height: 1200 });
  const stats = await pixelStats(png);
  expect(stats.hasColor(HELLO_GREEN), 'the bars are drawn in the plugin colour').toBe(true);
  expect(stats.variance).toBeGreaterThan(50);
}

describe('the example plugin, packed and installed from npm tarballs', () => {
  test('aiperf plugins lists both installed plugins with what they add, validate accepts hello; profile --help lists hello-ramp', async () => {
    // Three independent commands of the installed bin, started together.
    const [listed, validated, help] = await Promise.all([
      aiperf(['plugins']),
      aiperf(['plugins', 'validate', join('node_modules', 'aiperf-plugin-hello')]),
      aiperf(['profile', '--help']),
    ]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain(
      `aiperf-plugin-hello 0.1.0\n  contributes: recipes: hello-ramp; postRunHooks: hello-summary; plotTypes: hello_bars; autoPlotDefault: true\n  from: installed (${join(project, 'node_modules', 'aiperf-plugin-hello', 'index.js')})\n`,
    );
    expect(listed.stdout).toContain('aiperf-plugin-twin 1.0.0\n  contributes: postRunHooks: twin-hook\n');
    expect([validated.code, validated.stdout.split('\n')[0]]).toEqual([0, 'aiperf-plugin-hello 0.1.0: OK']);
    expect(help.stdout).toMatch(/ {2}hello-ramp +A small concurrency ramp .+ \[plugin aiperf-plugin-hello\]/);
  });

  test('profile --recipe hello-ramp: the sweep runs, auto-plot is on by the plugin default, the hooks fire, hello_bars renders', async () => {
    const dir = join(root, 'hello');
    const run = await runHelloSweep();
    expect(run.code, run.stderr).toBe(0);
    for (const cell of ['concurrency_1', 'concurrency_3', 'concurrency_4']) {
      expect(JSON.parse(readFileSync(join(dir, cell, 'profile_export_aiperf.json'), 'utf8')).request_count.avg).toBe(6);
    }
    // Auto-plot: nothing but the plugin's autoPlotDefault asks for it (the recipe and the user say nothing).
    expect(run.stdout).toContain(`Saved 2 plots to: ${join(dir, 'plots')}`);
    expect((await readdir(join(dir, 'plots'))).filter((f) => f.endsWith('.png')).sort()).toEqual(['hello_throughput.png', 'ttft_vs_throughput.png']);
    await expectHelloBars(join(dir, 'plots', 'hello_throughput.png'));
    // The post-run hook wrote its file after the sweep.
    expect(JSON.parse(readFileSync(join(dir, 'hello_summary.json'), 'utf8'))).toEqual({
      plugin: 'aiperf-plugin-hello', kind: 'multi', exit_code: 0,
      runs: ['concurrency_1', 'concurrency_3', 'concurrency_4'].map((label) => ({ label, successful_requests: 6 })),
    });
    // Two copies of @aiperf/plugin in one install: the twin imports its nested copy, and its hook still ran.
    const twin = JSON.parse(readFileSync(join(dir, 'twin_hook.json'), 'utf8'));
    expect(twin).toEqual({ pluginPackage: expect.any(String), runs: 3 });
    const nested = join(project, 'node_modules', 'aiperf-plugin-twin', 'node_modules', '@aiperf', 'plugin');
    expect(twin.pluginPackage.startsWith(pathToFileURL(nested).href)).toBe(true);
    expect(existsSync(join(project, 'node_modules', '@aiperf', 'plugin', 'package.json'))).toBe(true);
  });

  test('--no-auto-plot beats the plugin default; the hooks still run', async () => {
    const dir = join(root, 'no-plot');
    // The hello-ramp sweep runs its cells on the default worker thread; this one issues from the main event loop
    // (a thread costs ~0.65 s of CPU to start, per cell).
    const run = await aiperf(profileArgs(dir, ['--recipe-param', 'max_concurrency=2', '--recipe-param', 'steps=2', '--no-auto-plot', '--workers', '1']));
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(dir, 'concurrency_2', 'profile_export_aiperf.json'))).toBe(true);
    expect(existsSync(join(dir, 'plots'))).toBe(false);
    expect(existsSync(join(dir, 'hello_summary.json'))).toBe(true);
  });

  test('aiperf plot draws hello_bars: found installed in the project, or by --plugin from elsewhere', async () => {
    const sweep = join(root, 'hello');
    const swept = await runHelloSweep();
    expect(swept.code, swept.stderr).toBe(0);
    // Three independent plots of the same sweep into their own directories, started together. From a directory with
    // no node_modules nothing is discovered: the type is unknown until --plugin names it.
    const [discovered, outside, named] = await Promise.all([
      aiperf(['plot', sweep, '--output', join(root, 'plot-installed')]),
      aiperf(['plot', sweep, '--output', join(root, 'plot-outside')], root),
      aiperf(['plot', sweep, '--output', join(root, 'plot-named'), '--plugin', join(project, 'node_modules', 'aiperf-plugin-hello')], root),
    ]);
    expect(discovered.code, discovered.stderr).toBe(0);
    await expectHelloBars(join(root, 'plot-installed', 'hello_throughput.png'));

    expect(outside.stdout).toContain("hello_throughput.type: 'hello_bars' is not a registered plot type");
    expect(existsSync(join(root, 'plot-outside', 'hello_throughput.png'))).toBe(false);
    expect(named.code, named.stderr).toBe(0);
    await expectHelloBars(join(root, 'plot-named', 'hello_throughput.png'));
  });
});
