import { existsSync, readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import type { FlagValues } from './flag-values.js';
import { type ConfigResult, resolveConfig } from './resolve.js';

export interface LoadConfigOptions {
  flags: FlagValues;
  /** The arguments after `aiperf profile`. */
  argv?: readonly string[];
  env?: Record<string, string | undefined>;
  cwd?: string;
}

/**
 * The I/O edge of config resolution: reads the YAML named by `flags.configFile` (if any), then calls
 * `resolveConfig`. A missing or unreadable file is reported like any other config error.
 */
export function loadConfig(options: LoadConfigOptions): ConfigResult {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const file = options.flags.configFile;
  let yamlText: string | null = null;
  let yamlPath: string | null = null;
  if (typeof file === 'string') {
    yamlPath = resolvePath(cwd, file);
    try {
      yamlText = readFileSync(yamlPath, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
      return { config: null, errors: [{ where: '--config', message: `got "${file}": ${reason} (${yamlPath})` }], warnings: [] };
    }
  }
  return resolveConfig({ yamlText, yamlPath, flags: options.flags, env, argv: options.argv ?? [], fileExists: existsSync });
}
