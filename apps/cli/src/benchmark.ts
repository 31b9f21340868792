// Loaded lazily by `aiperf profile` (it pulls in the engine and the plot stack): the hooks and registries of one run.
import { dirname } from 'node:path';
import { createAutoPlotHook, resolveAutoPlot } from '@aiperf/auto-plot';
import type { AiperfConfig } from '@aiperf/config';
import { createHookRegistry, type HookRegistry } from '@aiperf/hooks';
import { disableAllocationSitePretenuring } from '@aiperf/loadgen';
import { type BenchmarkIo, runBenchmark } from '@aiperf/runner';
import type { LoadedPlugin } from './plugins/load.js';
import type { PluginSetup } from './plugins/setup.js';
import { type RunRegistries, unregisteredNames } from './registries.js';

/** Auto-plot first (when it resolves on for this run), then the registered post-run hooks (plugins'). */
export function benchmarkHooks(config: AiperfConfig, registries: RunRegistries, plugins: readonly LoadedPlugin[], io: BenchmarkIo): HookRegistry {
  const hooks = createHookRegistry();
  const recipe = config.recipe ? registries.recipes.get(config.recipe.name) : undefined;
  // A recipe's own default wins; else the default of the plugin that contributed the recipe.
  const owner = recipe ? plugins.find((p) => p.name === registries.recipes.originOf(recipe.name)) : undefined;
  const autoPlot = resolveAutoPlot({
    explicit: config.benchmark.artifacts.autoPlot,
    recipeDefault: recipe?.autoPlotDefault,
    pluginDefault: owner?.plugin.autoPlotDefault,
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
      ...(registries.plotTypes ? { plotTypes: registries.plotTypes } : {}),
    }));
  }
  for (const hook of registries.postRunHooks.list()) hooks.register(hook, registries.postRunHooks.originOf(hook.name));
  return hooks;
}

/** `aiperf profile` after the config resolved and the plugins loaded: names checked against the registries, then the run. */
export async function runProfileBenchmark(config: AiperfConfig, io: BenchmarkIo, setup: PluginSetup): Promise<number> {
  const { registries, plugins } = setup;
  const problems = unregisteredNames(config, registries);
  if (problems.length > 0) {
    const noun = problems.length === 1 ? 'error' : 'errors';
    io.stderr.write(`aiperf profile: ${problems.length} configuration ${noun}:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
    return 2;
  }
  const { recipes, endpointTypes, timingStrategies, metrics, datasetLoaders } = registries;
  // This process generates load from here on: its per-request objects must stay young-generation garbage.
  disableAllocationSitePretenuring();
  return runBenchmark(config, io, {
    recipes,
    hooks: benchmarkHooks(config, registries, plugins, io),
    engine: { endpointTypes, timingStrategies, metrics, datasetLoaders },
    pluginModules: plugins.map((p) => p.entryUrl),
  });
}

export { setupPlugins } from './plugins/setup.js';
