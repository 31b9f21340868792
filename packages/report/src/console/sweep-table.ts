import { formatConsoleNumber, renderBoxTable } from '@aiperf/loadgen';
import { summaryMetrics } from '../artifacts/metrics.js';
import type { MetricTable } from '../artifacts/types.js';

/** One finished sweep cell: its label (`concurrency=4`, or with the trial) and its run summary. */
export interface SweepTableCell {
  label: string;
  /** profile_export_aiperf.json of the run, or null when the run failed. */
  summary: Record<string, unknown> | null;
  error?: string | null;
}

const COLUMNS = [
  ['Req/s', 'request_throughput.avg'],
  ['Out tok/s', 'output_token_throughput.avg'],
  ['TTFT avg ms', 'time_to_first_token.avg'],
  ['TTFT p99 ms', 'time_to_first_token.p99'],
  ['ITL avg ms', 'inter_token_latency.avg'],
  ['Latency p99 ms', 'request_latency.p99'],
  ['Errors', 'error_request_count.avg'],
] as const;

export const SWEEP_COLUMNS = ['Cell', ...COLUMNS.map(([header]) => header)];

/** One sweep row from a cell's metrics (`null`: the cell failed). */
export function sweepRow(label: string, table: MetricTable | null, error?: string | null): string[] {
  if (table === null) return [label, ...COLUMNS.map((_, i) => (i === 0 ? `failed: ${error ?? 'no result'}` : ''))];
  return [label, ...COLUMNS.map(([, key]) => {
    const value = table.get(key)?.value;
    return key.startsWith('error_') ? String(value ?? 0) : formatConsoleNumber(value);
  })];
}

/** The sweep so far, one row per finished cell (pure); printed again as each cell finishes. */
export function renderSweepTable(cells: readonly SweepTableCell[], totalCells: number): string {
  const rows = cells.map((cell) => sweepRow(cell.label, cell.summary === null ? null : summaryMetrics(cell.summary), cell.error));
  return renderBoxTable(`NVIDIA AIPerf | Sweep (${cells.length}/${totalCells} cells done)`, SWEEP_COLUMNS, rows, ['left', ...COLUMNS.map(() => 'right' as const)]);
}
