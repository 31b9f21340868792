import { describe, expect, it } from 'vitest';
import { testConfig } from '../testing/test-config.js';
import { concurrencyRampRecipe } from './concurrency-ramp.js';
import { decodeItlCurveRecipe } from './decode-itl-curve.js';
import { prefillTtftCurveRecipe } from './prefill-ttft-curve.js';
import { logSpacedIntegers, normalizeParams, roundHalfEven } from './params.js';
import { paretoSweepRecipe } from './pareto-sweep.js';
import { createRecipeRegistry } from './registry.js';
import type { Recipe } from './types.js';

const ctx = (params: Record<string, unknown>) => ({ benchmark: testConfig({ artifactDir: '/tmp/x' }).benchmark, params: normalizeParams(params) });

describe('logSpacedIntegers (reference values)', () => {
  it('matches AIPerf for the concurrency-ramp, decode-itl and prefill defaults', () => {
    expect(logSpacedIntegers(1, 1000, 8)).toEqual([1, 3, 7, 19, 52, 139, 373, 1000]);
    expect(logSpacedIntegers(1, 200, 6)).toEqual([1, 3, 8, 24, 69, 200]);
    expect(logSpacedIntegers(64, 1024, 4)).toEqual([64, 161, 406, 1024]);
    expect(logSpacedIntegers(256, 32768, 8)).toEqual([256, 512, 1024, 2048, 4096, 8192, 16384, 32768]);
  });
  it('rounds halves to even like Python and de-duplicates', () => {
    expect([0.5, 1.5, 2.5, 3.49].map(roundHalfEven)).toEqual([0, 2, 2, 3]);
    expect(logSpacedIntegers(1, 2, 5)).toEqual([1, 2]);
  });
});

describe('concurrency-ramp', () => {
  it('defaults to auto-plot on and the 8-step 1..1000 grid', () => {
    expect(concurrencyRampRecipe.autoPlotDefault).toBe(true);
    expect(concurrencyRampRecipe.expand(ctx({}))).toEqual({
      sweepParameters: { concurrency: [1, 3, 7, 19, 52, 139, 373, 1000] },
      postProcess: {
        handler: 'degradation_knee_detect',
        params: { threshold_pct: 0.2, metric_tag: 'request_latency', stat: 'p99', swept_param: 'phases.profiling.concurrency' },
        outputFilename: 'degradation_knee.json',
      },
    });
    expect(concurrencyRampRecipe.describe(ctx({ concurrencyMax: '8', concurrencySteps: '4' }))).toBe(
      'concurrency-ramp: 4 log-spaced concurrency steps from 1 to 8',
    );
  });
  it('rejects min >= max', () => {
    expect(concurrencyRampRecipe.validate(ctx({ concurrencyMin: 8, concurrencyMax: 8 }))).toEqual([
      'concurrencyMin: 8 must be below concurrencyMax (8)',
    ]);
  });
});

describe('pareto-sweep', () => {
  it('leaves auto-plot unset and builds pair-major scenarios', () => {
    expect(paretoSweepRecipe.autoPlotDefault).toBeUndefined();
    const out = paretoSweepRecipe.expand(ctx({ isl_osl_pairs: '128/16, 256/32', concurrency: '1,4' }));
    expect(out.scenarios?.map((s) => s.name)).toEqual(['shape_128_16_c1', 'shape_128_16_c4', 'shape_256_32_c1', 'shape_256_32_c4']);
    expect(out.scenarios?.[1]?.values).toEqual({ isl: 128, osl: 16, concurrency: 4 });
  });
  it('reports a missing, malformed or duplicated pair list', () => {
    expect(paretoSweepRecipe.validate(ctx({}))[0]).toMatch(/^islOslPairs: null is required/);
    expect(paretoSweepRecipe.validate(ctx({ islOslPairs: '128/16,abc,128/16' }))).toEqual([
      "islOslPairs: 'abc' is not allowed; each pair is <positive isl>/<positive osl>",
      "islOslPairs: '128/16' is listed twice",
    ]);
    expect(paretoSweepRecipe.validate(ctx({ islOslPairs: '128/16', concurrency: 4 }))).toEqual([
      'pareto-sweep needs at least 2 cells (isl/osl pairs × concurrency values)',
    ]);
  });
});

describe('recipe registry', () => {
  it('ignores re-registering the same object and rejects a different one under the same name', () => {
    const registry = createRecipeRegistry([concurrencyRampRecipe]);
    registry.register(concurrencyRampRecipe);
    expect(registry.names()).toEqual(['concurrency-ramp']);
    expect(() => registry.register({ ...concurrencyRampRecipe })).toThrow("a different recipe named 'concurrency-ramp' is already registered (by built-in)");
  });

  it('holds the built-ins by default and rejects a recipe without the functions the planner calls', () => {
    const registry = createRecipeRegistry();
    expect(registry.names().sort()).toEqual(['concurrency-ramp', 'decode-itl-curve', 'max-concurrency-under-sla', 'max-goodput-under-slo', 'max-throughput-under-itl-sla', 'max-throughput-under-ttft-sla', 'pareto-sweep', 'prefill-ttft-curve']);
    const broken = { name: 'broken', description: 'x', paramNames: [], validate: () => [] } as unknown as Recipe;
    expect(() => registry.register(broken, 'my-plugin')).toThrow("recipe 'broken': needs an expand(ctx) function; needs a describe(ctx) function");
  });
});

describe('prefill-ttft-curve and decode-itl-curve', () => {
  it('default to auto-plot on and expand to their grids', () => {
    expect(prefillTtftCurveRecipe.autoPlotDefault).toBe(true);
    expect(decodeItlCurveRecipe.autoPlotDefault).toBe(true);
    expect(prefillTtftCurveRecipe.expand(ctx({})).sweepParameters).toEqual({ concurrency: [1], isl: [256, 512, 1024, 2048, 4096, 8192, 16384, 32768] });
    expect(decodeItlCurveRecipe.expand(ctx({})).sweepParameters).toEqual({ concurrency: [1, 3, 8, 24, 69, 200], osl: [64, 161, 406, 1024] });
    expect(decodeItlCurveRecipe.expand(ctx({})).postProcess?.outputFilename).toBe('decode_itl_surface.json');
  });
  it('need streaming', () => {
    const c = ctx({});
    c.benchmark = { ...c.benchmark, endpoint: { ...c.benchmark.endpoint, streaming: false } };
    expect(prefillTtftCurveRecipe.validate(c)).toEqual(["--streaming: recipe 'prefill-ttft-curve' measures streamed tokens; add --streaming"]);
  });
});
