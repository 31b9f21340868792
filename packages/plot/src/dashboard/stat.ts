import { KNOWN_STATS, type PlotConfig, type PlotPreset } from '../config/types.js';
import { parseMetricRef } from '../specs/common.js';
import type { RunData } from '../types.js';

// "Quick Apply Stats to All Metrics", pure: every multi-run preset names the chosen statistic, and the plots draw
// the statistic a preset names. A metric without that statistic (request throughput has only an average) keeps
// its reference and its label.

/** The dashboard's stat choices, in the order upstream lists them. */
export const DASHBOARD_STATS = KNOWN_STATS;

const hasStat = (runs: readonly RunData[], metric: string, stat: string): boolean => runs.some((run) => typeof run.metrics[metric]?.[stat] === 'number');

/** The config with every multi-run preset's x and y naming `stat` (for the metrics that have it). */
export function configWithStat(config: PlotConfig, runs: readonly RunData[], stat: string): PlotConfig {
  const restat = (ref: PlotPreset['x']): PlotPreset['x'] => {
    const parsed = parseMetricRef(ref);
    if (!parsed || !hasStat(runs, parsed.metric, stat)) return ref;
    return typeof ref === 'object' ? { ...ref, metric: parsed.metric, stat } : { metric: parsed.metric, stat };
  };
  const presets = Object.fromEntries(
    Object.entries(config.visualization.multi_run_plots).map(([name, preset]) => [
      name,
      { ...preset, ...(preset.x !== undefined ? { x: restat(preset.x) } : {}), ...(preset.y !== undefined ? { y: restat(preset.y) } : {}) },
    ]),
  );
  return { ...config, visualization: { ...config.visualization, multi_run_plots: presets } };
}
