import { logRangeParam, logSpacedIntegers, numberParam, unknownParamErrors } from './params.js';
import type { Recipe, RecipeContext } from './types.js';

function bounds(ctx: RecipeContext, errors: string[]) {
  const { min, max, steps } = logRangeParam(ctx.params, 'concurrency', { min: 1, max: 1000, steps: 8 }, errors);
  const threshold = numberParam(ctx.params, 'degradationThreshold', 0.2, errors, { exclusiveMin: 0, exclusiveMax: 1 });
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
