import { dirname } from 'node:path';
import type { AiperfConfig } from '@aiperf/config';
import type { PluginRef } from './load.js';

/** `--plugin` values resolve from the working directory, a YAML `plugins:` list from the file's directory. */
export function configPluginRefs(config: AiperfConfig, fromFlags: boolean, cwd: string): PluginRef[] {
  const yamlPath = config.source.yamlPath;
  const [baseDir, origin] = fromFlags || yamlPath === null ? [cwd, '--plugin'] : [dirname(yamlPath), `plugins: in ${yamlPath}`];
  return config.plugins.map((ref) => ({ ref, baseDir, origin }));
}

export const flagPluginRefs = (refs: readonly string[], cwd: string): PluginRef[] => refs.map((ref) => ({ ref, baseDir: cwd, origin: '--plugin' }));
