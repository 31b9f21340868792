import { resolveConfig } from './resolve.js';
import type { AiperfConfig } from './schema.js';

/**
 * The resolved config that every default gives, for the models named: a base for programmatic callers and test
 * helpers, so that a new setting (one schema key with its default) needs no edit where configs are built by hand.
 */
export function defaultConfig(models: readonly string[] = ['model']): AiperfConfig {
  const { config, errors } = resolveConfig({ flags: { model: [...models] } });
  if (config === null) throw new Error(`defaultConfig: ${errors.map((e) => `${e.where}: ${e.message}`).join('; ')} (this is a bug)`);
  return config;
}
