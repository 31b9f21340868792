import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import yaml from 'js-yaml';
import { RUN_FILES } from '../load/files.js';
import { DEFAULT_PLOT_CONFIG_YAML } from './default-config.js';
import { parsePlotConfig } from './parse.js';
import { plotConfigJsonSchema } from './schema.js';
import type { PlotConfig } from './types.js';

/** A plot config that cannot be used: names the file and every problem in it. */
export class PlotConfigError extends Error {
  override name = 'PlotConfigError';
  constructor(
    readonly path: string,
    readonly problems: string[],
    options?: ErrorOptions,
  ) {
    super(`Config validation failed. Check the configuration file at ${path}:\n  ${problems.join('\n  ')}`, options);
  }
}

export type PlotConfigSource = 'explicit' | 'materialized' | 'user' | 'user-created' | 'default';

export interface ResolvedPlotConfig {
  config: PlotConfig;
  /** File the config came from; `null` for the shipped default. */
  path: string | null;
  source: PlotConfigSource;
  warnings: string[];
}

/** `~/.aiperf` unless `AIPERF_PLOT_CONFIG_HOME` points elsewhere (tests, sandboxes). */
export const userConfigPath = (home = process.env.AIPERF_PLOT_CONFIG_HOME ?? join(homedir(), '.aiperf')): string => join(home, 'plot_config.yaml');

/** Reads and validates a plot config YAML file; throws PlotConfigError with every problem. */
export function loadPlotConfigFile(path: string): PlotConfig {
  let document: unknown;
  try {
    document = yaml.load(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new PlotConfigError(path, [`Failed to load YAML config from ${path}: ${(error as Error).message}`], { cause: error });
  }
  const { config, errors } = parsePlotConfig(document, path);
  if (!config) throw new PlotConfigError(path, errors);
  return config;
}

export const defaultPlotConfig = (): PlotConfig => {
  const { config } = parsePlotConfig(yaml.load(DEFAULT_PLOT_CONFIG_YAML), 'default plot config');
  return config!;
};

/** Block-style YAML with snake_case keys (as read), nulls omitted: what `.aiperf-plot-config.yaml` holds. */
export function serializePlotConfig(config: PlotConfig): string {
  return yaml.dump(config, { skipInvalid: true, noRefs: true, lineWidth: 120, sortKeys: false });
}

/** Writes a validated config (e.g. the `plot:` envelope) to `<artifactDir>/.aiperf-plot-config.yaml`. */
export function writeMaterializedPlotConfig(artifactDir: string, config: PlotConfig): string {
  const path = join(artifactDir, RUN_FILES.materializedConfig);
  mkdirSync(artifactDir, { recursive: true });
  writeFileSync(path, serializePlotConfig(config));
  return path;
}

/**
 * Priority: `--config` → the first input path holding `.aiperf-plot-config.yaml` → `~/.aiperf/plot_config.yaml`
 * → the shipped default. Only with `createUserConfig` (the `aiperf plot` CLI opts in) is a missing user config
 * created from the shipped default on first use; a library caller gets no file written in its home directory.
 */
export function resolvePlotConfig(paths: readonly string[], configPath?: string, userPath = userConfigPath(), createUserConfig = false): ResolvedPlotConfig {
  if (configPath) {
    const path = resolve(configPath);
    if (!existsSync(path)) throw new PlotConfigError(path, [`Configuration file not found: ${configPath}`]);
    return { config: loadPlotConfigFile(path), path, source: 'explicit', warnings: [] };
  }
  for (const input of paths) {
    const path = resolve(input, RUN_FILES.materializedConfig);
    if (existsSync(path)) return { config: loadPlotConfigFile(path), path, source: 'materialized', warnings: [] };
  }
  if (existsSync(userPath)) return { config: loadPlotConfigFile(userPath), path: userPath, source: 'user', warnings: [] };
  if (!createUserConfig) return { config: defaultPlotConfig(), path: null, source: 'default', warnings: [] };
  try {
    mkdirSync(dirname(userPath), { recursive: true });
    // The schema beside it gives editors (YAML language server) completion and checks.
    const schemaPath = userPath.replace(/\.ya?ml$/, '') + '.schema.json';
    writeFileSync(schemaPath, `${JSON.stringify(plotConfigJsonSchema(), null, 2)}\n`);
    writeFileSync(userPath, `# yaml-language-server: $schema=./${basename(schemaPath)}\n${DEFAULT_PLOT_CONFIG_YAML}`, { flag: 'wx' });
    return { config: loadPlotConfigFile(userPath), path: userPath, source: 'user-created', warnings: [] };
  } catch (error) {
    const warning = `Could not create ${userPath} (${(error as Error).message}); using the shipped default plot config`;
    return { config: defaultPlotConfig(), path: null, source: 'default', warnings: [warning] };
  }
}
