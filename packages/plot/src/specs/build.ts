import { classifyExperiment, experimentGroup } from '../classify.js';
import { PLOT_TYPES, type PlotConfig } from '../config/types.js';
import type { PlotMode, PlotTheme } from '../index.js';
import { THEMES } from '../theme.js';
import type { RunData } from '../types.js';
import { buildMultiRunTable } from './multi/table.js';
import { getPlotType, type PlotTypeRegistry } from './registry.js';
import type { ChartSpec } from './types.js';

export interface BuildPlotsOptions {
  config: PlotConfig;
  theme?: PlotTheme;
  /** Default: single_run for one run, multi_run for more. */
  mode?: PlotMode;
  /** Where preset types are looked up (built-ins plus plugins'); default: the built-ins. */
  plotTypes?: PlotTypeRegistry;
}

export interface BuildPlotsResult {
  mode: PlotMode;
  specs: ChartSpec[];
  /** Plots not drawn; `dataAbsent` when the runs simply lack that kind of data (no timeslices, no GPU telemetry). */
  skipped: { name: string; reason: string; dataAbsent?: boolean }[];
  /** Plots that failed (a bad preset, an unknown Pareto direction…); the others are still built. */
  failed: { name: string; error: Error }[];
}

/** Pure: turns loaded runs and a plot config into chart specs, one per enabled preset with data. */
export function buildPlots(runs: readonly RunData[], options: BuildPlotsOptions): BuildPlotsResult {
  const mode = options.mode ?? (runs.length === 1 ? 'single_run' : 'multi_run');
  const theme = THEMES[options.theme ?? 'light'];
  const visualization = options.config.visualization;
  const names = mode === 'single_run' ? visualization.single_run_defaults : visualization.multi_run_defaults;
  const presets = mode === 'single_run' ? visualization.single_run_plots : visualization.multi_run_plots;
  const classification = options.config.experiment_classification;
  const table =
    mode === 'multi_run'
      ? buildMultiRunTable(
          runs.map((run) => ({
            ...run,
            experimentType: classifyExperiment(run.dir, classification),
            experimentGroup: experimentGroup(run.dir, classification),
          })),
          theme,
          classification,
        )
      : null;
  const result: BuildPlotsResult = { mode, specs: [], skipped: [], failed: [] };
  for (const name of names) {
    const preset = presets[name];
    try {
      if (!preset) throw new Error(`plot '${name}' is listed in ${mode}_defaults but not defined in ${mode}_plots`);
      const definition = getPlotType(preset.type, options.plotTypes);
      if (!definition) {
        const known = (options.plotTypes?.names() ?? [...PLOT_TYPES]).join(', ');
        throw new Error(`${mode}_plots.${name}.type: '${preset.type}' is not a registered plot type; known: ${known}`);
      }
      const frame = { name, preset, mode, theme };
      const outcome =
        mode === 'single_run' ? definition?.buildSingleRun?.({ ...frame, run: runs[0]! }) : definition?.buildMultiRun?.({ ...frame, table: table! });
      if (!outcome) {
        result.skipped.push({ name, reason: `plot type '${preset.type}' has no ${mode.replace('_', '-')} form` });
        continue;
      }
      if ('skip' in outcome) result.skipped.push({ name, reason: outcome.skip, ...(outcome.dataAbsent ? { dataAbsent: true } : {}) });
      else result.specs.push(outcome.spec);
    } catch (error) {
      result.failed.push({ name, error: error as Error });
    }
  }
  return result;
}
