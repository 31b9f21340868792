import { describe, expect, it } from 'vitest';
import { testConfig } from '../testing/test-config.js';
import { multiRunBaseDir } from './artifact-dir.js';
import { cooldownBefore } from './cooldown.js';
import { planMultiRun, type SweepSpec } from './plan.js';
import { gridVariations } from './variations.js';

const sweep = (mode: SweepSpec['mode']): SweepSpec => ({
  variations: gridVariations({ concurrency: [1, 4] }), mode, cooldownSeconds: 5, sameSeed: false, recipeName: null,
  stimulus: 'concurrency_sweep_1_4', postProcess: null,
});

describe('planMultiRun', () => {
  it('is null for a plain single run', () => {
    expect(planMultiRun(testConfig({ artifactDir: '/a' }), null)).toBeNull();
  });

  it('names the auto directory like AIPerf when the user did not name one', () => {
    const config = testConfig({ artifactDir: 'artifacts' });
    config.benchmark.output.artifactDirExplicit = false;
    config.benchmark.endpoint.models = ['Qwen/Qwen3-0.6B'];
    expect(planMultiRun(config, sweep('repeated'))?.baseDir).toBe('artifacts/Qwen_Qwen3-0.6B-openai-chat-concurrency_sweep_1_4');
    config.benchmark.load = { ...config.benchmark.load, mode: 'request_rate', requestRate: 10, concurrency: null };
    expect(multiRunBaseDir(config.benchmark, null)).toBe('artifacts/Qwen_Qwen3-0.6B-openai-chat-request_rate10.0');
  });

  it('applies the variation, per-variation seeds and warmup only in the first trial', () => {
    const config = testConfig({ artifactDir: '/base' });
    config.multiRun.numProfileRuns = 2;
    config.benchmark.input.randomSeed = 7;
    const plan = planMultiRun(config, sweep('repeated'))!;
    expect(plan.runs.map((r) => [r.label, r.benchmark.load.concurrency, r.benchmark.input.randomSeed, r.skipWarmup])).toEqual([
      ['trial_0001/concurrency_1', 1, 7, false],
      ['trial_0001/concurrency_4', 4, 8, false],
      ['trial_0002/concurrency_1', 1, 7, true],
      ['trial_0002/concurrency_4', 4, 8, true],
    ]);
    expect(plan.runs.every((r) => r.benchmark.load.warmupRequestCount === 1)).toBe(true);
    config.multiRun.disableWarmupAfterFirst = false;
    expect(planMultiRun(config, sweep('repeated'))!.runs.some((r) => r.skipWarmup)).toBe(false);
    expect(plan.runs.every((r) => r.benchmark.output.artifactDirExplicit && r.benchmark.output.artifactDir === r.artifactDir)).toBe(true);
  });

  it('uses the sweep cooldown between variations and the multi-run cooldown between trials', () => {
    const config = testConfig({ artifactDir: '/base' });
    config.multiRun.numProfileRuns = 2;
    config.multiRun.cooldownSeconds = 9;
    const repeated = planMultiRun(config, sweep('repeated'))!;
    expect([1, 2, 3].map((i) => cooldownBefore(repeated, config, i))).toEqual([5, 9, 5]);
    const independent = planMultiRun(config, sweep('independent'))!;
    expect([1, 2, 3].map((i) => cooldownBefore(independent, config, i))).toEqual([9, 5, 9]);
  });
});
