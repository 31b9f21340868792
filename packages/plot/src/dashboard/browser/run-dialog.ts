import type { RunDetails } from '../run-details.js';
import { byId, el, toast } from './dom.js';

// "Run Configuration": clicking a comparison's point shows that run's summary metrics and its config as YAML.

export async function showRun(id: string): Promise<void> {
  const run = (await (await fetch(`/api/run?id=${encodeURIComponent(id)}`)).json()) as RunDetails & { error?: string };
  if (run.error) {
    toast(run.error);
    return;
  }
  byId('run-title').textContent = `Run Configuration: ${run.label}`;
  const header = el('tr', {}, ['metric', 'avg', 'p50', 'p90', 'p99', 'unit'].map((h) => el('th', { text: h })));
  const rows = Object.entries(run.metrics).map(([tag, stats]) =>
    el('tr', {}, [
      el('th', { text: tag }),
      ...['avg', 'p50', 'p90', 'p99'].map((s) => el('td', { text: typeof stats[s] === 'number' ? (stats[s] as number).toFixed(2) : '' })),
      el('td', { text: String(stats.unit ?? '') }),
    ]),
  );
  byId('run-summary').replaceChildren(el('p', { text: `${run.runName} (${run.dir})` }), el('table', {}, [header, ...rows]));
  byId('run-config').textContent = run.configYaml;
  byId<HTMLDialogElement>('run-dialog').showModal();
}
