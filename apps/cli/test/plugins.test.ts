// `aiperf plugins` and plugin load failures, in-process against plugin packages written to a temp dir.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@aiperf/test-kit';
import { describe, expect, test } from 'vitest';
import { runInProcess } from './config-harness.js';

// Removed when the file ends.
const root = await makeTempDir('aiperf-plugins-');

const RECIPE = `{ name: 'tiny-ramp', description: 'Two concurrency steps (test plugin).', paramNames: [], validate: () => [], expand: () => ({ sweepParameters: { concurrency: [1, 2] } }), describe: () => 'tiny' }`;

function plugin(dir: string, source: string, pkg: Record<string, unknown> = {}): string {
  const path = join(root, dir);
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'package.json'), JSON.stringify({ name: dir, version: '1.2.3', type: 'module', main: 'index.js', ...pkg }));
  writeFileSync(join(path, 'index.js'), source);
  return path;
}

const good = plugin('good-plugin', `export default { name: 'good-plugin', recipes: [${RECIPE}], autoPlotDefault: true };`);

describe('aiperf plugins', () => {
  test('lists a plugin: name, version, what it contributes, where it came from', async () => {
    const result = await runInProcess(['plugins', '--plugin', good], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`good-plugin 1.2.3\n  contributes: recipes: tiny-ramp; autoPlotDefault: true\n  from: --plugin (${join(good, 'index.js')})\n`);
  });

  test('validate loads a plugin package like a run would', async () => {
    const result = await runInProcess(['plugins', 'validate', good], { cwd: root });
    expect([result.code, result.stdout.split('\n')[0]]).toEqual([0, 'good-plugin 1.2.3: OK']);
  });

  test('profile --help lists plugin recipes', async () => {
    const result = await runInProcess(['profile', '--help', '--plugin', good], { cwd: root });
    expect(result.stdout).toMatch(/ {2}tiny-ramp +Two concurrency steps \(test plugin\)\. \[plugin good-plugin\]/);
    expect(result.stdout).toMatch(/ {2}concurrency-ramp +/);
  });

  test('profile -f bench.yaml --help lists the recipes of the YAML plugins: list (paths relative to the file)', async () => {
    const yamlDir = join(root, 'yaml-project');
    mkdirSync(yamlDir, { recursive: true });
    writeFileSync(join(yamlDir, 'bench.yaml'), 'benchmark:\n  model: m\nplugins: [../good-plugin]\n');
    const result = await runInProcess(['profile', '-f', join(yamlDir, 'bench.yaml'), '--help'], { cwd: root });
    expect(result.stdout).toMatch(/ {2}tiny-ramp +Two concurrency steps \(test plugin\)\. \[plugin good-plugin\]/);
    const without = await runInProcess(['profile', '--help'], { cwd: root });
    expect(without.stdout).not.toContain('tiny-ramp');
  });
});

describe('plugin failures: one line naming the plugin, where it was looked for and why; exit 2', () => {
  const fails = async (ref: string, extra: string[] = []) => {
    const result = await runInProcess(['plugins', '--plugin', ref, ...extra], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(extra.includes('-v') ? expect.any(Number) : 1);
    return result.stderr;
  };

  test('not found', async () => {
    expect(await fails('aiperf-plugin-nope')).toMatch(/^aiperf: plugin 'aiperf-plugin-nope': not installed; run `npm install aiperf-plugin-nope` in .+, or give a path \(looked in .+node_modules/);
  });

  test('throws on import (the cause under -v)', async () => {
    const dir = plugin('throwing-plugin', `throw new Error('boom at import');`);
    expect(await fails(dir)).toBe(`aiperf: plugin 'throwing-plugin': threw while loading: boom at import (from ${join(dir, 'index.js')})\n`);
    const verbose = await runInProcess(['plugins', '--plugin', dir, '-v'], { cwd: root });
    expect(verbose.code).toBe(2);
    expect(verbose.stderr).toContain('caused by: Error: boom at import');
  });

  test('wrong shape', async () => {
    const dir = plugin('shapeless-plugin', `export default { recipes: 'tiny' };`);
    expect(await fails(dir)).toBe(
      `aiperf: plugin 'shapeless-plugin': wrong shape: \`name\` must be a non-empty string; \`recipes\` must be an array, got string (from ${join(dir, 'index.js')})\n`,
    );
  });

  test('a name that is taken', async () => {
    const dir = plugin('greedy-plugin', `export default { name: 'greedy-plugin', recipes: [{ ...${RECIPE}, name: 'concurrency-ramp' }] };`);
    expect(await fails(dir)).toBe(
      `aiperf: plugin 'greedy-plugin': a different recipe named 'concurrency-ramp' is already registered (by built-in) (from ${join(dir, 'index.js')})\n`,
    );
  });

  test('an incompatible aiperf version', async () => {
    const dir = plugin('future-plugin', `export default { name: 'future-plugin' };`, { peerDependencies: { '@aiperf/cli': '>=99' } });
    expect(await fails(dir)).toMatch(/^aiperf: plugin 'future-plugin': needs @aiperf\/cli >=99, but this aiperf is \d+\.\d+\.\d+; .+ \(.+future-plugin\/package\.json\)\n$/);
  });
});
