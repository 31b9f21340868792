import { sweptLabel } from './swept.js';
import type { MultiRunContext } from '../plot-type.js';
import type { SeriesSpec } from '../types.js';
import { GroupColorRegistry, type MultiRunRow } from './table.js';

export interface RunSeries {
  group: string;
  legend: string;
  showInLegend: boolean;
  color: string;
  experimentType?: 'baseline' | 'treatment';
  rows: MultiRunRow[];
}

/** The grouping column: `experiment_group` under classification, else the preset's `groups`, else `run_name`. */
export function groupColumn(context: MultiRunContext): string {
  if (context.table.classification) return 'experiment_group';
  return context.preset.groups?.[0] ?? 'run_name';
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Splits the table's rows (those with finite x and y) into series. Baselines come first under classification;
 * otherwise groups are sorted. A missing grouping column gives one unnamed series `Data`.
 */
export function splitIntoSeries(context: MultiRunContext, xColumn: string, yColumn: string): RunSeries[] {
  const usable = context.table.rows.filter((row) => Number.isFinite(row[xColumn] as number) && Number.isFinite(row[yColumn] as number));
  const column = groupColumn(context);
  if (!usable.every((row) => row[column] !== undefined && row[column] !== null)) {
    return [{ group: 'Data', legend: 'Data', showInLegend: false, color: context.theme.palette[0]!, rows: usable }];
  }
  const byGroup = new Map<string, MultiRunRow[]>();
  for (const row of usable) {
    const key = String(row[column]);
    byGroup.set(key, [...(byGroup.get(key) ?? []), row]);
  }
  const groups = [...byGroup.keys()].sort(compare);
  if (context.table.classification) {
    const typeOf = (group: string): string => String(byGroup.get(group)![0]!.experiment_type);
    const baselines = groups.filter((group) => typeOf(group) === 'baseline');
    const treatments = groups.filter((group) => typeOf(group) === 'treatment');
    const colors = GroupColorRegistry.classified(baselines, treatments);
    return [...baselines, ...treatments].map((group) => ({
      group,
      legend: String(byGroup.get(group)![0]!.group_display_name ?? group),
      showInLegend: true,
      color: colors.get(group)!,
      experimentType: typeOf(group) as 'baseline' | 'treatment',
      rows: byGroup.get(group)!,
    }));
  }
  return groups.map((group) => ({
    group,
    legend: group,
    showInLegend: true,
    color: context.table.colors.colorFor(group),
    rows: byGroup.get(group)!,
  }));
}

/** The text drawn on each point: the preset's `labels` column (e.g. concurrency). */
export const pointLabel = (context: MultiRunContext, row: MultiRunRow): string | undefined => {
  const column = context.preset.labels?.[0];
  // The default labels by concurrency; runs of a sweep of another parameter are labelled by what they swept.
  const swept = column === 'concurrency' ? sweptLabel(context.table.rows, row) : null;
  if (swept !== null) return swept;
  return column && row[column] !== undefined && row[column] !== null ? String(row[column]) : undefined;
};

/**
 * One group's runs as a `lines+markers` series in ascending x, labelled when every point has a label.
 * `extra` adds fields computed from the sorted points (the Pareto frontier).
 */
export function sortedLineSeries(
  context: MultiRunContext,
  series: RunSeries,
  xColumn: string,
  yColumn: string,
  extra: (x: number[], y: number[]) => Partial<SeriesSpec> = () => ({}),
): SeriesSpec {
  const rows = [...series.rows].sort((a, b) => (a[xColumn] as number) - (b[xColumn] as number));
  const x = rows.map((row) => row[xColumn] as number);
  const y = rows.map((row) => row[yColumn] as number);
  const labels = rows.map((row) => pointLabel(context, row));
  return {
    name: series.legend,
    showInLegend: series.showInLegend,
    style: 'lines+markers',
    color: series.color,
    lineWidth: 3,
    markerSize: 9,
    axis: 'y',
    x,
    y,
    ...extra(x, y),
    ...(labels.every((label) => label !== undefined) ? { pointLabels: labels as string[] } : {}),
    ...(series.experimentType ? { experimentType: series.experimentType } : {}),
  };
}
