// The registries of one `aiperf profile` / `aiperf plot`: fresh instances holding the built-ins, into which the
// loaded plugins' contributions go. Loaded lazily (they pull in the engine).
import { didYouMean } from '@aiperf/config';
import type { AiperfConfig } from '@aiperf/config';
import { createHookRegistry, type HookRegistry } from '@aiperf/hooks';
import { createDatasetLoaderRegistry, createEndpointTypeRegistry, createMetricRegistry, createTimingStrategyRegistry, type EngineRegistries } from '@aiperf/loadgen';
import type { PlotTypeRegistry } from '@aiperf/plot';
import { createRecipeRegistry, type RecipeRegistry } from '@aiperf/recipes';
import type { LoadedPlugin } from './plugins/load.js';

export interface RunRegistries extends EngineRegistries {
  recipes: RecipeRegistry;
  postRunHooks: HookRegistry;
  /**
   * Only when a plugin adds plot types (so that they register, checked against the built-ins); otherwise the plot
   * engine uses its built-ins, and a run that does not plot never loads @aiperf/plot (~0.15 s of CPU).
   */
  plotTypes?: PlotTypeRegistry;
}

/** Fresh registries holding the built-ins, for `plugins` (whose contributions go in next). */
export async function createRunRegistries(plugins: readonly LoadedPlugin[]): Promise<RunRegistries> {
  const addsPlotTypes = plugins.some((p) => p.plugin.plotTypes !== undefined);
  return {
    recipes: createRecipeRegistry(),
    postRunHooks: createHookRegistry(),
    endpointTypes: createEndpointTypeRegistry(),
    timingStrategies: createTimingStrategyRegistry(),
    metrics: createMetricRegistry(),
    datasetLoaders: createDatasetLoaderRegistry(),
    ...(addsPlotTypes ? { plotTypes: (await import('@aiperf/plot')).createPlotTypeRegistry() } : {}),
  };
}

/**
 * Names the schema leaves open because plugins add to them, checked against the registries before anything runs:
 * one line each, naming the flag and the YAML key, the value and the registered names.
 */
export function unregisteredNames(config: AiperfConfig, registries: RunRegistries): string[] {
  const checks = [
    { where: '--endpoint-type (benchmark.endpoint.type)', value: config.benchmark.endpoint.type, registry: registries.endpointTypes },
    { where: '--timing-mode (benchmark.load.timing_mode)', value: config.benchmark.load.mode, registry: registries.timingStrategies },
    ...(config.benchmark.input.customDatasetType === null
      ? []
      : [{ where: '--custom-dataset-type (benchmark.input.custom_dataset_type)', value: config.benchmark.input.customDatasetType, registry: registries.datasetLoaders }]),
  ];
  return checks
    .filter(({ value, registry }) => !registry.has(value))
    .map(({ where, value, registry }) => `${where}: got "${value}", expected one of: ${registry.names().join(', ')}${didYouMean(value, registry.names())}`);
}
