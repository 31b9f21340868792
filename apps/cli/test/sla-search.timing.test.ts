// SLA search recipes end to end against a mock server with a known saturation point: a batch limit of 8
// (--max-num-seqs) makes TTFT jump once more than 8 requests are in flight while throughput stays flat. A timing
// test (serial group): each probe's verdict compares a measured TTFT p95 with the SLA, 120 ms either side of it. The
// recipes' usage errors are `sla-search-usage.test.ts`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '@aiperf/mock-server';
import { makeTempDir } from '@aiperf/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from './config-harness.js';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, ttftMs: 100, itlMs: 20, maxNumSeqs: 8 });
});
afterAll(async () => {
  await server?.close();
});

const profile = (dir: string, extra: string[]) =>
  runInProcess([
    'profile', '-m', 'mock-model', '-u', server.url, '--streaming', '--request-count', '8', '--isl', '16', '--osl', '8',
    '--extra-inputs', 'ignore_eos:true', '--tokenizer', 'builtin', '--workers', '1', '--no-gpu-telemetry', '--no-server-metrics',
    '--ui', 'none', '--artifact-dir', dir, ...extra,
  ]);

describe('SLA search recipes', () => {
  it('max-concurrency-under-sla finds the batch limit (8) exactly, in fewer probes than the grid, reporting each probe', async () => {
    const dir = await makeTempDir('aiperf-search-');
      const run = await profile(dir, ['--recipe', 'max-concurrency-under-sla', '--ttft-sla-ms', '220', '--recipe-param', 'concurrency-max=64']);
    expect(run.code, run.stderr).toBe(0);
    const history = JSON.parse(readFileSync(join(dir, 'search_history.json'), 'utf8'));
    expect(history.boundary_summary.feasible_max.value).toBe(8);
    expect(history.boundary_summary.infeasible_min.value).toBe(9);
    expect(history.boundary_summary.infeasible_min.first_breach).toMatchObject({ metric_tag: 'time_to_first_token', stat: 'p95', threshold: 220 });
    expect(history.best_trials[0].variation_values).toEqual({ concurrency: 8 });
    expect(history.convergence_reason).toBe('precision_reached');
    // Bracket 1, 2, 4, 8, 16, then bisect 12, 10, 9: 8 runs where a grid at step 1 over [1, 64] needs 64.
    expect(history.iterations.map((p: { variation_values: { concurrency: number } }) => p.variation_values.concurrency)).toEqual([1, 2, 4, 8, 16, 12, 10, 9]);
    expect(history.num_probes).toBeLessThan(history.equivalent_grid_runs);
    expect(history.equivalent_grid_runs).toBe(64);
    for (const probe of history.iterations) {
      expect(probe.verdict).toMatch(probe.feasible ? /^PASS \(request_throughput / : /^FAIL \(time_to_first_token p95 \d/);
      expect(existsSync(join(probe.artifact_dir, 'profile_export_aiperf.json'))).toBe(true);
    }
    expect(run.stdout).toContain('[aiperf] probe 5: concurrency 16 FAIL (time_to_first_token p95');
    expect(run.stdout).toContain('Search (max-concurrency-under-sla): best concurrency 8');
    const sweep = JSON.parse(readFileSync(join(dir, 'sweep_aggregate', 'profile_export_aiperf_sweep.json'), 'utf8'));
    expect(sweep.per_combination_metrics.map((row: { parameters: { concurrency: number } }) => row.parameters.concurrency)).toEqual([1, 2, 4, 8, 9, 10, 12, 16]);
  }, 120_000);

  it('max-throughput-under-ttft-sla stops at saturation: past the limit throughput is flat while TTFT climbs', async () => {
    const dir = await makeTempDir('aiperf-search-');
      // A loose SLA the queueing never breaks within range: only the saturation rule ends the bracket.
    const run = await profile(dir, ['--recipe', 'max-throughput-under-ttft-sla', '--ttft-sla-ms', '5000', '--recipe-param', 'concurrency-max=64']);
    expect(run.code, run.stderr).toBe(0);
    const history = JSON.parse(readFileSync(join(dir, 'search_history.json'), 'utf8'));
    const sixteen = history.iterations.find((p: { variation_values: { concurrency: number } }) => p.variation_values.concurrency === 16);
    expect(sixteen).toMatchObject({ feasible: false, saturated: true, breaches: [] });
    expect(sixteen.verdict).toMatch(/^FAIL \(saturated: request_throughput /);
    expect(history.iterations.map((p: { variation_values: { concurrency: number } }) => p.variation_values.concurrency)).not.toContain(32);
    expect(history.best_trials[0].variation_values.concurrency).toBeGreaterThanOrEqual(8);
    expect(history.best_trials[0].variation_values.concurrency).toBeLessThanOrEqual(9);
  }, 120_000);
});
