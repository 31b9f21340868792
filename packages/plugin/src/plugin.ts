/** Anything a registry holds: a plain object with a name (metrics use their `tag`). */
export interface Named {
  readonly name: string;
}

/**
 * An aiperf plugin: a plain object, usually the default export of an npm package. Each list goes into the
 * matching registry of the run; the types of the entries live with the packages that use them (`Recipe` in
 * `@aiperf/recipes`, `PostRunHook` in `@aiperf/hooks`, …) so that this package depends on nothing. Import those
 * with `import type` and a plugin still installs nothing heavy.
 */
export interface AiperfPlugin {
  /** Usually the npm package name. */
  readonly name: string;
  /** Shown by `aiperf plugins`; default: the package.json version. */
  readonly version?: string;
  readonly recipes?: readonly Named[];
  readonly postRunHooks?: readonly Named[];
  readonly endpointTypes?: readonly Named[];
  readonly datasetLoaders?: readonly Named[];
  readonly timingStrategies?: readonly Named[];
  readonly metrics?: readonly { readonly tag: string }[];
  readonly plotTypes?: readonly Named[];
  /** Turn auto-plot on for this plugin's recipes when neither the recipe nor the user says otherwise. */
  readonly autoPlotDefault?: boolean;
}

/** The contribution lists, in the order `aiperf plugins` shows them. */
export const CONTRIBUTION_KEYS = [
  'recipes',
  'postRunHooks',
  'endpointTypes',
  'datasetLoaders',
  'timingStrategies',
  'metrics',
  'plotTypes',
] as const satisfies readonly (keyof AiperfPlugin)[];

export type ContributionKey = (typeof CONTRIBUTION_KEYS)[number];

/** Returns the plugin as given: a typed identity, so an editor checks the shape where the plugin is written. */
export function definePlugin<const P extends AiperfPlugin>(plugin: P): P {
  return plugin;
}

/** Every problem with a value that should be a plugin (empty when it is one). */
export function pluginShapeProblems(value: unknown): string[] {
  if (value === null || typeof value !== 'object') return [`expected a plugin object (definePlugin({...})), got ${value === null ? 'null' : typeof value}`];
  const plugin = value as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof plugin.name !== 'string' || plugin.name.length === 0) problems.push('`name` must be a non-empty string');
  for (const key of CONTRIBUTION_KEYS) {
    const list = plugin[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      problems.push(`\`${key}\` must be an array, got ${typeof list}`);
      continue;
    }
    const keyName = key === 'metrics' ? 'tag' : 'name';
    list.forEach((item, i) => {
      const id = (item as Record<string, unknown> | null)?.[keyName];
      if (typeof id !== 'string' || id.length === 0) problems.push(`\`${key}[${i}]\` needs a non-empty string \`${keyName}\``);
    });
  }
  if (plugin.autoPlotDefault !== undefined && typeof plugin.autoPlotDefault !== 'boolean') {
    problems.push(`\`autoPlotDefault\` must be a boolean, got ${JSON.stringify(plugin.autoPlotDefault)}`);
  }
  const known = new Set<string>(['name', 'version', 'autoPlotDefault', ...CONTRIBUTION_KEYS]);
  for (const key of Object.keys(plugin)) if (!known.has(key)) problems.push(`unknown key \`${key}\`; allowed: ${[...known].join(', ')}`);
  return problems;
}
