// @ts-check
/** @typedef {import('@aiperf/recipes').Recipe} Recipe */

const DEFAULTS = { maxConcurrency: 4, steps: 3 };

/** @param {Record<string, unknown>} params */
function readParams(params) {
  const maxConcurrency = params.maxConcurrency ?? DEFAULTS.maxConcurrency;
  const steps = params.steps ?? DEFAULTS.steps;
  return { maxConcurrency: Number(maxConcurrency), steps: Number(steps) };
}

/**
 * `steps` concurrencies from 1 to max, evenly spaced and rounded, duplicates dropped:
 * max 4, 3 steps → 1, 3, 4 (1 + 1.5 rounds to 3); max 8, 4 steps → 1, 3, 6, 8.
 * @param {number} max
 * @param {number} steps
 */
function ramp(max, steps) {
  const values = Array.from({ length: steps }, (_, i) => Math.round(1 + ((max - 1) * i) / (steps - 1)));
  return [...new Set(values)];
}

/** @type {Recipe} */
export const helloRampRecipe = {
  name: 'hello-ramp',
  description: 'A small concurrency ramp from 1 to --recipe-param max_concurrency (the example plugin).',
  // No autoPlotDefault here: the plugin's own default (index.js) applies. A recipe may set it to differ from it.
  paramNames: ['maxConcurrency', 'steps'],
  validate(ctx) {
    const errors = [];
    for (const key of Object.keys(ctx.params)) {
      if (!this.paramNames.includes(key)) errors.push(`${key}: not a parameter of recipe 'hello-ramp'; allowed: ${this.paramNames.join(', ')}`);
    }
    const { maxConcurrency, steps } = readParams(ctx.params);
    if (!Number.isInteger(maxConcurrency) || maxConcurrency < 1) errors.push(`maxConcurrency: ${maxConcurrency} is not allowed; expected an integer >= 1`);
    if (!Number.isInteger(steps) || steps < 2) errors.push(`steps: ${steps} is not allowed; expected an integer >= 2`);
    return errors;
  },
  expand(ctx) {
    const { maxConcurrency, steps } = readParams(ctx.params);
    return { sweepParameters: { concurrency: ramp(maxConcurrency, steps) } };
  },
  describe(ctx) {
    const { maxConcurrency, steps } = readParams(ctx.params);
    return `hello-ramp: concurrency ${ramp(maxConcurrency, steps).join(', ')}`;
  },
};
