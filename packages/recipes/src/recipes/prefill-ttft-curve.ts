import { logRangeParam, logSpacedIntegers, streamingErrors, unknownParamErrors } from './params.js';
import type { Recipe, RecipeContext } from './types.js';

function range(ctx: RecipeContext, errors: string[]) {
  return logRangeParam(ctx.params, 'isl', { min: 256, max: 32768, steps: 8 }, errors);
}

/** TTFT vs input length at concurrency 1 (prefill isolated), fitted to a curve; plotted by default. */
export const prefillTtftCurveRecipe: Recipe = {
  name: 'prefill-ttft-curve',
  description: 'Measure time to first token across log-spaced input lengths at concurrency 1 and fit a curve.',
  autoPlotDefault: true,
  paramNames: ['islMin', 'islMax', 'islSteps'],
  validate(ctx) {
    const errors = [...unknownParamErrors(this.name, ctx.params, this.paramNames), ...streamingErrors(this.name, ctx)];
    range(ctx, errors);
    return errors;
  },
  expand(ctx) {
    const { min, max, steps } = range(ctx, []);
    return {
      sweepParameters: { concurrency: [1], isl: logSpacedIntegers(min, max, steps) },
      postProcess: {
        handler: 'ttft_curve_fit',
        params: { metric_tag: 'time_to_first_token', stat: 'avg', swept_param: 'datasets.main.prompts.isl' },
        outputFilename: 'prefill_curve.json',
      },
    };
  },
  describe(ctx) {
    const { min, max, steps } = range(ctx, []);
    return `prefill-ttft-curve: ${steps} log-spaced input lengths from ${min} to ${max} at concurrency 1`;
  },
};
