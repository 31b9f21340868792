import { closestMatches } from './closest.js';
import { isMapping, show, type Json } from './json.js';
import type { PlotConfig, PlotPreset } from './types.js';
import { validatePreset } from './preset-rules.js';
import { validateClassification, validateSettings } from './section-rules.js';

export interface PlotConfigParseResult {
  /** The normalised config, or null when there are errors. */
  config: PlotConfig | null;
  /** Every problem found, each starting with `<sourceLabel>: <YAML path>`. */
  errors: string[];
}

const TOP_LEVEL_KEYS = ['visualization', 'settings', 'experiment_classification'];
const VISUALIZATION_KEYS = ['multi_run_defaults', 'single_run_defaults', 'multi_run_plots', 'single_run_plots'];

function unknownKeys(value: Json, allowed: readonly string[], path: string, errors: string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) errors.push(`${path}${key}: unknown key; allowed: ${allowed.join(', ')}`);
  }
}

function stringList(value: unknown, path: string, errors: string[]): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    errors.push(`${path}: ${show(value)} is not a list of strings`);
    return [];
  }
  return value as string[];
}

function presetMap(value: unknown, path: string, errors: string[]): Record<string, PlotPreset> {
  if (value === undefined || value === null) return {};
  if (!isMapping(value)) {
    errors.push(`${path}: expected a mapping of plot name → preset, got ${show(value)}`);
    return {};
  }
  const presets: Record<string, PlotPreset> = {};
  for (const [name, preset] of Object.entries(value)) {
    const normalised = validatePreset(preset, `${path}.${name}`, errors);
    if (normalised) presets[name] = normalised;
  }
  return presets;
}

/** Every name in a `*_defaults` list must be a preset of the matching map. */
function checkDefaults(kind: 'multi_run' | 'single_run', names: string[], presets: Json, errors: string[], raw: unknown): void {
  const defined = Object.keys(isMapping(raw) ? raw : presets);
  for (const name of names) {
    if (defined.includes(name)) continue;
    const [hint] = closestMatches(name, defined);
    errors.push(
      `visualization.${kind}_defaults: plot '${name}' listed in ${kind}_defaults but not defined in ${kind}_plots. ` +
        `Defined: [${defined.map((n) => `'${n}'`).join(', ')}].${hint ? ` Did you mean '${hint}'?` : ''}`,
    );
  }
}

/**
 * Validates a plot config (a parsed YAML document or a `plot:` envelope value) and returns it normalised,
 * collecting every error instead of stopping at the first. `sourceLabel` (a file path or `plot`) prefixes
 * each message so the user knows where to look.
 */
export function parsePlotConfig(value: unknown, sourceLabel: string): PlotConfigParseResult {
  const errors: string[] = [];
  if (!isMapping(value) || !isMapping(value.visualization)) {
    const problem = isMapping(value) ? "missing 'visualization' top-level key" : `expected a mapping, got ${show(value)}`;
    return { config: null, errors: [`${sourceLabel}: Invalid YAML config: ${problem}`] };
  }
  unknownKeys(value, TOP_LEVEL_KEYS, '', errors);
  const visualization = value.visualization;
  unknownKeys(visualization, VISUALIZATION_KEYS, 'visualization.', errors);
  const config: PlotConfig = {
    visualization: {
      multi_run_defaults: stringList(visualization.multi_run_defaults, 'visualization.multi_run_defaults', errors),
      single_run_defaults: stringList(visualization.single_run_defaults, 'visualization.single_run_defaults', errors),
      multi_run_plots: presetMap(visualization.multi_run_plots, 'visualization.multi_run_plots', errors),
      single_run_plots: presetMap(visualization.single_run_plots, 'visualization.single_run_plots', errors),
    },
  };
  const v = config.visualization;
  checkDefaults('multi_run', v.multi_run_defaults, v.multi_run_plots, errors, visualization.multi_run_plots);
  checkDefaults('single_run', v.single_run_defaults, v.single_run_plots, errors, visualization.single_run_plots);
  if (value.settings !== undefined && value.settings !== null) {
    const settings = validateSettings(value.settings, errors);
    if (settings) config.settings = settings;
  }
  if (value.experiment_classification !== undefined && value.experiment_classification !== null) {
    const classification = validateClassification(value.experiment_classification, errors);
    if (classification) config.experiment_classification = classification;
  }
  const labelled = errors.map((error) => `${sourceLabel}: ${error}`);
  return labelled.length > 0 ? { config: null, errors: labelled } : { config, errors: [] };
}
