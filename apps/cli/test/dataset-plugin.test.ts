// A plugin's dataset loader through the real CLI: `--custom-dataset-type <its name>` reads --input-file with it,
// and the requests sent are exactly its entries (inputs.json, the mock server's counts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDirSync } from '@aiperf/test-kit';
import { describe, expect, test } from 'vitest';
import { runInProcess } from './config-harness.js';
import { useMockServer } from './mock-fixture.js';

const root = makeTempDirSync('aiperf-dataset-plugin-');
const mock = useMockServer({ ttftMs: 1, itlMs: 1 });

// A loader for plain text files: one prompt per line, "!" at the end asks for 3 output tokens.
const LOADER = `{
  name: 'text_lines',
  description: 'one prompt per line',
  load: ({ path }) => readFileSync(path, 'utf8').split('\\n').filter(Boolean).map((line) =>
    ({ text: line.replace(/!$/, ''), outputLength: line.endsWith('!') ? 3 : null })),
}`;
const pluginDir = join(root, 'lines-plugin');
mkdirSync(pluginDir);
writeFileSync(join(pluginDir, 'package.json'), JSON.stringify({ name: 'lines-plugin', version: '0.1.0', type: 'module', main: 'index.js' }));
writeFileSync(join(pluginDir, 'index.js'), `import { readFileSync } from 'node:fs';\nexport default { name: 'lines-plugin', datasetLoaders: [${LOADER}] };\n`);
const prompts = join(root, 'prompts.txt');
writeFileSync(prompts, 'first prompt here!\nsecond prompt\nthird prompt!\n');

const profile = (dir: string, extra: string[]) =>
  runInProcess(
    ['profile', '-m', 'mock-model', '-u', mock.url, '--plugin', pluginDir, '--input-file', prompts, '--request-count', '3',
      '--concurrency', '1', '--workers', '1', '--artifact-dir', join(root, dir), '--no-gpu-telemetry', '--no-server-metrics', '--ui', 'none', ...extra],
    { cwd: root },
  );

describe('dataset loaders from plugins', () => {
  test('aiperf plugins lists the loader', async () => {
    const result = await runInProcess(['plugins', '--plugin', pluginDir], { cwd: root });
    expect(result.stdout).toContain('contributes: datasetLoaders: text_lines');
  });

  test('--custom-dataset-type <plugin loader> sends exactly its entries', async () => {
    const result = await profile('run', ['--custom-dataset-type', 'text_lines']);
    expect(result.code, result.stderr).toBe(0);
    const inputs = JSON.parse(readFileSync(join(root, 'run', 'inputs.json'), 'utf8'));
    const bodies = inputs.data.map((s: { payloads: Array<{ messages: Array<{ content: string }>; max_completion_tokens?: number }> }) => s.payloads[0]);
    expect(bodies.map((b: { messages: Array<{ content: string }> }) => b.messages[0]!.content)).toEqual(['first prompt here', 'second prompt', 'third prompt']);
    expect(bodies.map((b: { max_completion_tokens?: number }) => b.max_completion_tokens ?? null)).toEqual([3, null, 3]);
    const summary = JSON.parse(readFileSync(join(root, 'run', 'profile_export_aiperf.json'), 'utf8'));
    expect(summary.request_count.avg).toBe(3);
  });

  test('an unknown dataset type names the registered ones (the plugin included); exit 2, nothing sent', async () => {
    const result = await profile('unknown', ['--custom-dataset-type', 'text_line']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--custom-dataset-type (benchmark.input.custom_dataset_type): got "text_line", expected one of: single_turn, multi_turn, mooncake_trace',
    );
    expect(result.stderr).toMatch(/text_lines/);
  });
});
