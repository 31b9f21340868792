import type { PlotPreset, PlotType } from '../../config/types.js';
import type { DashboardPayload } from '../payload.js';
import { byId, el, options } from './dom.js';

// The "+ Create Custom Plot" form: metrics from the payload's catalog (multi-run: any summary metric and its
// statistics; single-run: any per-request metric or GPU field), a plot type, grouping and labels. The preset it
// builds is what a plot config would hold; the server validates and builds it like any other.

const MULTI_TYPES: { value: PlotType; text: string }[] = [
  { value: 'scatter_line', text: 'Scatter + Trend Line' },
  { value: 'pareto', text: 'Pareto Curve' },
  { value: 'latency_throughput_uncertainty', text: 'Uncertainty Scatter' },
];
const SINGLE_TYPES: { value: PlotType; text: string }[] = [
  { value: 'scatter', text: 'Scatter (per request / GPU field over time)' },
  { value: 'scatter_with_percentiles', text: 'Scatter with rolling percentiles' },
  { value: 'percentile_bands', text: 'Percentile Bands Over Time (server metric)' },
];

const field = (label: string, control: HTMLElement) => el('label', {}, [label, control]);

/** Opens the form; `add` receives the preset when the user presses Add. */
export function openCustomPlotForm(payload: DashboardPayload, add: (preset: PlotPreset) => void): void {
  const dialog = byId<HTMLDialogElement>('custom-dialog');
  const multi = payload.mode === 'multi_run';
  const metrics = payload.catalog.metrics.map((m) => ({ value: m.name, text: `${m.label}${m.unit ? ` (${m.unit})` : ''}` }));
  const yMetrics = metrics.filter((m) => !['request_number', 'timestamp', 'concurrency'].includes(m.value));
  const xDefault = multi ? 'request_latency' : 'request_number';
  const yDefault = multi ? 'output_token_throughput' : 'time_to_first_token';
  const pick = (list: { value: string }[], wanted: string) => (list.some((m) => m.value === wanted) ? wanted : (list[0]?.value ?? ''));
  const type = options(el('select', { name: 'type', 'aria-label': 'Plot type' }), multi ? MULTI_TYPES : SINGLE_TYPES, multi ? 'scatter_line' : 'scatter');
  const x = options(el('select', { name: 'x', 'aria-label': 'X metric' }), multi ? metrics : metrics.filter((m) => ['request_number', 'timestamp'].includes(m.value)), multi ? pick(metrics, xDefault) : xDefault);
  const y = options(el('select', { name: 'y', 'aria-label': 'Y metric' }), yMetrics, pick(yMetrics, yDefault));
  const statOf = (metric: string) => payload.catalog.metrics.find((m) => m.name === metric)?.stats ?? [];
  const xStat = el('select', { name: 'x_stat', 'aria-label': 'X statistic' });
  const yStat = el('select', { name: 'y_stat', 'aria-label': 'Y statistic' });
  /** The statistics of the chosen metric; the current choice stays when the new metric has it. */
  const syncStats = (select: HTMLSelectElement, metric: string) => {
    const stats = statOf(metric);
    const keep = stats.includes(select.value) ? select.value : stats.includes('p50') ? 'p50' : (stats[0] ?? '');
    options(select, stats.map((s) => ({ value: s, text: s })), keep);
    select.disabled = stats.length === 0;
  };
  x.addEventListener('change', () => syncStats(xStat, x.value));
  y.addEventListener('change', () => syncStats(yStat, y.value));
  syncStats(xStat, x.value);
  syncStats(yStat, y.value);
  const groups = options(el('select', { name: 'groups', 'aria-label': 'Group by' }), [...payload.catalog.groupBy.map((g) => ({ value: g, text: g })), { value: '', text: 'None (single series)' }], 'model');
  const labels = options(el('select', { name: 'labels', 'aria-label': 'Label by' }), [{ value: '', text: 'None' }, ...payload.catalog.groupBy.map((g) => ({ value: g, text: g }))], 'concurrency');
  const title = el('input', { name: 'title', 'aria-label': 'Title', placeholder: '(automatic)' });
  const ref = (metric: string, stat: string) => (stat ? { metric, stat } : metric);
  const submit = el('button', {
    type: 'submit',
    text: 'Add Plot',
    onclick: (event) => {
      event.preventDefault();
      const preset: PlotPreset = { type: type.value as PlotType, x: ref(x.value, multi ? xStat.value : ''), y: ref(y.value, multi ? yStat.value : '') };
      if (multi && groups.value) preset.groups = [groups.value];
      if (multi && labels.value) preset.labels = [labels.value];
      if (title.value.trim()) preset.title = title.value.trim();
      dialog.close();
      add(preset);
    },
  });
  const cancel = el('button', { type: 'button', text: 'Cancel', onclick: () => dialog.close() });
  const rows = [field('Plot type', type), field('X metric', x), ...(multi ? [field('X statistic', xStat)] : []), field('Y metric', y)];
  if (multi) rows.push(field('Y statistic', yStat), field('Group by', groups), field('Label by', labels));
  rows.push(field('Title', title));
  dialog.replaceChildren(el('h2', { text: `Create Custom Plot (${multi ? 'Multi-Run' : 'Single-Run'})` }), el('form', { method: 'dialog' }, [...rows, el('div', {}, [submit, ' ', cancel])]));
  dialog.showModal();
}
