import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRun } from '../artifacts/load-run.js';
import { compareRuns } from './compare.js';
import { renderComparison } from './render.js';
import { parseFailRules, ruleTrips } from './rules.js';
import { makeTempDirSync } from '@aiperf/test-kit';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function writeJson(dir: string, relative: string, value: unknown): string {
  const path = join(dir, relative);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, JSON.stringify(value));
  return dir;
}

/** Table text with runs of spaces collapsed (column widths depend on every row). */
const squash = (text: string) => text.replace(/ +/g, ' ');

const tmp = () => {
  const dir = makeTempDirSync('aiperf-compare-');
  dirs.push(dir);
  return dir;
};

const single = (ttftP99: number, throughput: number) =>
  writeJson(tmp(), 'profile_export_aiperf.json', {
    time_to_first_token: { unit: 'ms', avg: ttftP99 / 2, p50: ttftP99 / 2, p99: ttftP99, min: 1, max: ttftP99 },
    output_token_throughput: { unit: 'tokens/sec', avg: throughput },
    input_config: { model: 'm' },
  });

const confidence = (mean: number, halfWidth: number) => ({ mean, std: 1, min: 0, max: 0, cv: 0, se: 0, ci_low: mean - halfWidth, ci_high: mean + halfWidth, t_critical: 4.3, unit: 'ms' });
const multi = (ttftMean: number, halfWidth: number) =>
  writeJson(tmp(), 'aggregate/profile_export_aiperf_aggregate.json', {
    schema_version: '1.0',
    metadata: { aggregation_type: 'confidence', num_profile_runs: 3, num_successful_runs: 3, confidence_level: 0.95 },
    metrics: { time_to_first_token_avg: confidence(ttftMean, halfWidth), time_to_first_token_p99: confidence(ttftMean * 2, halfWidth) },
  });

const sweep = (cells: Record<number, number>) =>
  writeJson(tmp(), 'sweep_aggregate/profile_export_aiperf_sweep.json', {
    metadata: { aggregation_type: 'sweep', num_trials_per_value: 1, confidence_level: 0.95 },
    per_combination_metrics: Object.entries(cells).map(([concurrency, ttft]) => ({
      parameters: { concurrency: Number(concurrency) },
      metrics: { time_to_first_token: { mean: ttft, avg: ttft, std: 0, min: ttft, max: ttft, cv: 0, ci_low: ttft, ci_high: ttft, p99: ttft * 2, unit: 'ms' } },
    })),
  });

describe('parseFailRules / ruleTrips', () => {
  it('reads percent and absolute rules in every metric spelling', () => {
    expect(parseFailRules(['time_to_first_token.p99:+10%, output_token_throughput_avg:-5%', 'request_latency:+20'])).toEqual([
      { text: 'time_to_first_token.p99:+10%', metric: 'time_to_first_token.p99', direction: 'up', limit: 10, percent: true },
      { text: 'output_token_throughput_avg:-5%', metric: 'output_token_throughput.avg', direction: 'down', limit: 5, percent: true },
      { text: 'request_latency:+20', metric: 'request_latency.avg', direction: 'up', limit: 20, percent: false },
    ]);
    const [up, down, abs] = parseFailRules(['a.p99:+10%,b.avg:-5%,c.avg:+20']);
    expect([ruleTrips(up!, 100, 110), ruleTrips(up!, 100, 110.1), ruleTrips(up!, 100, 50)]).toEqual([false, true, false]);
    expect([ruleTrips(down!, 100, 95), ruleTrips(down!, 100, 94.9), ruleTrips(down!, 0, -1)]).toEqual([false, true, true]);
    expect([ruleTrips(abs!, 100, 120), ruleTrips(abs!, 100, 120.5)]).toEqual([false, true]);
  });

  it('names every malformed rule, the value and the expected form', () => {
    expect(() => parseFailRules(['ttft.p99:10%,ttft.p42:+1%'])).toThrowErrorMatchingInlineSnapshot(`
      [ReportInputError: --fail-on: got "ttft.p99:10%", expected <metric>.<stat>:+N% or -N% with stat one of avg, min, max, std, p1, p5, p10, p25, p50, p75, p90, p95, p99, count, sum; e.g. time_to_first_token.p99:+10% (fail when it rises more than 10%) or output_token_throughput.avg:-5%
      --fail-on: got "ttft.p42:+1%", expected <metric>.<stat>:+N% or -N% with stat one of avg, min, max, std, p1, p5, p10, p25, p50, p75, p90, p95, p99, count, sum; e.g. time_to_first_token.p99:+10% (fail when it rises more than 10%) or output_token_throughput.avg:-5%]
    `);
  });
});

