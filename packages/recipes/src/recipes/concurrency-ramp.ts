import { logSpacedIntegers, numberParam, unknownParamErrors } from './params.js';
import type { Recipe, RecipeContext } from './types.js';

function bounds(ctx: RecipeContext, errors: string[]) {
  const min = numberParam(ctx.params, 'concurrencyMin', 1, errors, { integer: true, min: 1 });
  const max = numberParam(ctx.params, 'concurrencyMax', 1000, errors, { integer: true, min: 1 });
  const steps = numberParam(ctx.params, 'concurrencySteps', 8, errors, { integer: true, min: 2 });
  const threshold = numberParam(ctx.params, 'degradationThreshold', 0.2, errors, { exclusiveMin: 0, exclusiveMax: 1 });
  if (min >= max) errors.push(`concurrencyMin: ${min} must be below concurrencyMax (${max})`);
  const metricTag = typeof ctx.params.degradationMetricTag === 'string' ? ctx.params.degradationMetricTag : 'request_latency';
  const stat = typeof ctx.params.degradationStat === 'string' ? ctx.params.degradationStat : 'p99';
  return { min, max, steps, threshold, metricTag, stat };
}

/** Runs the full log-spaced concurrency grid; its curve is worth plotting right away. */
export const concurrencyRampRecipe: Recipe = {
  name: 'concurrency-ramp',
  description: 'Sweep concurrency over log-spaced steps to find where latency starts to degrade.',
  autoPlotDefault: true,
  paramNames: ['concurrencyMin', 'concurrencyMax', 'concurrencySteps', 'degradationThreshold', 'degradationMetricTag', 'degradationStat'],
  validate(ctx) {
    const errors = unknownParamErrors(this.name, ctx.params, this.paramNames);
    bounds(ctx, errors);
    return errors;
  },
  expand(ctx) {
    const { min, max, steps, threshold, metricTag, stat } = bounds(ctx, []);
    return {
      sweepParameters: { concurrency: logSpacedIntegers(min, max, steps) },
      postProcess: {
        handler: 'degradation_knee_detect',
        params: { threshold_pct: threshold, metric_tag: metricTag, stat, swept_param: 'phases.profiling.concurrency' },
        outputFilename: 'degradation_knee.json',
      },
    };
  },
  describe(ctx) {
    const { min, max, steps } = bounds(ctx, []);
    return `concurrency-ramp: ${steps} log-spaced concurrency steps from ${min} to ${max}`;
  },
};
