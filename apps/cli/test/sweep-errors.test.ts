import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir } from '@aiperf/test-kit';
import { describe, expect, test } from 'vitest';
import { runInProcess } from './config-harness.js';

// Bad sweep and variant input through the CLI: exactly one line naming the flag or YAML path, the value and what
// is allowed; exit 2, nothing run.
const profile = (...args: string[]) => runInProcess(['profile', '-m', 'm', '--ui', 'none', ...args]);
const withYaml = async (yaml: string, ...args: string[]) => {
  const path = join(await makeTempDir('aiperf-sweep-errors-'), 'bench.yaml');
  await writeFile(path, yaml);
  return profile('-f', path, ...args);
};
/** The one problem line of the usual error block (a count header, the problem, the pointer to --help). */
const oneLine = (result: { code: number; stderr: string }) => {
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/^aiperf profile: 1 configuration error:\n/);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  const problems = result.stderr.split('\n').filter((line) => line.startsWith('  '));
  expect(problems).toHaveLength(1);
  return problems[0]!.trim();
};

describe('aiperf profile: sweep and variant mistakes exit 2 with one line', () => {
  test('a YAML sweep of a setting that cannot be swept names its path', async () => {
    expect(oneLine(await withYaml('sweep: {parameters: {benchmark.endpoint.headers: [1, 2]}}\n'))).toMatch(
      /^sweep\.parameters\.benchmark\.endpoint\.headers: cannot be swept: benchmark\.endpoint\.headers is a mapping or list, not one value/,
    );
    expect(oneLine(await withYaml('sweep: {parameters: {benchmark.load.no_such: [1, 2]}}\n'))).toMatch(/^sweep\.parameters\.benchmark\.load\.no_such: cannot be swept: no setting benchmark\.load\.no_such; give a benchmark setting of one value by its YAML path/);
    expect(oneLine(await withYaml('sweep: {parameters: {temprature: [1, 2]}}\n'))).toMatch(/^sweep\.parameters\.temprature: unknown sweep parameter; give/);
  });

  test('a comma list on a numeric flag with a bad value names the flag and the list', async () => {
    expect(oneLine(await profile('--warmup-request-count', '0,-1'))).toBe('--warmup-request-count: got "-1", expected an integer ≥ 0 (in the list "0,-1")');
  });

  test('--variant: none defined, or an unknown name', async () => {
    expect(oneLine(await profile('--variant', 'short'))).toBe('--variant: got "short", but no variants are defined; define them in the YAML, e.g. variants: {short: {isl: 128, osl: 64}}');
    expect(oneLine(await withYaml('variants: {short: {isl: 128}, long: {isl: 1024}}\n', '--variant', 'short,lnog'))).toBe('--variant: unknown variant "lnog" (did you mean "long"?); defined: short, long');
  });

  test('variants mixed with a swept list, and a variant setting that cannot vary', async () => {
    expect(oneLine(await withYaml('variants: {short: {isl: 128}}\n', '--osl', '4,8'))).toBe('--osl: cannot be combined with variants (--variant); put the values into the variants');
    expect(oneLine(await withYaml('variants: {short: {multi_run.num_runs: 2}}\n'))).toMatch(/^variants\.short\.multi_run\.num_runs: cannot be swept: multi_run\.num_runs is not a benchmark setting/);
  });
});
