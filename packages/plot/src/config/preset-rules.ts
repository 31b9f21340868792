import { isMapping, show } from './json.js';
import { DATA_SOURCES, KNOWN_STATS, PLOT_TYPES, type MetricRef, type PlotPreset, type SeriesStyle } from './types.js';

const PRESET_KEYS = [
  'type',
  'x',
  'y',
  'y2',
  'stat',
  'source',
  'title',
  'description',
  'x_label',
  'y_label',
  'labels',
  'groups',
  'primary_style',
  'secondary_style',
  'supplementary_col',
  'autoscale',
  'ci_level',
  'use_slice_duration',
];
const STYLE_KEYS = ['mode', 'line_shape', 'fill', 'line_width', 'marker_size', 'marker_opacity', 'fill_opacity'];
const TEXT_KEYS = ['title', 'description', 'x_label', 'y_label', 'supplementary_col'] as const;

/** `p67`-like tails that are not a known stat are errors; other tails are part of the metric name. */
function checkStatTail(name: string, path: string, errors: string[]): void {
  const tail = name.slice(name.lastIndexOf('_') + 1);
  if (/^p\d+$/.test(tail) && !KNOWN_STATS.includes(tail)) {
    // Closest by percentile value, which is what the user meant to type.
    const wanted = Number(tail.slice(1));
    const hints = KNOWN_STATS.filter((stat) => /^p\d+$/.test(stat))
      .sort((a, b) => Math.abs(Number(a.slice(1)) - wanted) - Math.abs(Number(b.slice(1)) - wanted))
      .slice(0, 3);
    errors.push(
      `${path}: unknown stat '${tail}' in '${name}'; valid stats: ${KNOWN_STATS.join(', ')}` + (hints.length ? ` (closest: ${hints.join(', ')})` : ''),
    );
  }
}

function metricRef(value: unknown, path: string, errors: string[]): MetricRef | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && value !== '') {
    checkStatTail(value, path, errors);
    return value;
  }
  if (isMapping(value) && typeof value.metric === 'string') {
    if (value.stat !== undefined && !KNOWN_STATS.includes(String(value.stat)) && value.stat !== 'value') {
      errors.push(`${path}.stat: ${show(value.stat)} is not a stat; allowed: ${KNOWN_STATS.join(', ')}`);
    }
    if (value.source !== undefined && !DATA_SOURCES.includes(value.source as never)) {
      errors.push(`${path}.source: ${show(value.source)} is not a data source; allowed: ${DATA_SOURCES.join(', ')}`);
    }
    return value as MetricRef;
  }
  errors.push(`${path}: ${show(value)} is not a metric (a name such as 'request_latency_p50' or {metric, stat})`);
  return undefined;
}

/** `labels` / `groups`: a string or a list with at most one column. */
function singleColumn(value: unknown, path: string, errors: string[]): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.some((item) => typeof item !== 'string')) {
    errors.push(`${path}: ${show(value)} must be a column name or a list with one column name`);
    return undefined;
  }
  if (list.length > 1) errors.push(`${path}: Multi-column grouping is not supported (got ${show(list)})`);
  return list as string[];
}

function style(value: unknown, path: string, errors: string[]): SeriesStyle | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isMapping(value)) {
    errors.push(`${path}: expected a mapping with ${STYLE_KEYS.join(', ')}`);
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (!STYLE_KEYS.includes(key)) errors.push(`${path}.${key}: unknown key; allowed: ${STYLE_KEYS.join(', ')}`);
  }
  if (value.mode !== undefined && !['lines', 'markers', 'lines+markers'].includes(String(value.mode))) {
    errors.push(`${path}.mode: ${show(value.mode)} is not allowed; allowed: lines, markers, lines+markers`);
  }
  return value as SeriesStyle;
}

/** Checks one preset of `*_plots`; returns it normalised (labels/groups as lists) or null when unusable. */
export function validatePreset(value: unknown, path: string, errors: string[]): PlotPreset | null {
  if (!isMapping(value)) {
    errors.push(`${path}: expected a preset mapping with at least 'type', got ${show(value)}`);
    return null;
  }
  const before = errors.length;
  for (const key of Object.keys(value)) {
    if (!PRESET_KEYS.includes(key)) errors.push(`${path}.${key}: unknown key; allowed: ${PRESET_KEYS.join(', ')}`);
  }
  if (value.type === undefined) errors.push(`${path}.type: Missing 'type' field in preset '${path.split('.').at(-1)}'`);
  else if (typeof value.type !== 'string' || value.type.length === 0) {
    // Names are checked against the plot-type registry when plots are built (plugins add types).
    errors.push(`${path}.type: ${show(value.type)} is not a plot type name; built-in: ${PLOT_TYPES.join(', ')}`);
  }
  const preset: PlotPreset = { ...(value as unknown as PlotPreset) };
  for (const axis of ['x', 'y', 'y2'] as const) {
    const ref = metricRef(value[axis], `${path}.${axis}`, errors);
    if (ref === undefined) delete preset[axis];
    else preset[axis] = ref;
  }
  if (preset.x === undefined && preset.y === undefined) errors.push(`${path}: needs at least one metric (x or y)`);
  for (const key of TEXT_KEYS) {
    if (value[key] !== undefined && typeof value[key] !== 'string') errors.push(`${path}.${key}: ${show(value[key])} is not a string`);
  }
  for (const key of ['labels', 'groups'] as const) {
    const columns = singleColumn(value[key], `${path}.${key}`, errors);
    if (columns) preset[key] = columns;
  }
  for (const key of ['primary_style', 'secondary_style'] as const) style(value[key], `${path}.${key}`, errors);
  if (value.source !== undefined && !DATA_SOURCES.includes(value.source as never)) {
    errors.push(`${path}.source: ${show(value.source)} is not a data source; allowed: ${DATA_SOURCES.join(', ')}`);
  }
  if (value.autoscale !== undefined && !['none', 'x', 'y', 'both'].includes(String(value.autoscale))) {
    errors.push(`${path}.autoscale: ${show(value.autoscale)} is not allowed; allowed: none, x, y, both`);
  }
  if (value.ci_level !== undefined && typeof value.ci_level !== 'number') {
    errors.push(`${path}.ci_level: ${show(value.ci_level)} is not a number (0.90, 0.95 or 0.99)`);
  }
  if (value.use_slice_duration !== undefined && typeof value.use_slice_duration !== 'boolean') {
    errors.push(`${path}.use_slice_duration: ${show(value.use_slice_duration)} is not true or false`);
  }
  return errors.length === before ? preset : null;
}
