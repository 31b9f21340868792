// `aiperf compare` end to end: real profile runs against two mock servers with exactly controlled TTFT.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '@aiperf/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quickProfileArgs, runAiperf, tempDir } from './auto-plot-cli.js';

let fast: MockServer;
let slow: MockServer;
let root: string;
const dir = (name: string) => join(root, name);

beforeAll(async () => {
  [fast, slow] = await Promise.all([startMockServer({ port: 0, ttftMs: 5, itlMs: 1 }), startMockServer({ port: 0, ttftMs: 150, itlMs: 1 })]);
  root = await tempDir('aiperf-compare-cli-');
  // One after the other: on a loaded machine parallel runs would blur the 5 ms vs 150 ms contrast. The two runs
  // whose TTFTs are compared measure on a load thread, away from this process's event loop and its mock servers.
  for (const args of [
    quickProfileArgs(fast.url, dir('base'), [], { loadThread: true }),
    quickProfileArgs(slow.url, dir('slower'), [], { loadThread: true }),
    quickProfileArgs(fast.url, dir('multi'), ['--num-profile-runs', '2']),
  ]) {
    const run = await runAiperf(args);
    expect(run.code, run.stderr).toBe(0);
  }
});
afterAll(async () => {
  await Promise.all([fast?.close(), slow?.close()]);
  if (root) await rm(root, { recursive: true, force: true });
});

const squash = (text: string) => text.replace(/ +/g, ' ');

describe('aiperf compare', () => {
  it('pass: a run against itself holds every rule (exit 0) and prints the side-by-side table', async () => {
    const result = await runAiperf(['compare', dir('base'), dir('base'), '--fail-on', 'time_to_first_token.p99:+10%,request_throughput.avg:-5%']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('NVIDIA AIPerf | Compare');
    expect(squash(result.stdout)).toMatch(/│ time_to_first_token\.p99 \(ms\) │ [\d.]+ │ [\d.]+ │ 0\.00 │ 0\.00% │ │/);
    expect(result.stdout).toContain('PASSED: 2 regression rules held');
  });

  it('fail: 5 ms → 150 ms TTFT trips the p99 rule (exit 1) and says by how much', async () => {
    const result = await runAiperf(['compare', dir('base'), dir('slower'), '--fail-on', 'time_to_first_token.p99:+10%']);
    expect(result.code, result.stdout).toBe(1);
    expect(result.stdout).toContain('FAIL time_to_first_token.p99:+10%');
    const line = result.stdout.split('\n').find((l) => l.startsWith('  time_to_first_token.p99:+10%: '));
    const [, from, to] = /went from ([\d.]+) to ([\d.]+) ms/.exec(line ?? '') ?? [];
    expect(Number(from)).toBeGreaterThanOrEqual(5);
    expect(Number(to)).toBeGreaterThanOrEqual(150);
    expect(Number(to)).toBeGreaterThan(Number(from) * 1.1);
  });

  it('missing metric: a misspelt rule is bad input (exit 2, one line with a suggestion)', async () => {
    const result = await runAiperf(['compare', dir('base'), dir('slower'), '--fail-on', 'time_to_frist_token.p99:+10%']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'aiperf compare: --fail-on: "time_to_frist_token.p99:+10%": no metric time_to_frist_token.p99 in either run (did you mean "time_to_first_token.p99"?)\n',
    );
  });

  it('mismatched run kinds: a single run against a multi-run is refused (exit 2)', async () => {
    const result = await runAiperf(['compare', dir('base'), dir('multi')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^aiperf compare: cannot compare a single run \(BASE .*\) with a multi-run \(2 runs\) \(NEW .*aggregate\/profile_export_aiperf_aggregate\.json\); compare runs of the same kind\n$/);
  });

  it('multi-runs: mean ± CI with a significance note', async () => {
    const result = await runAiperf(['compare', dir('multi'), dir('multi'), '--stats', 'avg']);
    expect(result.code, result.stderr).toBe(0);
    expect(squash(result.stdout)).toMatch(/│ time_to_first_token\.avg \(ms\) │ [\d.]+ ± [\d.]+ │ [\d.]+ ± [\d.]+ │ 0\.00 │ 0\.00% │ within noise │/);
    expect(result.stdout).toContain('± is half the 95% confidence interval');
  });

  it('bad input: a path without results', async () => {
    const result = await runAiperf(['compare', root, dir('base')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^aiperf compare: .* holds 3 runs \(base, multi, slower\); name one of them\n$/);
  });
});
