// Plugin discovery under pnpm's bin shims (`pnpm exec aiperf`, `node_modules/.bin/aiperf`): they put pnpm's virtual
// store on NODE_PATH, and Node's lookup paths include NODE_PATH. Discovery must still find what the project
// installed, without reading the package.json of every package in the store. The built CLI runs in its own process
// because Node reads NODE_PATH once, at start.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeTempDir } from '@aiperf/test-kit';
import { describe, expect, test } from 'vitest';
import { runBinary } from './config-harness.js';

// Removed when the file ends.
const root = await makeTempDir('aiperf-plugins-pnpm-');
const project = join(root, 'project');
const nodeModules = join(project, 'node_modules');
const store = join(nodeModules, '.pnpm');
const STORE_ONLY_PACKAGES = 300;

function writePackage(dir: string, pkg: Record<string, unknown>, source?: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ version: '1.0.0', type: 'module', ...pkg }));
  if (source !== undefined) writeFileSync(join(dir, 'index.js'), source);
}

function link(target: string, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(target, path, 'junction');
}

/** A package the project installed, laid out as pnpm does: in the store, linked from node_modules and hoisted. */
function installDirect(name: string, pkg: Record<string, unknown>): string {
  const dir = join(store, `${name}@1.0.0`, 'node_modules', name);
  writePackage(dir, { name, main: 'index.js', ...pkg }, `export default { name: '${name}' };\n`);
  link(dir, join(nodeModules, name));
  link(dir, join(store, 'node_modules', name));
  return join(nodeModules, name, 'index.js');
}

// One plugin by keyword, one by the `aiperf` field (no name pattern either way).
const keywordEntry = installDirect('aiperf-plugin-real', { keywords: ['aiperf-plugin'] });
const fieldEntry = installDirect('acme-bench-extras', { aiperf: { plugin: './index.js' } });

// Dependencies of dependencies, hoisted into the store's node_modules (plain and scoped) and into the CLI's own
// dependency directory. Each declares itself a plugin whose entry does not exist: had discovery read one of these
// package.json files, the command would stop with exit 2 naming it.
for (let i = 0; i < STORE_ONLY_PACKAGES; i++) {
  const name = i % 10 === 0 ? `@scope/dep-${i}` : `dep-${i}`;
  writePackage(join(store, 'node_modules', name), { name, aiperf: { plugin: './missing.js' } });
}
const cliDeps = join(store, '@aiperf+cli@1.0.0', 'node_modules');
writePackage(join(cliDeps, 'cli-dep'), { name: 'cli-dep', keywords: ['aiperf-plugin'], main: 'missing.js' });

// What pnpm's shim for the `aiperf` bin sets.
const NODE_PATH = [join(cliDeps, '@aiperf', 'cli', 'node_modules'), cliDeps, join(store, 'node_modules')].join(':');

const listing = (entries: [string, string][]) => entries.map(([name, entry]) => `${name} 1.0.0\n  contributes: nothing\n  from: installed (${entry})\n`);
const expected = listing([['aiperf-plugin-real', keywordEntry], ['acme-bench-extras', fieldEntry]]).sort();
const listed = (stdout: string) => stdout.split(/(?=^\S)/m).sort();

describe('plugin discovery with pnpm NODE_PATH', () => {
  test('finds what the project installed and reads no package.json of the store', () => {
    const result = runBinary(['plugins'], { cwd: project, env: { NODE_PATH } });
    expect(result.stderr).toBe('');
    expect([result.code, listed(result.stdout)]).toEqual([0, expected]);
  });

  test('from outside the project, the store on NODE_PATH still leads to the project\'s plugins', () => {
    const elsewhere = join(root, 'elsewhere');
    mkdirSync(elsewhere, { recursive: true });
    const result = runBinary(['plugins'], { cwd: elsewhere, env: { NODE_PATH } });
    expect(result.stderr).toBe('');
    expect([result.code, listed(result.stdout)]).toEqual([0, expected]);
  });
});
