// Loaded lazily (the registries pull in the engine and the plot stack): the plugins and registries of one command.
import { createRunRegistries, type RunRegistries } from '../registries.js';
import { type LoadedPlugin, loadPlugins, type PluginRef } from './load.js';
import { registerPlugins } from './register.js';

export interface PluginSetup {
  registries: RunRegistries;
  plugins: LoadedPlugin[];
}

/** Fresh registries with the built-ins, then every plugin (named ones first, then the installed ones). */
export async function setupPlugins(refs: readonly PluginRef[], cwd: string): Promise<PluginSetup> {
  const plugins = await loadPlugins(refs, { cwd, discover: true });
  const registries = await createRunRegistries(plugins);
  registerPlugins(plugins, registries);
  return { registries, plugins };
}
