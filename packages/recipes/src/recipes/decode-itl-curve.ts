import { logRangeParam, logSpacedIntegers, streamingErrors, unknownParamErrors } from './params.js';
import type { Recipe, RecipeContext } from './types.js';

function axes(ctx: RecipeContext, errors: string[]) {
  const concurrency = logRangeParam(ctx.params, 'concurrency', { min: 1, max: 200, steps: 6 }, errors);
  const osl = logRangeParam(ctx.params, 'osl', { min: 64, max: 1024, steps: 4 }, errors);
  return { concurrency, osl };
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
    const { concurrency, osl } = axes(ctx, []);
    return {
      sweepParameters: {
        concurrency: logSpacedIntegers(concurrency.min, concurrency.max, concurrency.steps),
        osl: logSpacedIntegers(osl.min, osl.max, osl.steps),
      },
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
    const { concurrency: c, osl: o } = axes(ctx, []);
    return `decode-itl-curve: ${c.steps} concurrency steps (${c.min}..${c.max}) × ${o.steps} output lengths (${o.min}..${o.max})`;
  },
};
