import type { PlotConfig, PlotPreset } from '../config/types.js';
import type { PlotMode, PlotTheme } from '../index.js';
import { buildPlots } from '../specs/build.js';
import { buildMultiRunTable } from '../specs/multi/table.js';
import type { PlotTypeRegistry } from '../specs/registry.js';
import type { ChartSpec } from '../specs/types.js';
import { THEMES, type ThemeColors } from '../theme.js';
import type { RunData } from '../types.js';
import { metricCatalog, type MetricCatalog } from './catalog.js';
import { pointRunIds, runLabel } from './run-details.js';
import { configWithStat, DASHBOARD_STATS } from './stat.js';
import { applyView, type DashboardView } from './view.js';

// Pure: runs + plot config (+ what the page changed) → the JSON the dashboard page draws. Each plot is the PNG
// mode's `ChartSpec`; the page turns it into a chart with the same `toChartConfiguration` and plugins as the PNGs.

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

export interface DashboardPlot {
  name: string;
  title: string;
  spec: ChartSpec;
  /** The preset it was built from; the per-plot statistic pickers edit its x/y. */
  preset: PlotPreset;
  /** Built in the page (`custom_<n>`), not from the plot config. */
  custom: boolean;
  /** Multi-run: per series, per point, the ids of the runs behind it (empty where a point is a mean over runs). */
  runIds?: string[][][];
}

export interface DashboardPayload {
  title: 'AIPerf Dashboard';
  mode: PlotMode;
  theme: PlotTheme;
  colors: ThemeColors;
  runs: DashboardRun[];
  /** Single-run mode: the run analysed. */
  runName: string | null;
  /** Multi-run: the statistic applied to every metric (`null`: each preset's own). */
  stat: string | null;
  /** The statistics the page offers. */
  stats: string[];
  /** What the custom-plot form and the statistic pickers offer. */
  catalog: MetricCatalog;
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
  /** Per-plot presets and custom plots from the page. */
  view?: DashboardView;
  /** Where preset types are looked up (built-ins plus plugins'); default: the built-ins. */
  plotTypes?: PlotTypeRegistry;
}

/** A bad view (an unknown plot name, a bad preset): the message names `plots.<name>`, the value and what is allowed. */
export class DashboardViewError extends Error {
  override name = 'DashboardViewError';
}

/** Builds the page's payload: the enabled (and custom) plots for the selected runs, in the chosen theme. */
export function buildDashboardPayload(runs: readonly RunData[], options: DashboardPayloadOptions): DashboardPayload {
  const selected = new Set(options.selectedRunIds ?? runs.map((_, i) => String(i)));
  const dashboardRuns = runs.map((run, i) => ({
    id: String(i),
    runName: run.runName,
    label: runLabel(run),
    group: run.metadata.model ?? 'unknown model',
    selected: selected.has(String(i)),
  }));
  const multi = options.mode === 'multi_run';
  const stat = multi ? (options.stat ?? null) : null;
  if (stat !== null && !DASHBOARD_STATS.includes(stat)) throw new DashboardViewError(`stat: '${stat}' is not a statistic; allowed: ${DASHBOARD_STATS.join(', ')}`);
  const chosen = multi ? runs.filter((_, i) => selected.has(String(i))) : runs.slice(0, 1);
  const restated = stat ? configWithStat(options.config, chosen, stat) : options.config;
  const applied = applyView(restated, options.mode, options.view ?? { presets: {} }, options.plotTypes);
  if (applied.errors.length > 0) throw new DashboardViewError(applied.errors.join('; '));
  const config = applied.config;
  const presets = multi ? config.visualization.multi_run_plots : config.visualization.single_run_plots;
  const built = chosen.length > 0 ? buildPlots(chosen, { config, theme: options.theme, mode: options.mode, ...(options.plotTypes ? { plotTypes: options.plotTypes } : {}) }) : { specs: [], skipped: [], failed: [] };
  const table = multi ? buildMultiRunTable(chosen, THEMES.light, undefined) : null;
  const idByDir = new Map(runs.map((run, i) => [run.dir, String(i)]));
  const plots = built.specs.map((spec): DashboardPlot => {
    const plot: DashboardPlot = { name: spec.name, title: spec.title, spec, preset: presets[spec.name]!, custom: applied.custom.includes(spec.name) };
    if (table) {
      const ids = spec.series.map(
        (series) => pointRunIds(series.x.map((x, i) => ({ x, y: series.y[i] ?? null })), spec.name, config, table, idByDir) ?? series.x.map(() => []),
      );
      if (ids.some((perSeries) => perSeries.some((list) => list.length > 0))) plot.runIds = ids;
    }
    return plot;
  });
  return {
    title: 'AIPerf Dashboard',
    mode: options.mode,
    theme: options.theme,
    colors: THEMES[options.theme],
    runs: dashboardRuns,
    runName: multi ? null : (runs[0]?.runName ?? null),
    stat,
    stats: multi ? [...DASHBOARD_STATS] : [],
    catalog: metricCatalog(chosen, options.mode),
    plots,
    skipped: built.skipped.map(({ name, reason }) => ({ name, reason })),
    failed: built.failed.map(({ name, error }) => ({ name, error: error.message })),
  };
}
