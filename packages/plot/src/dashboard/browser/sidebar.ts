import type { DashboardPayload } from '../payload.js';
import { EXPORT_SIZES } from './chart.js';
import { byId, el, options } from './dom.js';
import type { PageState } from './state.js';

// The sidebar's cards that follow the payload: hidden plots, runs (multi-run), the statistic for every metric,
// and the export choices.

const STAT_NAMES: Record<string, string> = { p50: 'p50 (Median)', avg: 'Average', min: 'Minimum', max: 'Maximum', std: 'Std Dev' };

export function renderHidden(state: PageState, changed: () => void): void {
  const list = byId('hidden-list');
  const items = state.hidden.map((name) =>
    el('div', { class: 'hidden-plot' }, [
      el('span', { text: name }),
      el('button', {
        text: 'Show',
        onclick: () => {
          state.hidden = state.hidden.filter((n) => n !== name);
          changed();
        },
      }),
    ]),
  );
  list.replaceChildren(...(items.length ? items : [el('p', { class: 'muted', text: 'No hidden plots' })]));
}

export function renderRuns(payload: DashboardPayload, state: PageState, changed: () => void): void {
  byId('runs-card').hidden = payload.mode !== 'multi_run';
  const selected = new Set(payload.runs.filter((run) => run.selected).map((run) => run.id));
  byId('runs-badge').textContent = `${selected.size} selected`;
  const choose = (ids: string[], on: boolean) => {
    for (const id of ids) if (on) selected.add(id);
    else selected.delete(id);
    state.runs = payload.runs.map((run) => run.id).filter((id) => selected.has(id));
    changed();
  };
  const groups = new Map<string, DashboardPayload['runs']>();
  for (const run of payload.runs) groups.set(run.group, [...(groups.get(run.group) ?? []), run]);
  const sections = [...groups].map(([group, runs]) => {
    const all = el('input', { type: 'checkbox', title: `Select all in ${group}`, onchange: (e) => choose(runs.map((r) => r.id), (e.target as HTMLInputElement).checked) });
    all.checked = runs.every((run) => run.selected);
    const items = runs.map((run) => {
      const box = el('input', { type: 'checkbox', value: run.id, onchange: (e) => choose([run.id], (e.target as HTMLInputElement).checked) });
      box.checked = run.selected;
      return el('label', { class: 'run', title: run.runName }, [box, ` ${run.label}`]);
    });
    return el('details', { open: true }, [el('summary', {}, [all, ` ${group} (${runs.length})`]), ...items]);
  });
  byId('runs-list').replaceChildren(...sections);
}

export function renderStat(payload: DashboardPayload): void {
  byId('stat-card').hidden = payload.stats.length === 0;
  const choices = [{ value: '', text: "Each plot's own" }, ...payload.stats.map((stat) => ({ value: stat, text: STAT_NAMES[stat] ?? stat }))];
  options(byId<HTMLSelectElement>('stat-select'), choices, payload.stat ?? '');
}

export function renderExportChoices(state: PageState): void {
  options(byId<HTMLSelectElement>('export-format'), [{ value: 'png', text: 'PNG' }, { value: 'html', text: 'HTML' }], state.exportFormat);
  options(
    byId<HTMLSelectElement>('export-size'),
    Object.entries(EXPORT_SIZES).map(([value, { label }]) => ({ value, text: label })),
    state.exportSize,
  );
  byId<HTMLSelectElement>('export-size').disabled = state.exportFormat !== 'png';
}
