import { createRequire } from 'node:module';
// The two functions only (semver's documented per-function modules): the whole package is ~50 modules to load.
import satisfies from 'semver/functions/satisfies.js';
import validRange from 'semver/ranges/valid.js';
import { version as cliVersion } from '../version.js';
import type { PluginPackageJson } from './package-json.js';

const require = createRequire(import.meta.url);
const apiVersion = (require('@aiperf/plugin/package.json') as { version: string }).version;

/** What a plugin may ask for in peerDependencies: this CLI and the plugin API it loads plugins with. */
const PROVIDED: Record<string, string> = { '@aiperf/cli': cliVersion, '@aiperf/plugin': apiVersion };

/** Why this aiperf cannot run the plugin (a peerDependencies range it does not satisfy), or null. */
export function versionProblem(pkg: PluginPackageJson | null): string | null {
  for (const [name, range] of Object.entries(pkg?.peerDependencies ?? {})) {
    const have = PROVIDED[name];
    if (have === undefined) continue;
    if (!validRange(range)) return `peerDependencies["${name}"] is not a semver range: "${range}"`;
    if (!satisfies(have, range, { includePrerelease: true })) {
      return `needs ${name} ${range}, but this aiperf is ${have}; install a plugin version made for ${have}, or another aiperf`;
    }
  }
  return null;
}
