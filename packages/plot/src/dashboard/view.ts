import { validatePreset } from '../config/preset-rules.js';
import type { PlotConfig, PlotPreset } from '../config/types.js';
import type { PlotMode } from '../index.js';
import { getPlotType, type PlotTypeRegistry } from '../specs/registry.js';
import { PLOT_TYPES } from '../config/types.js';

// What the page changed (pure): per-plot presets (a statistic picked for one plot) and custom plots built in
// the page. Sent as JSON in the payload query, validated with the config file's own rules, applied on top of
// the plot config so the server builds them exactly like the presets of a file.

export interface DashboardView {
  /** Preset per plot name: replaces a configured preset, or adds a custom plot (drawn after the configured ones). */
  presets: Record<string, unknown>;
}

/** Custom plots are named `custom_<n>` by the page; any other name must be a configured plot. */
export const CUSTOM_PLOT_NAME = /^custom_\d{1,6}$/;

export interface AppliedView {
  config: PlotConfig;
  /** Names of the custom plots, in the order given. */
  custom: string[];
  errors: string[];
}

/** The config with the view's presets applied; errors name `plots.<name>.<key>`, the bad value and what is allowed. */
export function applyView(config: PlotConfig, mode: PlotMode, view: DashboardView, plotTypes?: PlotTypeRegistry): AppliedView {
  const errors: string[] = [];
  const kind = mode === 'single_run' ? 'single_run' : 'multi_run';
  const presets: Record<string, PlotPreset> = { ...config.visualization[`${kind}_plots`] };
  const defaults = [...config.visualization[`${kind}_defaults`]];
  const custom: string[] = [];
  for (const [name, raw] of Object.entries(view.presets)) {
    const isCustom = CUSTOM_PLOT_NAME.test(name);
    if (!isCustom && !defaults.includes(name)) {
      errors.push(`plots.${name}: not a plot of this dashboard; allowed: ${defaults.join(', ')} or custom_<n>`);
      continue;
    }
    // The page's presets are checked here, not when drawn: an unknown type is the page's error (400), not a skip.
    const type = (raw as { type?: unknown } | null)?.type;
    if (typeof type === 'string' && type.length > 0 && !getPlotType(type, plotTypes)) {
      const known = (plotTypes?.names() ?? [...PLOT_TYPES]).join(', ');
      errors.push(`plots.${name}.type: '${type}' is not a registered plot type; known: ${known}`);
      continue;
    }
    const preset = validatePreset(raw, `plots.${name}`, errors);
    if (!preset) continue;
    presets[name] = preset;
    if (isCustom) {
      custom.push(name);
      defaults.push(name);
    }
  }
  const visualization = { ...config.visualization, [`${kind}_plots`]: presets, [`${kind}_defaults`]: defaults };
  return { config: { ...config, visualization }, custom, errors };
}
