import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { formatConsoleNumber } from '@aiperf/loadgen';
import { RUN_STATS, summaryMetrics } from '../artifacts/metrics.js';
import { loadRun } from '../artifacts/load-run.js';
import type { LoadedRun } from '../artifacts/types.js';
import { cellLabel } from '../compare/compare.js';
import { aggregateRows } from '../console/aggregate-table.js';
import { SWEEP_COLUMNS, sweepRow } from '../console/sweep-table.js';
import { readJsonFile, readRequestPoints, readRunSummaries } from './run-files.js';
import { errorRows, overTimeCharts, perRunCharts, sweepCharts } from './charts.js';
import type { ReportData, ReportTable } from './types.js';

const STAT_COLUMNS = ['avg', 'min', 'max', 'p99', 'p90', 'p50', 'std'] as const;

/** Every metric block of a run summary as one row (distributions with their stats, scalars with avg only). */
function summaryTable(summary: Record<string, unknown>): ReportTable {
  const table = summaryMetrics(summary);
  const tags = [...new Set([...table.keys()].map((k) => k.slice(0, k.lastIndexOf('.'))))];
  const rows = tags.map((tag) => {
    const unit = table.get(`${tag}.avg`)?.unit ?? [...RUN_STATS].map((s) => table.get(`${tag}.${s}`)?.unit).find(Boolean) ?? null;
    const cell = (stat: string) => {
      const value = table.get(`${tag}.${stat}`)?.value;
      return value === undefined ? '' : formatConsoleNumber(value);
    };
    return [unit ? `${tag} (${unit})` : tag, ...STAT_COLUMNS.map(cell)];
  });
  return { title: 'Metrics', columns: ['Metric', ...STAT_COLUMNS], rows };
}

/** The directory the user means by a results file: the run dir, or the multi-run / sweep root. */
function rootOf(run: LoadedRun): string {
  let dir = dirname(run.source);
  while (run.kind !== 'single' && ['aggregate', 'sweep_aggregate'].includes(basename(dir))) dir = dirname(dir);
  return dir;
}

/** The first run summary found under `dir` (two levels deep), for the configuration of a sweep. */
function firstSummaryUnder(dir: string, depth = 3): Record<string, unknown> | null {
  const own = readJsonFile(join(dir, 'profile_export_aiperf.json'));
  if (own || depth === 0 || !existsSync(dir)) return own;
  for (const entry of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    const found = firstSummaryUnder(join(dir, entry), depth - 1);
    if (found) return found;
  }
  return null;
}

const configText = (summary: Record<string, unknown> | null): string | null =>
  summary && summary.input_config !== undefined ? JSON.stringify(summary.input_config, null, 2) : null;

/** Everything the HTML report shows, read from a run, multi-run or sweep directory. */
export function buildReportData(path: string, now: Date = new Date()): ReportData {
  const run = loadRun(path);
  const root = rootOf(run);
  const base = { title: `aiperf report | ${basename(root)}`, source: root, generatedAt: now.toISOString() };
  if (run.kind === 'single') {
    const summary = readJsonFile(run.source) ?? {};
    return {
      ...base,
      subtitle: 'single run',
      tables: [summaryTable(summary)],
      charts: overTimeCharts(readRequestPoints(run.source)),
      config: configText(summary),
      errors: errorRows([summary]),
    };
  }
  if (run.kind === 'multi') {
    const aggregate = readJsonFile(run.source) ?? {};
    const { columns, rows, title } = aggregateRows(aggregate);
    const runs = readRunSummaries(root);
    return {
      ...base,
      subtitle: `multi-run (${title})`,
      tables: [{ title: 'Aggregate over runs', columns, rows }, ...runs.slice(0, 1).map(() => ({ ...summaryTable(runs[0]!.summary), title: `Metrics of ${runs[0]!.label}` }))],
      charts: perRunCharts(runs),
      config: configText(runs[0]?.summary ?? null),
      errors: errorRows(runs.map((r) => r.summary)),
    };
  }
  const rows = run.cells.map((cell) => sweepRow(cellLabel(cell.parameters), cell.metrics));
  return {
    ...base,
    subtitle: `sweep (${run.cells.length} cells${run.runCount > 1 ? `, ${run.runCount} trials each` : ''})`,
    tables: [{ title: 'Sweep cells', columns: SWEEP_COLUMNS, rows }],
    charts: sweepCharts(run.cells),
    config: configText(firstSummaryUnder(root)),
    errors: [],
  };
}
