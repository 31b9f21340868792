// SLA search recipes end to end against mock servers with a known saturation point: a batch limit
// (--max-num-seqs) makes TTFT jump once more requests are in flight than it admits, while throughput stays flat. A
// timing test (serial group): each probe's verdict compares a measured TTFT p95 with the SLA, 120 ms either side of
// it (100 ms unqueued; a queued request waits a whole answer, 100 + 7 × 20 ms, more). The recipes' usage errors are
// `sla-search-usage.test.ts`.
//
// A probe sends 2 requests per unit of concurrency (the recipe's default is 4; at least 2), answered 240 ms each, at
// most `limit` at a time: the waiting grows with the probes, their requests and how far past the limit they load the
// server. Limits of 5 and 4 end the bracket at 8, not 16 as a limit of 8 did: the same walk (doubling, a failure past
// the limit, bisection down to the exact boundary) in 6 and 5 probes. Past the limit at least one request a wave
// queues (1 in 6 at 6 for a limit of 5, 2 of 12 over the probe's two waves; 3 of 8 at 8), so p95, which interpolates
// between the top two values, is a queued TTFT; at or below it every request is served at once. Two waves keep the
// TTFT margins (120 ms either side) and what the saturation rule compares (throughput over whole waves) while
// sending a third fewer requests than three per unit did.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '@aiperf/mock-server';
import { makeTempDir } from '@aiperf/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from './config-harness.js';

const KNEE = 5;
const SATURATION_KNEE = 4;
let knee: MockServer;
let saturating: MockServer;
beforeAll(async () => {
  [knee, saturating] = await Promise.all([
    startMockServer({ port: 0, ttftMs: 100, itlMs: 20, maxNumSeqs: KNEE }),
    startMockServer({ port: 0, ttftMs: 100, itlMs: 20, maxNumSeqs: SATURATION_KNEE }),
  ]);
  // One small run first, off the probes' clock: a process's first run loads and compiles the CLI's code (~1 s of
  // CPU), some of it while its requests are in flight, which could add a first probe's TTFTs a stall.
  const warm = await runInProcess([
    'profile', '-m', 'mock-model', '-u', knee.url, '--streaming', '--request-count', '2', '--concurrency', '2', '--isl', '16', '--osl', '8',
    '--tokenizer', 'builtin', '--workers', '1', '--no-gpu-telemetry', '--no-server-metrics', '--ui', 'none',
    '--artifact-dir', join(await makeTempDir('aiperf-search-warm-'), 'run'),
  ]);
  if (warm.code !== 0) throw new Error(`the warm-up run failed: ${warm.stderr}`);
}, 120_000);
afterAll(async () => {
  await Promise.all([knee?.close(), saturating?.close()]);
});

const profile = (server: MockServer, dir: string, extra: string[]) =>
  runInProcess([
    'profile', '-m', 'mock-model', '-u', server.url, '--streaming', '--request-count', '2', '--isl', '16', '--osl', '8',
    '--extra-inputs', 'ignore_eos:true', '--tokenizer', 'builtin', '--workers', '1', '--no-gpu-telemetry', '--no-server-metrics',
    '--ui', 'none', '--artifact-dir', dir, '--recipe-param', 'requests-per-concurrency=2', ...extra,
  ]);

describe('SLA search recipes', () => {
  it('max-concurrency-under-sla finds the batch limit (5) exactly, in fewer probes than the grid, reporting each probe', async () => {
    const dir = await makeTempDir('aiperf-search-');
    const run = await profile(knee, dir, ['--recipe', 'max-concurrency-under-sla', '--ttft-sla-ms', '220', '--recipe-param', 'concurrency-max=64']);
    expect(run.code, run.stderr).toBe(0);
    const history = JSON.parse(readFileSync(join(dir, 'search_history.json'), 'utf8'));
    expect(history.boundary_summary.feasible_max.value).toBe(KNEE);
    expect(history.boundary_summary.infeasible_min.value).toBe(KNEE + 1);
    expect(history.boundary_summary.infeasible_min.first_breach).toMatchObject({ metric_tag: 'time_to_first_token', stat: 'p95', threshold: 220 });
    expect(history.best_trials[0].variation_values).toEqual({ concurrency: KNEE });
    expect(history.convergence_reason).toBe('precision_reached');
    // Bracket 1, 2, 4, 8, then bisect 6 (fails), 5 (passes): 6 runs where a grid at step 1 over [1, 64] needs 64.
    expect(history.iterations.map((p: { variation_values: { concurrency: number } }) => p.variation_values.concurrency)).toEqual([1, 2, 4, 8, 6, 5]);
    expect(history.num_probes).toBeLessThan(history.equivalent_grid_runs);
    expect(history.equivalent_grid_runs).toBe(64);
    for (const probe of history.iterations) {
      expect(probe.verdict).toMatch(probe.feasible ? /^PASS \(request_throughput / : /^FAIL \(time_to_first_token p95 \d/);
      expect(existsSync(join(probe.artifact_dir, 'profile_export_aiperf.json'))).toBe(true);
    }
    expect(run.stdout).toContain('[aiperf] probe 4: concurrency 8 FAIL (time_to_first_token p95');
    expect(run.stdout).toContain('Search (max-concurrency-under-sla): best concurrency 5');
    const sweep = JSON.parse(readFileSync(join(dir, 'sweep_aggregate', 'profile_export_aiperf_sweep.json'), 'utf8'));
    expect(sweep.per_combination_metrics.map((row: { parameters: { concurrency: number } }) => row.parameters.concurrency)).toEqual([1, 2, 4, 5, 6, 8]);
  }, 120_000);

  it('max-throughput-under-ttft-sla stops at saturation: past the limit throughput is flat while TTFT climbs', async () => {
    const dir = await makeTempDir('aiperf-search-');
    // A loose SLA the queueing never breaks within range: only the saturation rule ends the bracket. From 2 (the
    // rule compares a probe with the last pass below it; the 2-s probe at 1 adds nothing to that).
    const run = await profile(saturating, dir, [
      '--recipe', 'max-throughput-under-ttft-sla', '--ttft-sla-ms', '5000', '--recipe-param', 'concurrency-min=2', '--recipe-param', 'concurrency-max=64',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const history = JSON.parse(readFileSync(join(dir, 'search_history.json'), 'utf8'));
    // Doubling 4 → 8 past the limit of 4: throughput flat, TTFT up; the bracket stops there instead of going on to 16.
    const eight = history.iterations.find((p: { variation_values: { concurrency: number } }) => p.variation_values.concurrency === 8);
    expect(eight).toMatchObject({ feasible: false, saturated: true, breaches: [] });
    expect(eight.verdict).toMatch(/^FAIL \(saturated: request_throughput /);
    expect(history.iterations.map((p: { variation_values: { concurrency: number } }) => p.variation_values.concurrency)).not.toContain(16);
    expect(history.best_trials[0].variation_values.concurrency).toBeGreaterThanOrEqual(SATURATION_KNEE);
    expect(history.best_trials[0].variation_values.concurrency).toBeLessThanOrEqual(SATURATION_KNEE + 1);
  }, 120_000);
});
