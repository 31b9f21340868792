import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { type FlagValues, resolveConfig } from '@aiperf/config';
import { type MockServer, startMockServer } from '@aiperf/mock-server';
import { makeTempDir } from '@aiperf/test-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { runProfile } from './run-profile.js';

// Convergence within one run through the real interface (flags → resolveConfig → runProfile) against a mock server
// whose TTFT is drawn uniformly from 20 ± 10 ms: the run stops once the statistic's margin is small enough.
let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function run(flags: FlagValues) {
  server = await startMockServer({ port: 0, ttftMs: 20, ttftJitterMs: 10, itlMs: 1, seed: 7 });
  const dir = await makeTempDir('aiperf-convergence-');
  const { config, errors } = resolveConfig({
    flags: {
      model: ['mock-model'], url: [server.url], streaming: true, ui: 'none', noServerMetrics: true, artifactDir: dir, randomSeed: '42',
      isl: '16', osl: '4', extraInputs: ['ignore_eos:true'], workers: '1', tokenizer: 'builtin', concurrency: '8',
      convergenceMetric: 'time_to_first_token', convergenceCheckInterval: '0.1', convergenceMinSamples: '30', ...flags,
    },
  });
  expect(errors).toEqual([]);
  let out = '';
  const stdout = new PassThrough().on('data', (chunk) => (out += chunk));
  const result = await runProfile(config!.benchmark, { stdout, stderr: new PassThrough() });
  const summary = JSON.parse(readFileSync(join(dir, 'profile_export_aiperf.json'), 'utf8'));
  const records = readFileSync(join(dir, 'profile_export.jsonl'), 'utf8').trim().split('\n');
  return { result, summary, records, stdout: out };
}

describe('--convergence-scope run', () => {
  it('a loose threshold (p50 TTFT ±10%) stops profiling early: n far below the 2000 requests, margin ≤ threshold, exit 0', async () => {
    const { result, summary, records, stdout } = await run({ requestCount: '2000', convergenceStat: 'p50', convergenceThreshold: '0.1' });
    expect(result.exitCode).toBe(0);
    expect(result.cancelled).toBe(false);
    expect(summary.was_cancelled).toBe(false);
    const c = summary.convergence;
    expect(c).toMatchObject({ metric: 'time_to_first_token', stat: 'p50', unit: 'ms', threshold: 0.1, confidence_level: 0.95, stopped_on_convergence: true });
    // Uniform 10–30 ms: the p50's 95% interval is about ±0.98/√n of it, so ±10% takes ~100 values (a few hundred
    // when a loaded client widens the spread), not 2000. The judgement that stopped the run met the threshold.
    expect(c.stop.margin).toBeLessThanOrEqual(0.1);
    expect(c.stop.n).toBeGreaterThanOrEqual(30);
    expect(c.stop.n).toBeLessThan(1000);
    // The requests in flight at the stop (at most the concurrency, 8) finish and count in the final judgement.
    expect(c.n).toBe(records.length);
    expect(c.n - c.stop.n).toBeLessThanOrEqual(8 + 8);
    expect(c.margin).not.toBeNull();
    expect(c.ci_low).toBeLessThanOrEqual(c.estimate);
    expect(c.ci_high).toBeGreaterThanOrEqual(c.estimate);
    expect(c.estimate).toBeGreaterThanOrEqual(10);
    // A margin just under the threshold prints as ±10.00%.
    expect(stdout).toMatch(/Note: profiling stopped on convergence: time_to_first_token p50 ±\d{1,2}\.\d\d% ≤ 10\.0% \(95% CI, n = \d+\) = \d+\.\d\d ms/);
  });

  it('a tight threshold (avg TTFT ±0.2%) runs to the request budget and says it did not converge', async () => {
    // Uniform 10–30 ms: the avg's 95% interval is about ±0.57/√n of it, so ±0.2% would take ~80,000 values; a budget
    // of 100 (over 3 times the 30 minimum samples) is far from it.
    const { result, summary, records, stdout } = await run({ requestCount: '100', convergenceStat: 'avg', convergenceThreshold: '0.002' });
    expect(result.exitCode).toBe(0);
    expect(records).toHaveLength(100);
    expect(summary.convergence).toMatchObject({ stat: 'avg', stopped_on_convergence: false, converged: false, n: 100 });
    expect(summary.convergence.margin).toBeGreaterThan(0.002);
    expect(stdout).toContain('Note: did not converge within the request/duration budget: time_to_first_token avg ±');
  });
});
