// Adaptive multi-run: --convergence-metric stops adding runs once the metric's spread across runs is small enough.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@aiperf/test-kit';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './config-harness.js';
import { useMockServer } from './mock-fixture.js';

const server = useMockServer({ ttftMs: 30, itlMs: 2, ttftJitterMs: 10 });

async function multiRun(extra: string[]) {
  const dir = await makeTempDir('aiperf-converge-');
  const run = await runInProcess([
    'profile', '-m', 'mock-model', '-u', server.url, '--streaming', '--request-count', '8', '--concurrency', '2', '--isl', '16', '--osl', '4',
    '--tokenizer', 'builtin', '--workers', '1', '--no-gpu-telemetry', '--no-server-metrics', '--ui', 'none', '--artifact-dir', dir,
    '--num-profile-runs', '5', ...extra,
  ]);
  return { run, dir };
}

describe('--convergence-metric', () => {
  it('stops after min_runs once the CI half-width is under the threshold, and the aggregate counts the runs made', async () => {
    const { run, dir } = await multiRun(['--convergence-metric', 'output_sequence_length', '--convergence-threshold', '0.05']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('[aiperf] converged: output_sequence_length avg over 3 runs: 95% CI half-width / mean 0.00% < 5.00%; skipping the remaining 2 run(s)');
    expect(existsSync(join(dir, 'profile_runs', 'run_0003'))).toBe(true);
    expect(existsSync(join(dir, 'profile_runs', 'run_0004'))).toBe(false);
    const aggregate = JSON.parse(readFileSync(join(dir, 'aggregate', 'profile_export_aiperf_aggregate.json'), 'utf8'));
    expect(aggregate.metadata).toMatchObject({ num_profile_runs: 3, num_successful_runs: 3 });
  }, 60_000);

  it('runs every allowed run when the metric never settles (a threshold no jittered TTFT meets)', async () => {
    const { run, dir } = await multiRun(['--convergence-metric', 'time_to_first_token', '--convergence-mode', 'cv', '--convergence-threshold', '0.000001']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/\[aiperf\] convergence: time_to_first_token avg over 5 runs: CV \d+\.\d+% ≥ 0\.00%/);
    expect(existsSync(join(dir, 'profile_runs', 'run_0005'))).toBe(true);
  }, 60_000);

  it('bad input: a convergence setting without a metric or without more than one run', async () => {
    const noMetric = await runInProcess(['profile', '-m', 'm', '--num-profile-runs', '3', '--convergence-threshold', '0.1']);
    expect(noMetric.code).toBe(2);
    expect(noMetric.stderr).toContain('--convergence-threshold: needs --convergence-metric (the metric whose spread decides when to stop)');
    const oneRun = await runInProcess(['profile', '-m', 'm', '--convergence-scope', 'runs', '--convergence-metric', 'time_to_first_token']);
    expect(oneRun.code).toBe(2);
    expect(oneRun.stderr).toContain('--convergence-metric: needs --num-profile-runs above 1 (the most runs to try before stopping)');
  });
});

describe('--convergence-scope run (the default with one profile run)', () => {
  it('stops profiling once the margin is small enough: exit 0, the summary says so, far fewer requests than asked', async () => {
    const dir = await makeTempDir('aiperf-converge-run-');
    const run = await runInProcess([
      'profile', '-m', 'mock-model', '-u', server.url, '--streaming', '--request-count', '2000', '--concurrency', '8', '--isl', '16', '--osl', '4',
      '--tokenizer', 'builtin', '--workers', '1', '--no-gpu-telemetry', '--no-server-metrics', '--ui', 'none', '--artifact-dir', dir,
      '--convergence-metric', 'request_latency', '--convergence-stat', 'avg', '--convergence-threshold', '0.1', '--convergence-check-interval', '100ms',
      '--convergence-min-samples', '20',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, 'profile_export_aiperf.json'), 'utf8'));
    expect(summary.convergence).toMatchObject({ metric: 'request_latency', stat: 'avg', threshold: 0.1, stopped_on_convergence: true });
    expect(summary.convergence.stop.margin).toBeLessThanOrEqual(0.1);
    expect(summary.request_count.avg).toBeLessThan(1000);
    expect(summary.was_cancelled).toBe(false);
    expect(run.stdout).toMatch(/Note: profiling stopped on convergence: request_latency avg ±\d+\.\d+% ≤ 10\.0% \(95% CI, n = \d+\)/);
  }, 60_000);

  it.each([
    [['--convergence-metric', 'time_to_first_token', '--convergence-mode', 'cv'], '--convergence-mode: only applies to convergence across runs; the margin within one run is always the CI half-width / the statistic; add --convergence-scope runs (with --num-profile-runs above 1) to judge across runs'],
    [['--convergence-metric', 'time_to_first_token', '--convergence-min-runs', '2'], '--convergence-min-runs: only applies to convergence across runs;'],
    [['--num-profile-runs', '3', '--convergence-metric', 'time_to_first_token', '--convergence-min-samples', '10'], '--convergence-min-samples: only applies to convergence within one run; add --convergence-scope run'],
    [['--convergence-scope', 'run', '--convergence-threshold', '0.1'], '--convergence-threshold: needs --convergence-metric (the metric whose margin decides when to stop)'],
    [['--convergence-scope', 'sometimes'], '--convergence-scope: got "sometimes", expected one of: runs, run'],
    [['--convergence-metric', 'time_to_first_token', '--convergence-min-samples', '1'], '--convergence-min-samples: got "1", expected an integer ≥ 2'],
    [['--convergence-metric', 'time_to_first_token', '--convergence-check-interval', '0'], '--convergence-check-interval: got "0", expected a number > 0'],
  ])('bad input %j: one line naming the flag, exit 2', async (flags, line) => {
    const result = await runInProcess(['profile', '-m', 'm', ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(line);
  });

  it('bad input found when the run starts: a metric this run does not measure', async () => {
    const result = await runInProcess(['profile', '-m', 'm', '-u', 'http://127.0.0.1:9', '--tokenizer', 'builtin', '--ui', 'none', '--convergence-metric', 'time_to_first_token']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--convergence-metric: "time_to_first_token" is not a per-request value of this run (streaming-only metrics need --streaming); allowed: ');
  });
});
