import type { ExperimentClassification } from '../../config/types.js';
import { BASELINE_GREY, BRIGHT, NVIDIA_GREEN, type ThemeColors } from '../../theme.js';
import type { RunData } from '../../types.js';

export type Cell = string | number | boolean | null;
export type MultiRunRow = Record<string, Cell>;

export interface MultiRunTable {
  rows: MultiRunRow[];
  /** Units of the metric columns (from the first run that has them). */
  units: Record<string, string>;
  classification: ExperimentClassification | undefined;
  colors: GroupColorRegistry;
}

/** p50 when present, else avg, else `value`: a run's value for a metric when the preset names no statistic. */
export function representativeValue(stats: Record<string, unknown>): number | null {
  const stat = representativeStat(stats);
  return stat ? (stats[stat] as number) : null;
}

/** Which statistic `representativeValue` reads (`null` when none is a number). */
export function representativeStat(stats: Record<string, unknown>): string | null {
  for (const stat of ['p50', 'avg', 'value']) if (typeof stats[stat] === 'number') return stat;
  return null;
}

/**
 * The table column holding one statistic of a metric (`request_latency|p99`). The bare metric column holds the
 * representative value; a preset that names a statistic reads this one, so the label never claims another value.
 */
export const statColumn = (metric: string, stat: string): string => `${metric}|${stat}`;

export const SWEEP_COLUMN_PREFIX = 'sweep.';
export const SWEEP_VARIANT_COLUMN = 'sweep_variant';

/** One row per run: identity columns, flattened input config, one column per summary metric. */
export function buildMultiRunTable(runs: readonly RunData[], theme: ThemeColors, classification: ExperimentClassification | undefined): MultiRunTable {
  const units: Record<string, string> = {};
  const rows = runs.map((run) => {
    const row: MultiRunRow = {};
    for (const [key, value] of Object.entries(run.inputConfig)) {
      if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) row[key] = value as Cell;
    }
    for (const [tag, stats] of Object.entries(run.metrics)) {
      row[tag] = representativeValue(stats);
      for (const [stat, value] of Object.entries(stats)) if (typeof value === 'number') row[statColumn(tag, stat)] = value;
      units[tag] ??= stats.unit;
    }
    // What a sweep cell varied, as `sweep.<parameter>` columns and its variant's name (`sweptLabel` reads them).
    for (const [name, value] of Object.entries(run.sweepCell?.values ?? {})) row[`${SWEEP_COLUMN_PREFIX}${name}`] = value;
    if (run.sweepCell) row[SWEEP_VARIANT_COLUMN] = run.sweepCell.variant;
    const display = classification?.group_display_names?.[run.experimentGroup];
    Object.assign(row, {
      run_name: run.runName,
      run_dir: run.dir,
      model: run.metadata.model ?? 'Unknown',
      concurrency: run.metadata.concurrency || 1,
      request_count: run.metadata.requestCount,
      request_rate: run.metadata.requestRate,
      endpoint_type: run.metadata.endpointType,
      experiment_type: run.experimentType,
      experiment_group: run.experimentGroup,
      group_display_name: display ?? run.experimentGroup,
    });
    return row;
  });
  return { rows, units, classification, colors: new GroupColorRegistry(theme) };
}

const BASELINE_GREYS = [BASELINE_GREY, '#666666', '#BBBBBB', '#4D4D4D', '#808080'];

/**
 * Colours per group value, shared by every plot of one export so a model keeps its colour across PNGs.
 * With classification: baselines in greys, first treatment NVIDIA green, further treatments bright colours.
 */
export class GroupColorRegistry {
  private readonly assigned = new Map<string, string>();
  constructor(private readonly theme: ThemeColors) {}

  colorFor(group: string): string {
    let color = this.assigned.get(group);
    if (!color) {
      color = this.theme.palette[this.assigned.size % this.theme.palette.length]!;
      this.assigned.set(group, color);
    }
    return color;
  }

  /** Colours for classified groups, given baselines and treatments each in sorted order. */
  static classified(baselines: readonly string[], treatments: readonly string[]): Map<string, string> {
    const colors = new Map<string, string>();
    baselines.forEach((group, i) => {
      colors.set(group, BASELINE_GREYS[i % BASELINE_GREYS.length]!);
    });
    treatments.forEach((group, i) => {
      colors.set(group, i === 0 ? NVIDIA_GREEN : BRIGHT[(i - 1) % BRIGHT.length]!);
    });
    return colors;
  }
}
