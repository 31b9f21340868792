// The "Recipes" section of `aiperf profile --help`: the built-ins and those of the plugins that load here.
import type { PluginRef } from './plugins/load.js';
import { flagPluginRefs } from './plugins/refs.js';

/** `--plugin X` / `--plugin=X` values in the arguments (help is rendered before the config is resolved). */
function pluginArgs(argv: readonly string[]): string[] {
  const refs: string[] = [];
  argv.forEach((arg, i) => {
    if (arg === '--plugin' && argv[i + 1] !== undefined) refs.push(argv[i + 1]!);
    else if (arg.startsWith('--plugin=')) refs.push(arg.slice('--plugin='.length));
  });
  return refs;
}

export async function recipesHelp(argv: readonly string[], cwd: string): Promise<string> {
  const refs: PluginRef[] = flagPluginRefs(pluginArgs(argv), cwd);
  try {
    // Only the recipe registry: help stays quick without the engine and the plot stack.
    const [{ loadPlugins }, { createRecipeRegistry }] = await Promise.all([import('./plugins/load.js'), import('@aiperf/recipes')]);
    const recipes = createRecipeRegistry();
    for (const { plugin } of await loadPlugins(refs, { cwd, discover: true })) {
      for (const recipe of plugin.recipes ?? []) if (!recipes.has(recipe.name)) recipes.register(recipe as never, plugin.name);
    }
    const lines = recipes.list().map((recipe) => {
      const origin = recipes.originOf(recipe.name);
      const from = origin && origin !== 'built-in' ? ` [plugin ${origin}]` : '';
      return `  ${recipe.name.padEnd(22)} ${recipe.description}${from}`;
    });
    return `Recipes (--recipe NAME, --recipe-param key=value):\n${lines.join('\n')}\n\n`;
  } catch (error) {
    // Help must still show: a broken plugin is named here and fails properly when a run is started.
    return `Recipes: could not load the plugins: ${error instanceof Error ? error.message : String(error)}\n\n`;
  }
}
