// Console reports of multi-runs and sweeps: the aggregate table (mean ± CI) and the sweep table streamed per cell.
import { join } from 'node:path';
import { makeTempDirSync } from '@aiperf/test-kit';
import { describe, expect, it } from 'vitest';
import { quickProfileArgs, readJson, runAiperf } from './auto-plot-cli.js';
import { useMockServer } from './mock-fixture.js';

const server = useMockServer({ ttftMs: 2, itlMs: 1 });
const root = makeTempDirSync('aiperf-console-reports-');

const squash = (text: string) => text.replace(/ +/g, ' ');
const two = (value: number) => value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

describe('console reports', () => {
  it('multi-run: prints the aggregate table with the means and half-intervals of the aggregate file', async () => {
    const dir = join(root, 'multi');
    const run = await runAiperf(quickProfileArgs(server.url, dir, ['--num-profile-runs', '2', '--no-auto-plot']));
    expect(run.code, run.stderr).toBe(0);
    const aggregate = await readJson(join(dir, 'aggregate', 'profile_export_aiperf_aggregate.json'));
    const ttft = aggregate.metrics.time_to_first_token_avg;
    expect(run.stdout).toContain('NVIDIA AIPerf | Multi-Run Aggregate (2 runs, 95% CI)');
    expect(squash(run.stdout)).toContain(
      `│ time_to_first_token.avg (ms) │ ${two(ttft.mean)} │ ± ${two((ttft.ci_high - ttft.ci_low) / 2)} │ ${two(ttft.std)} │`,
    );
    // After the per-run tables: the aggregate comes last, right before its path.
    expect(run.stdout.lastIndexOf('Multi-Run Aggregate')).toBeGreaterThan(run.stdout.lastIndexOf('NVIDIA AIPerf | LLM Metrics'));
  });

  it('sweep: the table grows as cells finish, with each cell own throughput; --no-sweep-table turns it off', async () => {
    const dir = join(root, 'sweep');
    const run = await runAiperf(quickProfileArgs(server.url, dir, ['--concurrency', '1,2', '--no-auto-plot']));
    expect(run.code, run.stderr).toBe(0);
    const first = run.stdout.indexOf('NVIDIA AIPerf | Sweep (1/2 cells done)');
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(run.stdout.indexOf('[aiperf] run 2/2'));
    const final = run.stdout.slice(run.stdout.indexOf('NVIDIA AIPerf | Sweep (2/2 cells done)'));
    for (const value of [1, 2]) {
      const summary = await readJson(join(dir, `concurrency_${value}`, 'profile_export_aiperf.json'));
      expect(squash(final)).toContain(`│ concurrency_${value} │ ${two(summary.request_throughput.avg)} │ ${two(summary.output_token_throughput.avg)} │`);
    }
    const quiet = await runAiperf(quickProfileArgs(server.url, join(root, 'quiet'), ['--concurrency', '1,2', '--no-auto-plot', '--no-sweep-table']));
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stdout).not.toContain('NVIDIA AIPerf | Sweep');
  });
});
