export type { Registry, RegistryOptions } from './registry.js';
export { createRegistry, RegistryError } from './registry.js';
export type { AiperfPlugin, ContributionKey, Named } from './plugin.js';
export { CONTRIBUTION_KEYS, definePlugin, pluginShapeProblems } from './plugin.js';
