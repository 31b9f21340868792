import { type ContributionKey, CONTRIBUTION_KEYS, type Registry } from '@aiperf/plugin';
import type { RunRegistries } from '../registries.js';
import { errorText, PluginLoadError } from './errors.js';
import type { LoadedPlugin } from './load.js';

const REGISTRY_OF: Record<ContributionKey, keyof RunRegistries> = {
  recipes: 'recipes',
  postRunHooks: 'postRunHooks',
  endpointTypes: 'endpointTypes',
  datasetLoaders: 'datasetLoaders',
  timingStrategies: 'timingStrategies',
  metrics: 'metrics',
  plotTypes: 'plotTypes',
};

/**
 * Every plugin's contributions into the run's registries, each entry marked with the plugin's name. A taken name
 * or a malformed entry stops here, naming both plugins (the registry says who registered the name first). A
 * command that needs only some registries (`aiperf plot`: the plot types) passes those; the other lists are not
 * registered there.
 */
export function registerPlugins(plugins: readonly LoadedPlugin[], registries: Partial<RunRegistries>): void {
  for (const loaded of plugins) {
    const { plugin } = loaded;
    const where = `from ${loaded.entryPath}`;
    for (const key of CONTRIBUTION_KEYS) {
      const registry = registries[REGISTRY_OF[key]] as Registry<unknown> | undefined;
      if (!registry) continue;
      for (const entry of (plugin[key] ?? []) as unknown[]) {
        try {
          registry.register(entry, plugin.name);
        } catch (error) {
          throw new PluginLoadError(plugin.name, where, errorText(error), { cause: error });
        }
      }
    }
  }
}

/** `recipes: hello-ramp; postRunHooks: hello-summary` — what one plugin adds, for listings. */
export function describeContributions(plugin: LoadedPlugin['plugin']): string {
  const parts = CONTRIBUTION_KEYS.flatMap((key) => {
    const entries = (plugin[key] ?? []) as { name?: string; tag?: string }[];
    return entries.length === 0 ? [] : [`${key}: ${entries.map((e) => e.name ?? e.tag).join(', ')}`];
  });
  if (plugin.autoPlotDefault !== undefined) parts.push(`autoPlotDefault: ${plugin.autoPlotDefault}`);
  return parts.length === 0 ? 'nothing' : parts.join('; ');
}
