// `--gpu-cost-per-hour` / `--cost-per-hour` end to end: cost metrics in the JSON, the CSV and the console table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDirSync } from '@aiperf/test-kit';
import { describe, expect, it } from 'vitest';
import { quickProfileArgs, runAiperf } from './auto-plot-cli.js';
import { useMockServer } from './mock-fixture.js';

const server = useMockServer({ ttftMs: 2, itlMs: 1 });
const root = makeTempDirSync('aiperf-cost-');

describe('aiperf profile --gpu-cost-per-hour', () => {
  it('adds cost per 1M input/output tokens and per request, computed from the run own totals', async () => {
    const dir = join(root, 'priced');
    const run = await runAiperf(quickProfileArgs(server.url, dir, ['--gpu-cost-per-hour', '3.6']));
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, 'profile_export_aiperf.json'), 'utf8'));
    const seconds = summary.benchmark_duration.avg;
    const costUsd = (3.6 * seconds) / 3600;
    expect(summary.benchmark_cost).toMatchObject({ unit: 'USD' });
    expect(summary.benchmark_cost.avg).toBeCloseTo(costUsd, 9);
    expect(summary.cost_per_request.avg).toBeCloseTo(costUsd / summary.request_count.avg, 9);
    expect(summary.cost_per_million_input_tokens.avg).toBeCloseTo((costUsd / summary.total_isl.avg) * 1e6, 6);
    expect(summary.cost_per_million_output_tokens.avg).toBeCloseTo((costUsd / summary.total_osl.avg) * 1e6, 6);
    expect(run.stdout).toMatch(/│\s+Cost per 1M Output Tokens \(USD\/1M tokens\) │\s+[\d.,]+ │/);
    expect(readFileSync(join(dir, 'profile_export_aiperf.csv'), 'utf8')).toMatch(/\nCost per Request \(USD\/request\),0\.0000\d+\n/);
  });

  it('--cost-per-hour is the same setting; a bad price is one clear line and exit 2', async () => {
    const priced = await runAiperf(quickProfileArgs(server.url, join(root, 'alias'), ['--cost-per-hour', '1', '--print-config']));
    expect(priced.stdout).toContain('cost_per_hour: 1');
    const bad = await runAiperf(quickProfileArgs(server.url, join(root, 'bad'), ['--gpu-cost-per-hour', '0']));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--gpu-cost-per-hour: got "0", expected a number > 0');
  });
});
