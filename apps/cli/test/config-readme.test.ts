import { readFileSync } from 'node:fs';
import { renderFlagMarkdown, resolveConfig } from '@aiperf/config';
import { describe, expect, test } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

describe('README', () => {
  test('its test line is exactly the command .ci/run runs', () => {
    const ciLines = read('.ci/run').trim().split('\n');
    const ciCommand = ciLines[ciLines.length - 1] as string;
    expect(ciCommand).toBe('npx -y pnpm@10.34.9 install --frozen-lockfile && npx -y pnpm@10.34.9 test');
    expect(read('README.md')).toContain(`\n${ciCommand}\n`);
  });

  test('the quick start runs the root demo script', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(read('README.md')).toContain('\nnpx -y pnpm@10.34.9 install && npx -y pnpm@10.34.9 demo\n');
    // The demo script builds quietly itself, so the demo is the first thing a newcomer sees.
    expect(scripts.demo).toBe('node tooling/demo.mjs');
  });

  test('carries the option reference generated from the flag table (run `pnpm docs` after changing it)', () => {
    expect(read('README.md')).toContain(`<!-- flags:start -->\n${renderFlagMarkdown()}\n<!-- flags:end -->`);
  });
});

test('the README YAML example resolves without errors', () => {
  const example = /```yaml\n([\s\S]*?)```/.exec(read('README.md'))?.[1];
  expect(example).toBeDefined();
  const result = resolveConfig({ yamlText: example, yamlPath: '/work/bench.yaml', env: { OPENAI_API_KEY: 'sk-test' }, fileExists: () => true });
  expect(result.errors).toEqual([]);
  expect(result.config?.sweep?.parameters).toEqual({ concurrency: [1, 4, 16] });
  expect(result.config?.benchmark.artifacts.autoPlot).toBe(true);
});
