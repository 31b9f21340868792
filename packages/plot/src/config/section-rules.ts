import { isMapping, show } from './json.js';
import type { ExperimentClassification, PlotConfig } from './types.js';

const CLASSIFICATION_KEYS = ['baselines', 'treatments', 'default', 'group_extraction_pattern', 'group_display_names'];
const AGGREGATION_METHODS = ['mean', 'max', 'min', 'median'];

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

export function validateClassification(value: unknown, errors: string[]): ExperimentClassification | null {
  const path = 'experiment_classification';
  if (!isMapping(value)) {
    errors.push(`${path}: expected a mapping with ${CLASSIFICATION_KEYS.join(', ')}, got ${show(value)}`);
    return null;
  }
  const before = errors.length;
  for (const key of Object.keys(value)) {
    if (!CLASSIFICATION_KEYS.includes(key)) errors.push(`${path}.${key}: unknown key; allowed: ${CLASSIFICATION_KEYS.join(', ')}`);
  }
  for (const key of ['baselines', 'treatments']) {
    if (value[key] !== undefined && value[key] !== null && !isStringList(value[key])) {
      errors.push(`${path}.${key}: ${show(value[key])} is not a list of glob patterns`);
    }
  }
  const fallback = value.default ?? 'treatment';
  if (fallback !== 'baseline' && fallback !== 'treatment') {
    errors.push(`${path}.default: ${show(fallback)} is not allowed; allowed: baseline, treatment`);
  }
  const pattern = value.group_extraction_pattern;
  if (pattern !== undefined && pattern !== null) {
    try {
      new RegExp(String(pattern));
    } catch (error) {
      errors.push(`${path}.group_extraction_pattern: ${show(pattern)} is not a valid regular expression (${(error as Error).message})`);
    }
  }
  const names = value.group_display_names;
  if (names !== undefined && names !== null && (!isMapping(names) || Object.values(names).some((v) => typeof v !== 'string'))) {
    errors.push(`${path}.group_display_names: ${show(names)} is not a mapping of group → legend text`);
  }
  if (errors.length > before) return null;
  return {
    baselines: (value.baselines as string[] | undefined) ?? [],
    treatments: (value.treatments as string[] | undefined) ?? [],
    default: fallback as ExperimentClassification['default'],
    ...(typeof pattern === 'string' ? { group_extraction_pattern: pattern } : {}),
    ...(isMapping(names) ? { group_display_names: names as Record<string, string> } : {}),
  };
}

export function validateSettings(value: unknown, errors: string[]): PlotConfig['settings'] | null {
  const path = 'settings';
  if (!isMapping(value)) {
    errors.push(`${path}: expected a mapping, got ${show(value)}`);
    return null;
  }
  for (const key of Object.keys(value)) {
    if (key !== 'server_metrics_downsampling') errors.push(`${path}.${key}: unknown key; allowed: server_metrics_downsampling`);
  }
  const downsampling = value.server_metrics_downsampling;
  if (downsampling === undefined || downsampling === null) return {};
  const sub = `${path}.server_metrics_downsampling`;
  if (!isMapping(downsampling)) {
    errors.push(`${sub}: expected a mapping with enabled, window_size_seconds, aggregation_method`);
    return null;
  }
  if (downsampling.enabled !== undefined && typeof downsampling.enabled !== 'boolean') {
    errors.push(`${sub}.enabled: ${show(downsampling.enabled)} is not true or false`);
  }
  const window = downsampling.window_size_seconds;
  if (window !== undefined && !(typeof window === 'number' && window > 0)) {
    errors.push(`${sub}.window_size_seconds: ${show(window)} must be a number > 0`);
  }
  const method = downsampling.aggregation_method;
  if (method !== undefined && !AGGREGATION_METHODS.includes(String(method))) {
    errors.push(`${sub}.aggregation_method: ${show(method)} is not allowed; allowed: ${AGGREGATION_METHODS.join(', ')}`);
  }
  return { server_metrics_downsampling: downsampling as NonNullable<PlotConfig['settings']>['server_metrics_downsampling'] };
}
