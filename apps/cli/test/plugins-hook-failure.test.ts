// A plugin whose post-run hook throws, loaded with --plugin (the CLI in-process): the run's artifacts stay, the
// plugin's later hook still runs, the failure is one line and the exit status is 1.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '@aiperf/mock-server';
import { makeTempDir } from '@aiperf/test-kit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pngNames, quickProfileArgs } from './auto-plot-cli.js';
import { runInProcess } from './config-harness.js';

let root = '';
let plugin = '';
let server: MockServer;

const PLUGIN_SOURCE = `import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
export default {
  name: 'aiperf-plugin-boom',
  autoPlotDefault: true,
  recipes: [{ name: 'boom-ramp', description: 'Concurrency 1 and 2 (test plugin).', paramNames: [], validate: () => [],
    expand: () => ({ sweepParameters: { concurrency: [1, 2] } }), describe: () => 'boom-ramp: concurrency 1, 2' }],
  postRunHooks: [
    { name: 'boom', order: 1, run() { throw new Error('the hook blew up'); } },
    { name: 'after-boom', order: 2, run(outcome) { writeFileSync(join(outcome.artifactDir, 'after_boom.json'), JSON.stringify({ runs: outcome.runs.length })); } },
  ],
};
`;

beforeAll(async () => {
  root = await makeTempDir('aiperf-plugin-hook-failure-');
  plugin = join(root, 'aiperf-plugin-boom');
  mkdirSync(plugin);
  writeFileSync(join(plugin, 'package.json'), JSON.stringify({ name: 'aiperf-plugin-boom', version: '1.0.0', type: 'module', main: 'index.js' }));
  writeFileSync(join(plugin, 'index.js'), PLUGIN_SOURCE);
  server = await startMockServer({ port: 0, ttftMs: 2, itlMs: 1 });
});
afterAll(async () => {
  await server?.close();
});

const runAiperf = (args: readonly string[]) => runInProcess(args, { env: { AIPERF_PLOT_CONFIG_HOME: join(root, 'home') } });
const hookLines = (stderr: string) => stderr.split('\n').filter((line) => line.includes('post-run hook'));

describe('a plugin hook that throws', () => {
  test("sweep from the plugin's recipe: every run's artifacts, the aggregate and the plots stay; exit 1 with one line", async () => {
    const dir = join(root, 'sweep');
    const run = await runAiperf(quickProfileArgs(server.url, dir, ['--recipe', 'boom-ramp', '--plugin', plugin]));
    expect(run.code, run.stderr).toBe(1);
    expect(hookLines(run.stderr)).toEqual(["ERROR post-run hook 'boom' failed: the hook blew up"]);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    for (const cell of ['concurrency_1', 'concurrency_2']) {
      expect(JSON.parse(readFileSync(join(dir, cell, 'profile_export_aiperf.json'), 'utf8')).request_count.avg).toBe(6);
      expect(readFileSync(join(dir, cell, 'profile_export.jsonl'), 'utf8').trim().split('\n')).toHaveLength(6);
    }
    expect(existsSync(join(dir, 'sweep_aggregate', 'profile_export_aiperf_sweep.json'))).toBe(true);
    // Auto-plot (on by the plugin's default) ran before the hooks; the plugin's next hook ran after the failure.
    expect((await pngNames(join(dir, 'plots'))).length).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(join(dir, 'after_boom.json'), 'utf8'))).toEqual({ runs: 2 });
  });

  test('single run: the exports stay, exit 1', async () => {
    const dir = join(root, 'single');
    const run = await runAiperf(quickProfileArgs(server.url, dir, ['--plugin', plugin]));
    expect(run.code, run.stderr).toBe(1);
    expect(hookLines(run.stderr)).toEqual(["ERROR post-run hook 'boom' failed: the hook blew up"]);
    expect(JSON.parse(readFileSync(join(dir, 'profile_export_aiperf.json'), 'utf8')).request_count.avg).toBe(6);
    for (const file of ['profile_export_aiperf.csv', 'profile_export.jsonl', 'inputs.json']) expect(existsSync(join(dir, file)), file).toBe(true);
    expect(existsSync(join(dir, 'after_boom.json'))).toBe(true);
  });
});
