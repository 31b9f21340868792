import { isAbsolute, resolve as resolvePath } from 'node:path';
import type { ConfigRule } from './rules.js';

/** Multi-run and sweeps cannot use the dashboard UI; without an explicit `--ui` they get the simple one. */
export const multiRunAndUi: ConfigRule = {
  name: 'multi-run-and-ui',
  apply(config, ctx) {
    const repeated = config.multiRun.numProfileRuns > 1 || config.sweep !== null;
    if (ctx.given('multi_run.cooldown_seconds') && config.multiRun.numProfileRuns === 1)
      ctx.errors.push({ where: ctx.where('multi_run.cooldown_seconds'), message: `only applies with more than one run; add ${ctx.where('multi_run.num_runs')} N (N > 1)` });
    if (!repeated) return;
    if (!ctx.given('benchmark.ui')) config.benchmark.ui = 'simple';
    else if (config.benchmark.ui === 'dashboard')
      ctx.errors.push({ where: ctx.where('benchmark.ui'), message: 'got "dashboard", which cannot show multi-run or sweep progress; allowed here: simple, none' });
  },
};

/** `-v`/`-vv` log lines would tear through a full-screen view: without an explicit `--ui`, verbose runs use `simple`. */
export const verboseUi: ConfigRule = {
  name: 'verbose-ui',
  apply(config, ctx) {
    const verbose = config.benchmark.reporting.logLevel === 'debug' || config.benchmark.reporting.logLevel === 'trace';
    if (verbose && !ctx.given('benchmark.ui') && config.benchmark.ui === 'dashboard') config.benchmark.ui = 'simple';
  },
};

export const sweepSeed: ConfigRule = {
  name: 'sweep-seed',
  apply(config, ctx) {
    if (config.sweep?.sameSeed && config.benchmark.input.randomSeed === null)
      ctx.errors.push({ where: ctx.where('sweep.same_seed'), message: `needs ${ctx.where('random_seed')}` });
  },
};

export const recipeName: ConfigRule = {
  name: 'recipe-name',
  apply(config, ctx) {
    if (config.recipe !== null && !config.recipe.name) {
      ctx.errors.push({ where: ctx.where('recipe.params'), message: 'needs a recipe: add --recipe NAME (or recipe: in the YAML)' });
      config.recipe = null;
    }
  },
};

/**
 * `plot:` is an inline mapping (kept raw; @aiperf/plot validates it) or a path, relative to the
 * YAML's directory. Its presence turns auto-plot on unless auto-plot was explicitly set to false.
 */
export const plotEnvelope: ConfigRule = {
  name: 'plot-envelope',
  apply(config, ctx) {
    const plot = ctx.doc.plot;
    if (plot === undefined) return;
    if (typeof plot === 'string') {
      if (!isAbsolute(plot) && ctx.yamlDir === null) {
        ctx.errors.push({ where: 'plot', message: `got ${JSON.stringify(plot)}: a relative plot path needs a YAML file to resolve against` });
        return;
      }
      const path = isAbsolute(plot) ? plot : resolvePath(ctx.yamlDir as string, plot);
      if (!ctx.fileExists(path)) {
        ctx.errors.push({ where: 'plot', message: `plot path not found: ${path}` });
        return;
      }
      config.plot = { kind: 'path', path };
    } else {
      config.plot = { kind: 'inline', value: plot };
    }
    if (config.benchmark.artifacts.autoPlot === null) config.benchmark.artifacts.autoPlot = true;
    else if (config.benchmark.artifacts.autoPlot === false)
      ctx.warnings.push(`plot: kept but not used now: ${ctx.where('benchmark.artifacts.auto_plot')} is off; run \`aiperf plot <artifact dir>\` later`);
  },
};
