import { pathToFileURL } from 'node:url';
import { type AiperfPlugin, pluginShapeProblems } from '@aiperf/plugin';
import { errorText, PluginLoadError } from './errors.js';
import { discoverPlugins, type LocatedPlugin, locatePlugin } from './locate.js';
import { versionProblem } from './version-check.js';

/** A plugin imported and checked, with where it came from (for `aiperf plugins` and messages). */
export interface LoadedPlugin extends LocatedPlugin {
  version: string;
  entryUrl: string;
  plugin: AiperfPlugin;
}

/** A plugin the user named: `--plugin X` (relative to the working directory) or YAML `plugins:` (to the file). */
export interface PluginRef {
  ref: string;
  baseDir: string;
  origin: string;
}

export async function importPlugin(located: LocatedPlugin): Promise<LoadedPlugin> {
  const where = `from ${located.entryPath}`;
  const incompatible = versionProblem(located.pkg);
  if (incompatible) throw new PluginLoadError(located.name, `${located.dir}/package.json`, incompatible);
  const entryUrl = pathToFileURL(located.entryPath).href;
  let module: Record<string, unknown>;
  try {
    module = (await import(entryUrl)) as Record<string, unknown>;
  } catch (error) {
    const missing = (error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && errorText(error).includes(located.entryPath);
    const why = missing ? 'its entry module does not exist (build the package first?)' : `threw while loading: ${errorText(error)}`;
    throw new PluginLoadError(located.name, where, why, { cause: error });
  }
  const plugin = module.default ?? module.plugin;
  const problems = pluginShapeProblems(plugin);
  if (problems.length > 0) {
    const what = module.default === undefined && module.plugin === undefined ? 'no default export (export default definePlugin({...}))' : problems.join('; ');
    throw new PluginLoadError(located.name, where, `wrong shape: ${what}`);
  }
  const version = (plugin as AiperfPlugin).version ?? located.pkg?.version ?? '-';
  return { ...located, name: (plugin as AiperfPlugin).name, version, entryUrl, plugin: plugin as AiperfPlugin };
}

/**
 * The plugins of a run: each one named (`--plugin`, `plugins:`), then every installed package that declares itself
 * a plugin. A package reached twice (named and installed) loads once.
 */
export async function loadPlugins(refs: readonly PluginRef[], options: { cwd: string; discover: boolean }): Promise<LoadedPlugin[]> {
  const located = refs.map((r) => locatePlugin(r.ref, r.baseDir, r.origin));
  if (options.discover) located.push(...discoverPlugins(options.cwd));
  const seen = new Set<string>();
  const loaded: LoadedPlugin[] = [];
  for (const plugin of located) {
    if (seen.has(plugin.entryPath)) continue;
    seen.add(plugin.entryPath);
    loaded.push(await importPlugin(plugin));
  }
  return loaded;
}
