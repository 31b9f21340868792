import { logSpacedIntegers, numberParam, streamingErrors, unknownParamErrors } from './params.js';
import type { Recipe, RecipeContext } from './types.js';

function axes(ctx: RecipeContext, errors: string[]) {
  const cMin = numberParam(ctx.params, 'concurrencyMin', 1, errors, { integer: true, min: 1 });
  const cMax = numberParam(ctx.params, 'concurrencyMax', 200, errors, { integer: true, min: 1 });
  const cSteps = numberParam(ctx.params, 'concurrencySteps', 6, errors, { integer: true, min: 2 });
  const oMin = numberParam(ctx.params, 'oslMin', 64, errors, { integer: true, min: 1 });
  const oMax = numberParam(ctx.params, 'oslMax', 1024, errors, { integer: true, min: 1 });
  const oSteps = numberParam(ctx.params, 'oslSteps', 4, errors, { integer: true, min: 2 });
  if (cMin >= cMax) errors.push(`concurrencyMin: ${cMin} must be below concurrencyMax (${cMax})`);
  if (oMin >= oMax) errors.push(`oslMin: ${oMin} must be below oslMax (${oMax})`);
  return { cMin, cMax, cSteps, oMin, oMax, oSteps };
}

/** Inter-token latency over concurrency × output length; plotted by default. */
export const decodeItlCurveRecipe: Recipe = {
  name: 'decode-itl-curve',
  description: 'Measure inter-token latency over a concurrency × output-length grid.',
  autoPlotDefault: true,
  paramNames: ['concurrencyMin', 'concurrencyMax', 'concurrencySteps', 'oslMin', 'oslMax', 'oslSteps'],
  validate(ctx) {
    const errors = [...unknownParamErrors(this.name, ctx.params, this.paramNames), ...streamingErrors(this.name, ctx)];
    axes(ctx, errors);
    return errors;
  },
  expand(ctx) {
    const a = axes(ctx, []);
    return {
      sweepParameters: { concurrency: logSpacedIntegers(a.cMin, a.cMax, a.cSteps), osl: logSpacedIntegers(a.oMin, a.oMax, a.oSteps) },
      postProcess: {
        handler: 'itl_surface_fit',
        params: {
          metric_tag: 'inter_token_latency', stat: 'avg',
          concurrency_param: 'phases.profiling.concurrency', osl_param: 'datasets.main.prompts.osl',
        },
        outputFilename: 'decode_itl_surface.json',
      },
    };
  },
  describe(ctx) {
    const a = axes(ctx, []);
    return `decode-itl-curve: ${a.cSteps} concurrency steps (${a.cMin}..${a.cMax}) × ${a.oSteps} output lengths (${a.oMin}..${a.oMax})`;
  },
};
