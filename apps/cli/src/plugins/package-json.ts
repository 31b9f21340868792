import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The fields of a plugin package's package.json that aiperf reads. */
export interface PluginPackageJson {
  name?: string;
  version?: string;
  keywords?: unknown;
  main?: string;
  exports?: unknown;
  /** `"aiperf": { "plugin": "./dist/index.js" }` names the entry (and marks the package as a plugin). */
  aiperf?: { plugin?: string } | unknown;
  peerDependencies?: Record<string, string>;
}

export const PLUGIN_KEYWORD = 'aiperf-plugin';

export function readPackageJson(dir: string): PluginPackageJson | null {
  const path = join(dir, 'package.json');
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as PluginPackageJson;
  } catch {
    return null;
  }
}

/** Declared as an aiperf plugin: the `aiperf-plugin` keyword or an `aiperf` field (eslint/vite plugin style). */
export function declaresPlugin(pkg: PluginPackageJson): boolean {
  return (Array.isArray(pkg.keywords) && pkg.keywords.includes(PLUGIN_KEYWORD)) || (pkg.aiperf !== undefined && pkg.aiperf !== null);
}

type Exports = string | { [key: string]: Exports } | null | undefined;

/** The ESM entry of `exports` for the root: a string, or the `import`/`default` condition (nested). */
function exportsEntry(exports: Exports): string | null {
  if (typeof exports === 'string') return exports;
  if (exports === null || exports === undefined || typeof exports !== 'object') return null;
  if ('.' in exports) return exportsEntry(exports['.']);
  for (const condition of ['import', 'node', 'default']) {
    const found = exportsEntry(exports[condition]);
    if (found) return found;
  }
  return null;
}

/** The module to import, relative to the package: `aiperf.plugin`, else the `exports` root, else `main`, else index.js. */
export function pluginEntry(pkg: PluginPackageJson): string {
  const field = (pkg.aiperf as { plugin?: unknown } | undefined)?.plugin;
  if (typeof field === 'string') return field;
  return exportsEntry(pkg.exports as Exports) ?? pkg.main ?? 'index.js';
}
