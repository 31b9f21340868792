import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { PluginLoadError } from './errors.js';
import { declaresPlugin, type PluginPackageJson, pluginEntry, readPackageJson } from './package-json.js';

/** Where a plugin lives: its package (when it has one) and the module to import. */
export interface LocatedPlugin {
  /** The npm name, or the file name for a bare module. */
  name: string;
  dir: string;
  pkg: PluginPackageJson | null;
  entryPath: string;
  /** `--plugin`, `plugins: in <yaml>`, or `installed` (found in node_modules). */
  origin: string;
}

const looksLikePath = (ref: string) => ref.startsWith('.') || isAbsolute(ref) || ref.includes('\\') || /^[A-Za-z]:/.test(ref);

function fromPackageDir(dir: string, pkg: PluginPackageJson, fallbackName: string, origin: string): LocatedPlugin {
  return { name: pkg.name ?? fallbackName, dir, pkg, entryPath: resolve(dir, pluginEntry(pkg)), origin };
}

/**
 * A plugin named by npm name or path, resolved from `baseDir` the way Node resolves a package from a file there
 * (`createRequire`: `<baseDir>/node_modules`, then each parent's), so the project's own install is used.
 */
export function locatePlugin(ref: string, baseDir: string, origin: string): LocatedPlugin {
  if (looksLikePath(ref)) {
    const path = resolve(baseDir, ref);
    if (!existsSync(path)) throw new PluginLoadError(ref, `looked for ${path}`, 'not found');
    if (statSync(path).isDirectory()) {
      const pkg = readPackageJson(path);
      if (!pkg) throw new PluginLoadError(ref, `looked in ${path}`, 'the directory has no readable package.json');
      return fromPackageDir(path, pkg, basename(path), origin);
    }
    return { name: basename(path), dir: dirname(path), pkg: null, entryPath: path, origin };
  }
  const lookups = createRequire(join(baseDir, 'package.json')).resolve.paths(ref) ?? [];
  for (const nodeModules of lookups) {
    const dir = join(nodeModules, ref);
    const pkg = readPackageJson(dir);
    if (pkg) return fromPackageDir(dir, pkg, ref, origin);
  }
  const where = `looked in ${lookups.filter((p) => p.endsWith('node_modules')).slice(0, 3).join(', ')}${lookups.length > 3 ? ', …' : ''}`;
  throw new PluginLoadError(ref, where, `not installed; run \`npm install ${ref}\` in ${baseDir}, or give a path`);
}

function packageDirs(nodeModules: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(nodeModules);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    if (entry.startsWith('.')) return [];
    if (!entry.startsWith('@')) return [join(nodeModules, entry)];
    try {
      return readdirSync(join(nodeModules, entry)).map((scoped) => join(nodeModules, entry, scoped));
    } catch {
      return [];
    }
  });
}

// A directory inside pnpm's virtual store: `<project>/node_modules/.pnpm/node_modules` (every package of the store,
// hoisted) or `<project>/node_modules/.pnpm/<id>/node_modules` (one package's dependencies).
const PNPM_VIRTUAL_STORE = /^(.*?[\\/]node_modules)[\\/]\.pnpm(?:[\\/]|$)/;

/**
 * The `node_modules` whose packages the user installed, for one of Node's lookup paths. pnpm's bin shims
 * (`pnpm exec aiperf`, `node_modules/.bin/aiperf`) put its virtual store on NODE_PATH, so that packages with
 * undeclared dependencies still resolve, and Node's lookup paths include NODE_PATH. The store holds every dependency
 * of every dependency (hundreds of package.json files to read on each run), while what the project installed is
 * linked from the `node_modules` that holds `.pnpm`: a store directory stands for that one. A package only in the
 * store (a dependency's dependency) is thus not discovered; `--plugin NAME` still finds it.
 */
function installedPackagesDir(lookupDir: string): string {
  return PNPM_VIRTUAL_STORE.exec(lookupDir)?.[1] ?? lookupDir;
}

/** Installed packages that declare themselves aiperf plugins, nearest `node_modules` first (a nearer copy wins). */
export function discoverPlugins(baseDir: string): LocatedPlugin[] {
  const found = new Map<string, LocatedPlugin>();
  const lookups = createRequire(join(baseDir, 'package.json')).resolve.paths('x') ?? [];
  for (const nodeModules of new Set(lookups.map(installedPackagesDir))) {
    for (const dir of packageDirs(nodeModules)) {
      const pkg = readPackageJson(dir);
      if (!pkg?.name || found.has(pkg.name) || !declaresPlugin(pkg)) continue;
      found.set(pkg.name, fromPackageDir(dir, pkg, pkg.name, 'installed'));
    }
  }
  return [...found.values()];
}
