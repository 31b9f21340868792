import { formatConsoleNumber, renderBoxTable } from '@aiperf/loadgen';
import { summaryMetrics } from '../artifacts/metrics.js';

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

/** The sweep so far, one row per finished cell (pure); printed again as each cell finishes. */
export function renderSweepTable(cells: readonly SweepTableCell[], totalCells: number): string {
  const rows = cells.map((cell) => {
    if (cell.summary === null) return [cell.label, ...COLUMNS.map((_, i) => (i === 0 ? `failed: ${cell.error ?? 'no result'}` : ''))];
    const table = summaryMetrics(cell.summary);
    return [cell.label, ...COLUMNS.map(([, key]) => {
      const value = table.get(key)?.value;
      return key.startsWith('error_') ? String(value ?? 0) : formatConsoleNumber(value);
    })];
  });
  return renderBoxTable(
    `NVIDIA AIPerf | Sweep (${cells.length}/${totalCells} cells done)`,
    ['Cell', ...COLUMNS.map(([header]) => header)],
    rows,
    ['left', ...COLUMNS.map(() => 'right' as const)],
  );
}
