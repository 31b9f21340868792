// `aiperf plot` needs only the plot types: the plugins load as for a run, but only the plot stack is imported,
// not the engine (a separate module from setup.ts, whose registries pull in everything).
import { createPlotTypeRegistry, type PlotTypeRegistry } from '@aiperf/plot';
import { type LoadedPlugin, loadPlugins, type PluginRef } from './load.js';
import { registerPlugins } from './register.js';

/** The built-in plot types plus every plugin's (named ones first, then the installed ones). */
export async function setupPlotPlugins(refs: readonly PluginRef[], cwd: string): Promise<{ plotTypes: PlotTypeRegistry; plugins: LoadedPlugin[] }> {
  const plugins = await loadPlugins(refs, { cwd, discover: true });
  const plotTypes = createPlotTypeRegistry();
  registerPlugins(plugins, { plotTypes });
  return { plotTypes, plugins };
}
