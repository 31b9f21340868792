import type { PlotPreset } from '../../config/types.js';
import { parseMetricRef } from '../../specs/common.js';
import type { DashboardPayload, DashboardPlot } from '../payload.js';
import { el, options } from './dom.js';
import type { LogScale, PageState } from './state.js';

// One plot card: name, per-plot statistic pickers (multi-run), log scale, width, PNG, hide (and remove, for a
// custom plot), and the canvas. Actions go back to the page through `CardActions`.

export interface CardActions {
  /** Persists the state and rebuilds the cards (`refetch`: the payload must be fetched again). */
  changed(refetch: boolean): void;
  downloadPng(name: string): void;
}

const STAT_NAMES: Record<string, string> = { p50: 'p50 (Median)', avg: 'Average', min: 'Minimum', max: 'Maximum', std: 'Std Dev' };

/** A select choosing the statistic of one axis; changing it stores a preset for this plot and refetches. */
function statPicker(plot: DashboardPlot, axis: 'x' | 'y', payload: DashboardPayload, state: PageState, actions: CardActions): HTMLElement | null {
  const ref = parseMetricRef(plot.preset[axis], axis === 'y' ? plot.preset.stat : undefined);
  const metric = ref && payload.catalog.metrics.find((m) => m.name === ref.metric);
  if (!ref || !metric || metric.stats.length < 2) return null;
  const select = el('select', {
    'aria-label': `${axis.toUpperCase()} statistic of ${plot.name}`,
    'data-stat-axis': axis,
    onchange: (event) => {
      const stat = (event.target as HTMLSelectElement).value;
      const preset: PlotPreset = { ...plot.preset, [axis]: { metric: ref.metric, stat } };
      state.presets[plot.name] = preset;
      actions.changed(true);
    },
  });
  const current = ref.stat && metric.stats.includes(ref.stat) ? ref.stat : metric.stats.includes('p50') ? 'p50' : metric.stats[0]!;
  options(select, metric.stats.map((stat) => ({ value: stat, text: `${axis.toUpperCase()}: ${STAT_NAMES[stat] ?? stat}` })), current);
  return select;
}

export function card(plot: DashboardPlot, payload: DashboardPayload, state: PageState, actions: CardActions): { node: HTMLElement; canvas: HTMLCanvasElement } {
  const wide = state.wide.includes(plot.name);
  const scale = state.log[plot.name] ?? 'none';
  const logSelect = el('select', {
    title: 'Log scale',
    'aria-label': `Log scale of ${plot.name}`,
    onchange: (event) => {
      state.log[plot.name] = (event.target as HTMLSelectElement).value as LogScale;
      actions.changed(false);
    },
  });
  options(logSelect, (['none', 'x', 'y', 'both'] as const).map((v) => ({ value: v, text: v === 'none' ? 'Linear' : `Log ${v.toUpperCase()}` })), scale);
  const pickers = payload.mode === 'multi_run' ? [statPicker(plot, 'x', payload, state, actions), statPicker(plot, 'y', payload, state, actions)] : [];
  const canvas = el('canvas', { 'aria-label': plot.title, role: 'img' });
  const buttons = [
    el('button', {
      title: wide ? 'Half width' : 'Full width',
      text: wide ? '↔ Half' : '↔ Full',
      onclick: () => {
        state.wide = wide ? state.wide.filter((n) => n !== plot.name) : [...state.wide, plot.name];
        actions.changed(false);
      },
    }),
    el('button', { title: 'Download PNG', text: 'PNG', onclick: () => actions.downloadPng(plot.name) }),
    el('button', {
      title: 'Hide plot',
      class: 'hide',
      text: 'Hide',
      onclick: () => {
        state.hidden.push(plot.name);
        actions.changed(false);
      },
    }),
    ...(plot.custom
      ? [
          el('button', {
            title: 'Remove this custom plot',
            class: 'remove',
            text: 'Remove',
            onclick: () => {
              delete state.presets[plot.name];
              actions.changed(true);
            },
          }),
        ]
      : []),
  ];
  const head = el('div', { class: 'card-head' }, [el('span', { class: 'plot-name', text: plot.name }), ...pickers.filter((p): p is HTMLElement => p !== null), logSelect, ...buttons]);
  const node = el('section', { class: `plot-card${wide ? ' wide' : ''}`, 'data-plot': plot.name }, [head, el('div', { class: 'canvas-box' }, [canvas])]);
  return { node, canvas };
}
