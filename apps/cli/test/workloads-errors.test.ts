// Bad workload input through the CLI: one line naming the flag (or the file, line and field), the bad value and
// what is allowed; exit 2; nothing sent to the server.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDirSync } from '@aiperf/test-kit';
import { describe, expect, test } from 'vitest';
import { runInProcess } from './config-harness.js';
import { useMockServer } from './mock-fixture.js';

const root = makeTempDirSync('aiperf-workloads-errors-');
const mock = useMockServer({ ttftMs: 1, itlMs: 1 });

const file = (name: string, text: string) => {
  const path = join(root, name);
  writeFileSync(path, text);
  return path;
};

/** The error lines of a run that must fail with exit 2 without sending anything. */
async function refused(args: string[]): Promise<string[]> {
  const result = await runInProcess([
    'profile', '-m', 'mock-model', '-u', mock.url, '--request-count', '4', '--concurrency', '1', '--artifact-dir', join(root, 'never'),
    '--no-gpu-telemetry', '--no-server-metrics', '--ui', 'none', ...args,
  ]);
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(mock.stats().requests.total).toBe(0);
  const context = (line: string) => line.startsWith('aiperf profile: ') || line.startsWith('warning: ') || line.startsWith('See `aiperf profile --help`');
  return result.stderr.trim().split('\n').filter((line) => !context(line));
}

describe('conflicting or impossible workload options', () => {
  test('a prefix longer than the ISL', async () => {
    expect(await refused(['--prompt-prefix-pool-size', '2', '--prompt-prefix-length', '600'])).toEqual([
      '  --prompt-prefix-length: got 600, which does not fit the ISL of 550 tokens (the prefix is part of the prompt); lower it below 550 or raise --isl',
    ]);
  });

  test('a prefix pool without a prefix length, and one combined with the system/context prompts', async () => {
    expect(await refused(['--prompt-prefix-pool-size', '2'])).toEqual([
      '  --prompt-prefix-length: must be > 0 too: a prefix pool needs both --prompt-prefix-pool-size and --prompt-prefix-length',
    ]);
    expect(await refused(['--prompt-prefix-pool-size', '2', '--prompt-prefix-length', '10', '--shared-system-prompt-length', '50'])).toEqual([
      '  --prompt-prefix-pool-size: cannot be combined with --shared-system-prompt-length; use the prefix pool or the system/context prompts',
    ]);
  });

  test('--seq-dist: malformed, not summing to 100, or given with --isl', async () => {
    expect(await refused(['--seq-dist', '256,128:60;512:40'])).toEqual([
      '  --seq-dist: "512:40" is not ISL,OSL:percent (optional |stddev after a length, e.g. 256|10,128:40)',
    ]);
    expect(await refused(['--seq-dist', '256,128:60;512,256:30'])).toEqual(['  --seq-dist: the percentages add up to 90, not 100']);
    expect(await refused(['--seq-dist', '256,128:100', '--isl', '100'])).toEqual([
      '  --seq-dist: cannot be combined with --isl: the distribution sets both lengths; remove one',
    ]);
  });

  test('synthetic-only options with --input-file; replay speed without a trace', async () => {
    const prompts = file('prompts.jsonl', '{"text": "hello"}\n');
    expect(await refused(['--input-file', prompts, '--conversation-turn-mean', '3'])).toEqual([
      `  --conversation-turn-mean: applies to synthetic prompts only; remove it or --input-file`,
    ]);
    expect(await refused(['--replay-speedup', '4'])).toEqual([
      '  --replay-speedup: only applies to a fixed-schedule trace replay (--fixed-schedule or a trace dataset)',
    ]);
  });
});

describe('bad dataset files', () => {
  test('an empty file', async () => {
    const empty = file('empty.jsonl', '\n\n');
    expect(await refused(['--input-file', empty, '--tokenizer', 'builtin'])).toEqual([`aiperf: --input-file ${empty}: the file is empty; expected one JSON object per line`]);
  });
});
