import { logSpacedIntegers, numberParam, unknownParamErrors } from './params.js';
import type { Recipe, RecipeContext } from './types.js';

function bounds(ctx: RecipeContext, errors: string[]) {
  const min = numberParam(ctx.params, 'concurrencyMin', 1, errors, { integer: true, min: 1 });
  const max = numberParam(ctx.params, 'concurrencyMax', 1000, errors, { integer: true, min: 1 });
  const steps = numberParam(ctx.params, 'concurrencySteps', 8, errors, { integer: true, min: 2 });
  if (min >= max) errors.push(`concurrencyMin: ${min} must be below concurrencyMax (${max})`);
  return { min, max, steps };
}

/** Runs the full log-spaced concurrency grid; its curve is worth plotting right away. */
export const concurrencyRampRecipe: Recipe = {
  name: 'concurrency-ramp',
  description: 'Sweep concurrency over log-spaced steps to find where latency starts to degrade.',
  autoPlotDefault: true,
  paramNames: ['concurrencyMin', 'concurrencyMax', 'concurrencySteps'],
  validate(ctx) {
    const errors = unknownParamErrors(this.name, ctx.params, this.paramNames);
    bounds(ctx, errors);
    return errors;
  },
  expand(ctx) {
    const { min, max, steps } = bounds(ctx, []);
    return { sweepParameters: { concurrency: logSpacedIntegers(min, max, steps) } };
  },
  describe(ctx) {
    const { min, max, steps } = bounds(ctx, []);
    return `concurrency-ramp: ${steps} log-spaced concurrency steps from ${min} to ${max}`;
  },
};