describe('compareRuns', () => {
  it('single runs: deltas, a tripped rule and a held one', () => {
    const rules = parseFailRules(['time_to_first_token.p99:+10%,output_token_throughput.avg:-5%']);
    const result = compareRuns(loadRun(single(100, 1000)), loadRun(single(120, 990)), { rules });
    expect(result.failures).toEqual(['time_to_first_token.p99:+10%: time_to_first_token.p99 went from 100 to 120 ms, a change of 20 (+20.0%)']);
    const p99 = result.cells[0]!.metrics.find((m) => m.metric === 'time_to_first_token.p99')!;
    expect(p99).toMatchObject({ delta: 20, deltaPercent: 20, significance: null });
    const text = renderComparison(result, 2);
    expect(squash(text)).toContain('│ time_to_first_token.p99 (ms) │ 100.00 │ 120.00 │ +20.00 │ +20.00% │ FAIL time_to_first_token.p99:+10% │');
    expect(text).toContain('FAILED: 1 regression rule check tripped:');
  });

  it('a metric NEW lacks trips its rule; one neither run has is a usage error with a suggestion', () => {
    const base = loadRun(single(100, 1000));
    const next = loadRun(writeJson(tmp(), 'profile_export_aiperf.json', { output_token_throughput: { unit: 'tokens/sec', avg: 1000 } }));
    const missing = compareRuns(base, next, { rules: parseFailRules(['time_to_first_token.p99:+10%']) });
    expect(missing.failures).toEqual(['time_to_first_token.p99:+10%: time_to_first_token.p99 is missing in NEW']);
    expect(() => compareRuns(base, next, { rules: parseFailRules(['time_to_frist_token.p99:+10%']) })).toThrow(
      '--fail-on: "time_to_frist_token.p99:+10%": no metric time_to_frist_token.p99 in either run (did you mean "time_to_first_token.p99"?)',
    );
  });

  it('multi-runs: mean ± CI and whether the intervals overlap', () => {
    const base = loadRun(multi(10, 1));
    const result = compareRuns(base, loadRun(multi(10.5, 1)), { rules: [] });
    expect(result.cells[0]!.metrics.map((m) => [m.metric, m.significance])).toEqual([
      ['time_to_first_token.avg', 'within-noise'],
      ['time_to_first_token.p99', 'within-noise'],
    ]);
    const shifted = compareRuns(base, loadRun(multi(13, 1)), { rules: [] });
    expect(shifted.cells[0]!.metrics[0]!.significance).toBe('significant');
    expect(squash(renderComparison(shifted, 0))).toContain('│ time_to_first_token.avg (ms) │ 10.00 ± 1.00 │ 13.00 ± 1.00 │ +3.00 │ +30.00% │ significant │');
  });

  it('sweeps: cells matched by parameters, unmatched ones listed, rules checked per cell', () => {
    const result = compareRuns(loadRun(sweep({ 1: 10, 4: 20 })), loadRun(sweep({ 1: 10, 4: 30, 8: 50 })), {
      rules: parseFailRules(['time_to_first_token.avg:+10%']),
    });
    expect(result.cells.map((c) => c.parameters)).toEqual([{ concurrency: 1 }, { concurrency: 4 }]);
    expect(result.unmatched).toEqual([{ side: 'NEW', parameters: { concurrency: 8 } }]);
    expect(result.failures).toEqual([
      'time_to_first_token.avg:+10% [concurrency=4]: time_to_first_token.avg went from 20 to 30 ms, a change of 10 (+50.0%)',
    ]);
    expect(renderComparison(result, 1)).toContain('NVIDIA AIPerf | Compare | concurrency=4');
  });

  it('mismatched run kinds are refused with both kinds named', () => {
    expect(() => compareRuns(loadRun(single(1, 1)), loadRun(multi(1, 1)), { rules: [] })).toThrow(
      /^cannot compare a single run \(BASE .*profile_export_aiperf\.json\) with a multi-run \(3 runs\) \(NEW .*\); compare runs of the same kind$/,
    );
  });

  it('finds the only run inside a parent directory, and refuses an ambiguous or empty one', () => {
    const parent = tmp();
    writeJson(parent, 'Qwen-openai-chat-concurrency1/profile_export_aiperf.json', { request_count: { unit: 'requests', avg: 1 } });
    expect(loadRun(parent).source).toBe(join(parent, 'Qwen-openai-chat-concurrency1', 'profile_export_aiperf.json'));
    writeJson(parent, 'other/profile_export_aiperf.json', {});
    expect(() => loadRun(parent)).toThrow(/holds 2 runs \(Qwen-openai-chat-concurrency1, other\); name one of them$/);
    expect(() => loadRun(tmp())).toThrow(/holds no aiperf results/);
  });
});
