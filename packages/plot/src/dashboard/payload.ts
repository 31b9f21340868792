import type { PlotConfig } from '../config/types.js';
import type { PlotMode, PlotTheme } from '../index.js';
import { toChartConfiguration } from '../render/chart-config.js';
import { buildPlots } from '../specs/build.js';
import type { AxisSpec, ChartSpec, SeriesSpec } from '../specs/types.js';
import { THEMES, type ThemeColors } from '../theme.js';
import type { RunData } from '../types.js';
import { buildMultiRunTable } from '../specs/multi/table.js';
import { pointRunIds, runLabel } from './run-details.js';
import { configWithStat, DASHBOARD_STATS } from './stat.js';

// Pure: runs + plot config → the JSON the dashboard page draws. The chart.js datasets and scales come from the
// same `toChartConfiguration` as the PNGs (functions drop out in JSON; the page puts back tick labels, the
// legend filter and the drawing plugins), so the browser shows exactly the PNG mode's plots.

export interface DashboardRun {
  /** Stable for the server's lifetime: the run's index in load order. */
  id: string;
  runName: string;
  /** `<model> - C<concurrency>` (the sidebar's checklist label). */
  label: string;
  /** The sidebar's collapsible group (the model). */
  group: string;
  selected: boolean;
}

/** What the page's annotation plugin needs from a series (labels, error bars, ellipses); the rest is in the dataset. */
export type DashboardAnnotations = Pick<
  SeriesSpec,
  'axis' | 'color' | 'fillColor' | 'markerSize' | 'x' | 'y' | 'pointLabels' | 'errorY' | 'errorBounds' | 'polygons'
>;

export interface DashboardPlot {
  name: string;
  type: ChartSpec['type'];
  title: string;
  axes: { x: AxisSpec; y: AxisSpec; y2?: AxisSpec };
  footnotes: string[];
  notes: string[];
  /**
   * chart.js configuration as JSON: `type`, `data.datasets` (each with `aiperfLegend`, `aiperfLegendRank`, maybe
   * `aiperfAnnotations` and, multi-run, `aiperfRunIds`: the run ids behind each point), `options`.
   */
  chart: { type: string; data: { datasets: Record<string, unknown>[] }; options: Record<string, unknown> };
}

export interface DashboardPayload {
  title: 'AIPerf Dashboard';
  mode: PlotMode;
  theme: PlotTheme;
  colors: ThemeColors;
  runs: DashboardRun[];
  /** Single-run mode: the run analysed. */
  runName: string | null;
  /** Multi-run: the statistic plotted for every metric (`null`: AIPerf's p50-else-avg rule). */
  stat: string | null;
  /** The statistics the page offers. */
  stats: string[];
  plots: DashboardPlot[];
  skipped: { name: string; reason: string }[];
  failed: { name: string; error: string }[];
}

export interface DashboardPayloadOptions {
  config: PlotConfig;
  theme: PlotTheme;
  mode: PlotMode;
  /** Multi-run: ids of the runs to plot (default: all). */
  selectedRunIds?: readonly string[];
  /** Multi-run: plot this statistic of every metric that has it (one of `DASHBOARD_STATS`). */
  stat?: string;
}

function annotationsOf(series: SeriesSpec | undefined): DashboardAnnotations | undefined {
  if (!series || !(series.pointLabels || series.errorY || series.errorBounds || series.polygons)) return undefined;
  const { axis, color, fillColor, markerSize, x, y, pointLabels, errorY, errorBounds, polygons } = series;
  return { axis, color, fillColor, markerSize, x, y, pointLabels, errorY, errorBounds, polygons };
}

/** One spec → the JSON the page hands to chart.js (a deep copy without functions or plugin objects). */
export function toDashboardPlot(spec: ChartSpec): DashboardPlot {
  const configuration = toChartConfiguration(spec);
  const datasets = configuration.data.datasets.map((dataset) => {
    const { aiperfSeries, ...rest } = dataset as typeof dataset & { aiperfSeries?: SeriesSpec };
    const aiperfAnnotations = annotationsOf(aiperfSeries);
    const legendRank = aiperfSeries?.legendRank ?? 0;
    return JSON.parse(JSON.stringify({ ...rest, aiperfLegendRank: legendRank, ...(aiperfAnnotations ? { aiperfAnnotations } : {}) })) as Record<
      string,
      unknown
    >;
  });
  return {
    name: spec.name,
    type: spec.type,
    title: spec.title,
    axes: { x: spec.x, y: spec.y, ...(spec.y2 ? { y2: spec.y2 } : {}) },
    footnotes: spec.footnotes,
    notes: spec.notes,
    chart: { type: String(configuration.type), data: { datasets }, options: JSON.parse(JSON.stringify(configuration.options ?? {})) },
  };
}

/** Multi-run: tags each dataset with the runs behind its points (`aiperfRunIds`), for the click-to-inspect view. */
function runIdTagger(all: readonly RunData[], chosen: readonly RunData[], config: PlotConfig): (plot: DashboardPlot) => DashboardPlot {
  const table = buildMultiRunTable(chosen, THEMES.light, undefined);
  const idByDir = new Map(all.map((run, i) => [run.dir, String(i)]));
  return (plot) => {
    for (const dataset of plot.chart.data.datasets) {
      const ids = pointRunIds(dataset.data as { x: number; y: number | null }[], plot.name, config, table, idByDir);
      if (ids) dataset.aiperfRunIds = ids;
    }
    return plot;
  };
}

/** Builds the page's payload: the enabled plots for the selected runs, in the chosen theme. */
export function buildDashboardPayload(runs: readonly RunData[], options: DashboardPayloadOptions): DashboardPayload {
  const selected = new Set(options.selectedRunIds ?? runs.map((_, i) => String(i)));
  const dashboardRuns = runs.map((run, i) => ({
    id: String(i),
    runName: run.runName,
    label: runLabel(run),
    group: run.metadata.model ?? 'unknown model',
    selected: selected.has(String(i)),
  }));
  const stat = options.mode === 'multi_run' ? (options.stat ?? null) : null;
  if (stat !== null && !DASHBOARD_STATS.includes(stat)) throw new Error(`stat: '${stat}' is not a statistic; allowed: ${DASHBOARD_STATS.join(', ')}`);
  const picked = options.mode === 'single_run' ? runs.slice(0, 1) : runs.filter((_, i) => selected.has(String(i)));
  const chosen = picked;
  const config = stat ? configWithStat(options.config, picked, stat) : options.config;
  const tagRunIds = options.mode === 'multi_run' ? runIdTagger(runs, chosen, config) : (plot: DashboardPlot) => plot;
  const built = chosen.length > 0 ? buildPlots(chosen, { config, theme: options.theme, mode: options.mode }) : { specs: [], skipped: [], failed: [] };
  return {
    title: 'AIPerf Dashboard',
    mode: options.mode,
    theme: options.theme,
    colors: THEMES[options.theme],
    runs: dashboardRuns,
    runName: options.mode === 'single_run' ? (runs[0]?.runName ?? null) : null,
    stat,
    stats: options.mode === 'multi_run' ? [...DASHBOARD_STATS] : [],
    plots: built.specs.map((spec) => tagRunIds(toDashboardPlot(spec))),
    skipped: built.skipped,
    failed: built.failed.map(({ name, error }) => ({ name, error: error.message })),
  };
}
