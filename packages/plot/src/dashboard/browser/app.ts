import { Chart, type ActiveElement, type ChartEvent } from 'chart.js';
import type { PlotTheme } from '../../index.js';
import type { SeriesSpec } from '../../specs/types.js';
import { THEMES } from '../../theme.js';
import type { DashboardPayload, DashboardPlot } from '../payload.js';
import { card } from './cards.js';
import { liveChartConfig } from './chart.js';
import { openCustomPlotForm } from './custom-plot.js';
import { byId, download, el, toast } from './dom.js';
import { exportView } from './export.js';
import { showRun } from './run-dialog.js';
import { renderExportChoices, renderHidden, renderRuns, renderStat } from './sidebar.js';
import { loadState, type PageState, resetLayout, saveState } from './state.js';

// The dashboard page: fetches the payload for the current theme, runs, statistic and page-made presets, draws
// one card per plot with the shared chart configuration, and keeps the layout in session storage.

const charts = new Map<string, Chart>();
let payload: DashboardPayload | null = null;
let state: PageState;

/** The theme's colours as CSS variables (set through the CSSOM, which a strict CSP allows). */
function applyTheme(theme: PlotTheme): void {
  const colors = THEMES[theme];
  document.body.dataset.theme = theme;
  const style = document.body.style;
  style.setProperty('--paper', colors.paper);
  style.setProperty('--text', colors.text);
  style.setProperty('--grid', colors.grid);
  style.setProperty('--card', theme === 'dark' ? '#252525' : '#f7f7f7');
  style.setProperty('--accent', colors.primary);
  byId<HTMLInputElement>('dark-switch').checked = theme === 'dark';
}

async function refresh(): Promise<void> {
  const params = new URLSearchParams({ theme: state.theme });
  if (state.runs) params.set('runs', state.runs.join(','));
  if (state.stat) params.set('stat', state.stat);
  if (Object.keys(state.presets).length > 0) params.set('plots', JSON.stringify(state.presets));
  try {
    const res = await fetch(`/api/dashboard.json?${params}`);
    const body = (await res.json()) as DashboardPayload & { error?: string };
    if (!res.ok) {
      toast(body.error ?? 'Failed to load plots');
      return;
    }
    payload = body;
    render();
  } catch (error) {
    toast(`Failed to load plots: ${(error as Error).message}`);
  }
}

function changed(refetch: boolean): void {
  saveState(state);
  if (refetch) void refresh();
  else render();
}

function onPointClick(plot: DashboardPlot) {
  return (_event: ChartEvent, elements: ActiveElement[], chart: Chart) => {
    const hit = elements[0];
    if (!hit || !plot.runIds) return;
    const series = (chart.data.datasets[hit.datasetIndex] as { aiperfSeries?: SeriesSpec }).aiperfSeries;
    const ids = series ? plot.runIds[plot.spec.series.indexOf(series)]?.[hit.index] : undefined;
    if (ids?.length) void showRun(ids[0]!);
  };
}

function render(): void {
  if (!payload) return;
  applyTheme(payload.theme);
  const runCount = payload.runs.length;
  byId('mode').textContent = payload.mode === 'multi_run' ? `Mode: multi-run (${runCount} runs)` : 'Mode: single-run';
  byId('subtitle').textContent =
    payload.mode === 'single_run' ? `Analyzing run: ${payload.runName}` : `Comparing ${payload.runs.filter((r) => r.selected).length} of ${runCount} runs`;
  for (const chart of charts.values()) chart.destroy();
  charts.clear();
  const grid = byId('grid');
  grid.replaceChildren();
  for (const plot of payload.plots.filter((p) => !state.hidden.includes(p.name))) {
    const built = card(plot, payload, state, { changed, downloadPng: (name) => download(`${name}.png`, charts.get(name)!.toBase64Image('image/png', 1)) });
    grid.append(built.node);
    const config = liveChartConfig(plot.spec, { logScale: state.log[plot.name] ?? 'none', compact: !state.wide.includes(plot.name) });
    config.options!.onClick = onPointClick(plot);
    charts.set(plot.name, new Chart(built.canvas, config));
  }
  grid.append(
    el('div', { class: 'add-tile' }, [
      el('button', {
        id: 'add-custom',
        text: `+ Create Custom Plot (${payload.mode === 'multi_run' ? 'Multi-Run' : 'Single-Run'})`,
        onclick: () =>
          openCustomPlotForm(payload!, (preset) => {
            state.presets[`custom_${state.nextCustom++}`] = preset;
            changed(true);
          }),
      }),
    ]),
  );
  byId('skipped').textContent = payload.skipped.length ? `Not shown (no data): ${payload.skipped.map((s) => `${s.name} (${s.reason})`).join('; ')}` : '';
  for (const failure of payload.failed) toast(`Failed to generate ${failure.name}: ${failure.error}`);
  renderHidden(state, () => changed(false));
  renderRuns(payload, state, () => changed(true));
  renderStat(payload);
  renderExportChoices(state);
}

async function exportVisible(): Promise<void> {
  if (!payload) return;
  const items = payload.plots.filter((p) => !state.hidden.includes(p.name)).map((p) => ({ name: p.name, spec: p.spec, logScale: state.log[p.name] ?? 'none' }));
  const { name, zip } = await exportView(items, state.exportFormat, state.exportSize);
  download(name, new Blob([zip as BlobPart], { type: 'application/zip' }));
}

function setSidebar(open: boolean): void {
  state.sidebar = open;
  byId('sidebar').hidden = !open;
  saveState(state);
}

/** Wires the static page (from `dashboardHtml`) and loads the first payload. */
export function startDashboardPage(script: HTMLScriptElement): void {
  state = loadState(script.dataset.version ?? '', (script.dataset.theme as PlotTheme) ?? 'light');
  applyTheme(state.theme);
  setSidebar(state.sidebar);
  byId('menu').addEventListener('click', () => setSidebar(byId('sidebar').hidden));
  byId('dark-switch').addEventListener('change', (e) => {
    state.theme = (e.target as HTMLInputElement).checked ? 'dark' : 'light';
    changed(true);
  });
  byId('run-close').addEventListener('click', () => byId<HTMLDialogElement>('run-dialog').close());
  byId('stat-select').addEventListener('change', (e) => {
    state.stat = (e.target as HTMLSelectElement).value || null;
    // The statistic for every metric replaces the ones picked per plot.
    for (const name of Object.keys(state.presets)) if (!name.startsWith('custom_')) delete state.presets[name];
    changed(true);
  });
  byId('reset-layout').addEventListener('click', () => {
    resetLayout(state);
    changed(true);
  });
  byId('export-format').addEventListener('change', (e) => {
    state.exportFormat = (e.target as HTMLSelectElement).value as PageState['exportFormat'];
    changed(false);
  });
  byId('export-size').addEventListener('change', (e) => {
    state.exportSize = (e.target as HTMLSelectElement).value as PageState['exportSize'];
    saveState(state);
  });
  byId('export-visible').addEventListener('click', () => {
    exportVisible().catch((error: Error) => toast(`Export failed: ${error.message}`));
  });
  // A handle for debugging and the browser tests: the live charts by plot name.
  (window as unknown as { aiperfDashboard: unknown }).aiperfDashboard = { charts, payload: () => payload };
  void refresh();
}
