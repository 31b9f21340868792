// @aiperf/plot: reads aiperf artifacts and renders the plot catalogue to PNG (chart.js on @napi-rs/canvas).
// Loading (I/O) → plot specs (pure data) → rendering (canvas) are separate steps, each exported.
import type { PlotTypeRegistry } from './specs/registry.js';

export type PlotTheme = 'light' | 'dark';
export type PlotMode = 'single_run' | 'multi_run';

export interface PlotOptions {
  /** Run directories or parents of run directories; default `['./artifacts']`. */
  paths: string[];
  /** Default: `<first path>/plots`. */
  outputDir?: string;
  theme?: PlotTheme;
  /** Explicit plot config YAML (highest priority). */
  configPath?: string;
  /** Write `~/.aiperf/plot_config.yaml` (with a guide) when it does not exist yet; the CLI opts in. Default false. */
  createUserConfig?: boolean;
  verbose?: boolean;
  /** Console lines (`Using config: …`, `Saved N plots to: …`); default: none. */
  log?: (line: string) => void;
  /** Also write `<name>.svg` next to each PNG. */
  svg?: boolean;
  /** Plot types presets may name (built-ins plus plugins'); default: the built-ins. */
  plotTypes?: PlotTypeRegistry;
}

export interface PlotResult {
  mode: PlotMode;
  outputDir: string;
  logPath: string;
  /** PNGs written (one per plot). */
  files: string[];
  /** SVGs written when `svg` was set. */
  svgFiles?: string[];
  skipped: { name: string; reason: string }[];
}

export { plot, resolveOutputDir } from './plot.js';

export { detectMode, isRunDirectory, PlotInputError } from './load/discover.js';
export type { DetectedRuns } from './load/discover.js';
export { loadRun } from './load/load-run.js';
export type { LoadRunOptions } from './load/load-run.js';
export { loadRuns } from './load/load-runs.js';
export type { LoadRunsResult } from './load/load-runs.js';
export { RUN_FILES } from './load/files.js';
export type { GpuSample, MetricStats, RunData, RunMetadata, RunRequests, TimesliceRow, ExperimentType } from './types.js';

export { parsePlotConfig } from './config/parse.js';
export type { PlotConfigParseResult } from './config/parse.js';
export {
  defaultPlotConfig,
  loadPlotConfigFile,
  PlotConfigError,
  resolvePlotConfig,
  serializePlotConfig,
  userConfigPath,
  writeMaterializedPlotConfig,
} from './config/resolve.js';
export type { PlotConfigSource, ResolvedPlotConfig } from './config/resolve.js';
export { DEFAULT_PLOT_CONFIG_YAML } from './config/default-config.js';
export { plotConfigJsonSchema } from './config/schema.js';
export { PLOT_TYPES } from './config/types.js';
export type { ExperimentClassification, MetricRef, PlotConfig, PlotPreset, PlotType } from './config/types.js';

export { buildPlots } from './specs/build.js';
export type { BuildPlotsOptions, BuildPlotsResult } from './specs/build.js';
export type { PlotTypeRegistry } from './specs/registry.js';
export { builtinPlotTypes, createPlotTypeRegistry, getPlotType, listPlotTypes } from './specs/registry.js';
export type { PlotTypeDefinition, SingleRunContext, MultiRunContext } from './specs/plot-type.js';
export type { AxisSpec, ChartSpec, SeriesSpec, SpecResult } from './specs/types.js';
export { renderPng } from './render/png.js';
export { toChartConfiguration } from './render/chart-config.js';
export { renderSvg } from './render/svg.js';

export { classifyExperiment, experimentGroup } from './classify.js';
export { dispersedThroughput } from './algorithms/dispersed-throughput.js';
export type { DispersedThroughput, DispersedThroughputInput } from './algorithms/dispersed-throughput.js';
export { paretoFrontier, lowerIsBetter } from './algorithms/pareto.js';
export { THEMES, NVIDIA_GREEN, BASELINE_GREY } from './theme.js';
export type { ThemeColors } from './theme.js';

export { startDashboard, DashboardPortError } from './dashboard/server.js';
export type { DashboardOptions, DashboardServer } from './dashboard/server.js';
export { buildDashboardPayload, DashboardViewError } from './dashboard/payload.js';
export { runDetails, runLabel } from './dashboard/run-details.js';
export type { RunDetails } from './dashboard/run-details.js';
export type { DashboardPayload, DashboardPayloadOptions, DashboardPlot, DashboardRun } from './dashboard/payload.js';
export type { DashboardView } from './dashboard/view.js';
export type { CatalogMetric, MetricCatalog } from './dashboard/catalog.js';
export { dashboardHtml } from './dashboard/page.js';
