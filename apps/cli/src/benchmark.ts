// Loaded lazily by `aiperf profile` (it pulls in the engine and the plot stack): the registries of one run.
import { dirname } from 'node:path';
import { createAutoPlotHook, resolveAutoPlot } from '@aiperf/auto-plot';
import type { AiperfConfig } from '@aiperf/config';
import { createHookRegistry, type HookRegistry } from '@aiperf/hooks';
import { builtinRecipes, createRecipeRegistry, type RecipeRegistry } from '@aiperf/recipes';
import { type BenchmarkIo, runBenchmark } from '@aiperf/runner';

/** Auto-plot first (when it resolves on for this run), then whatever else is registered. */
export function benchmarkHooks(config: AiperfConfig, recipes: RecipeRegistry, io: BenchmarkIo): HookRegistry {
  const hooks = createHookRegistry();
  const recipe = config.recipe ? recipes.get(config.recipe.name) : undefined;
  const autoPlot = resolveAutoPlot({
    explicit: config.benchmark.artifacts.autoPlot,
    recipeDefault: recipe?.autoPlotDefault,
    hasPlotEnvelope: config.plot !== null,
  });
  if (!autoPlot && config.plot !== null) {
    // The envelope would have turned auto-plot on; say why nothing is plotted.
    io.stdout.write('auto-plot is off (explicitly disabled): the plot: section is not used for this run\n');
  }
  if (autoPlot) {
    hooks.register(createAutoPlotHook({
      plotRequired: config.benchmark.artifacts.plotRequired,
      envelope: config.plot,
      yamlDir: config.source.yamlPath ? dirname(config.source.yamlPath) : null,
      warn: (line) => io.stderr.write(`${line}\n`),
      info: (line) => io.stdout.write(`${line}\n`),
    }));
  }
  return hooks;
}

/** `aiperf profile` after the config resolved: built-in recipes, auto-plot, then the run. */
export function runProfileBenchmark(config: AiperfConfig, io: BenchmarkIo): Promise<number> {
  const recipes = createRecipeRegistry(builtinRecipes);
  return runBenchmark(config, io, { recipes, hooks: benchmarkHooks(config, recipes, io) });
}
