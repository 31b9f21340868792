import type { PlotPreset } from '../../config/types.js';
import type { PlotTheme } from '../../index.js';

// The page's layout, kept in session storage until the server restarts (a new server version starts fresh).

export type LogScale = 'none' | 'x' | 'y' | 'both';

export interface PageState {
  version: string;
  theme: PlotTheme;
  hidden: string[];
  wide: string[];
  log: Record<string, LogScale>;
  /** Multi-run: ids of the selected runs (null: all). */
  runs: string[] | null;
  /** Multi-run: the statistic applied to every metric (null: each preset's own). */
  stat: string | null;
  /** Presets changed in the page (a statistic picked for one plot) and custom plots (`custom_<n>`). */
  presets: Record<string, PlotPreset>;
  nextCustom: number;
  sidebar: boolean;
  exportFormat: 'png' | 'html';
  exportSize: 'small' | 'medium' | 'large';
}

const STORAGE_KEY = 'aiperf-dashboard';

export function loadState(version: string, theme: PlotTheme): PageState {
  const fresh: PageState = {
    version,
    theme,
    hidden: [],
    wide: [],
    log: {},
    runs: null,
    stat: null,
    presets: {},
    nextCustom: 1,
    sidebar: false,
    exportFormat: 'png',
    exportSize: 'medium',
  };
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as PageState | null;
    if (saved && saved.version === version) return { ...fresh, ...saved };
  } catch {
    // Storage unavailable or corrupt: start fresh.
  }
  return fresh;
}

export function saveState(state: PageState): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(state));
  } catch {
    // Storage unavailable (private mode): the layout just does not survive a reload.
  }
}

/** Back to the configured plots: no hidden or widened cards, no log scales, no picked statistics, no custom plots. */
export function resetLayout(state: PageState): void {
  Object.assign(state, { hidden: [], wide: [], log: {}, runs: null, stat: null, presets: {}, nextCustom: 1 });
}
