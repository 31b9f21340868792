// The "Recipes" section of `aiperf profile --help`: the built-ins and those of the plugins that load here.
import { RECIPE_ALIASES, loadConfig } from '@aiperf/config';
import type { PluginRef } from './plugins/load.js';
import { configPluginRefs, flagPluginRefs } from './plugins/refs.js';

/** The values of one option in the arguments (`--plugin X`, `--plugin=X`): help is rendered before they are parsed. */
function optionValues(argv: readonly string[], names: readonly string[]): string[] {
  const values: string[] = [];
  argv.forEach((arg, i) => {
    const next = argv[i + 1];
    if (names.includes(arg) && next !== undefined) values.push(next);
    else for (const name of names) if (name.startsWith('--') && arg.startsWith(`${name}=`)) values.push(arg.slice(name.length + 1));
  });
  return values;
}

/**
 * The plugins a run with these arguments would name: `--plugin` values, else the `plugins:` list of the `-f` YAML
 * (relative to the file). A YAML that does not resolve adds nothing here; the run itself reports it.
 */
function namedPlugins(argv: readonly string[], cwd: string): PluginRef[] {
  const flagged = optionValues(argv, ['--plugin']);
  if (flagged.length > 0) return flagPluginRefs(flagged, cwd);
  const configFile = optionValues(argv, ['-f', '--config']).at(-1);
  if (configFile === undefined) return [];
  const { config } = loadConfig({ flags: { configFile }, cwd });
  return config ? configPluginRefs(config, false, cwd) : [];
}

export async function recipesHelp(argv: readonly string[], cwd: string): Promise<string> {
  const refs = namedPlugins(argv, cwd);
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
    const aliases = Object.entries(RECIPE_ALIASES).filter(([, name]) => recipes.has(name)).map(([alias, name]) => `${alias} = ${name}`);
    const aliasLine = aliases.length > 0 ? `  AIPerf's names are accepted too: ${aliases.join(', ')}\n` : '';
    return `Recipes (--recipe/--search-recipe NAME, --recipe-param key=value):\n${lines.join('\n')}\n${aliasLine}\n`;
  } catch (error) {
    // Help must still show: a broken plugin is named here and fails properly when a run is started.
    return `Recipes: could not load the plugins: ${error instanceof Error ? error.message : String(error)}\n\n`;
  }
}
