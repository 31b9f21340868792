import type { MetricResult } from '../metrics/compute.js';
import { formatMoney, isMoneyUnit } from '../metrics/cost-metrics.js';
import { printable } from './printable.js';
import type { ErrorSummaryEntry } from './summary-json.js';

const STAT_COLUMNS = ['avg', 'min', 'max', 'p99', 'p90', 'p50', 'std'] as const;
const HIDDEN = ['no_console', 'error_only', 'experimental'] as const;

/** Thousands separators and 2 decimals (`7,463.28`), as the AIPerf console prints. */
export function formatConsoleNumber(value: number | bigint | undefined): string {
  if (value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return 'N/A';
  return Number(value).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Row label `<header> (<unit>)`, broken before the unit when the header is longer than 30 characters. */
export function consoleLabel(result: Pick<MetricResult, 'header' | 'unit'>): string {
  return result.header.length > 30 ? `${result.header}\n(${result.unit})` : `${result.header} (${result.unit})`;
}

/** A box table in the style of rich's HEAVY_HEAD box; cells may hold several lines. `align` per column. */
export function renderBoxTable(title: string, header: string[], givenRows: string[][], align: Array<'left' | 'right'>): string {
  // Cells may hold what a server sent (error messages): never let it drive the terminal.
  const rows = givenRows.map((row) => row.map(printable));
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((row) => Math.max(...row[c]!.split('\n').map((l) => l.length)))));
  const pad = (text: string, c: number) => (align[c] === 'left' ? text.padEnd(widths[c]!) : text.padStart(widths[c]!));
  const line = (l: string, m: string, r: string, fill: string) => `${l}${widths.map((w) => fill.repeat(w + 2)).join(m)}${r}`;
  const body = (row: string[], edge: string) => {
    const height = Math.max(...row.map((cell) => cell.split('\n').length));
    return Array.from({ length: height }, (_, i) => {
      const cells = row.map((cell, c) => {
        const parts = cell.split('\n');
        // Multi-line cells align to the bottom, the way rich places a wrapped label's unit.
        const text = parts[i - (height - parts.length)] ?? '';
        return ` ${pad(text, c)} `;
      });
      return `${edge}${cells.join(edge)}${edge}`;
    });
  };
  const totalWidth = widths.reduce((a, w) => a + w + 3, 1);
  const titleLine = title.padStart(Math.floor((totalWidth + title.length) / 2));
  return [
    titleLine,
    line('┏', '┳', '┓', '━'),
    ...body(header, '┃'),
    line('┡', '╇', '┩', '━'),
    ...rows.flatMap((row) => body(row, '│')),
    line('└', '┴', '┘', '─'),
  ].join('\n');
}

/** The main metrics table: visible metrics by display order. */
export function renderMetricsTable(results: readonly MetricResult[], title = 'LLM Metrics'): string {
  const visible = results
    .filter((r) => r.displayOrder !== undefined && !HIDDEN.some((flag) => r.flags.includes(flag)))
    .sort((a, b) => a.displayOrder! - b.displayOrder!);
  const rows = visible.map((r) => [
    consoleLabel(r),
    ...STAT_COLUMNS.map((c) => {
      const value = r.stats ? r.stats[c] : c === 'avg' ? r.avg : undefined;
      return isMoneyUnit(r.unit) && typeof value === 'number' ? formatMoney(value) : formatConsoleNumber(value);
    }),
  ]);
  return renderBoxTable(`NVIDIA AIPerf | ${title}`, ['Metric', ...STAT_COLUMNS], rows, ['right', ...STAT_COLUMNS.map(() => 'right' as const)]);
}

/** The error table. */
export function renderErrorTable(errors: readonly ErrorSummaryEntry[]): string {
  const rows = errors.map((e) => [
    e.error_details.code === null ? 'N/A' : String(e.error_details.code),
    e.error_details.type || 'N/A',
    e.error_details.message,
    e.count.toLocaleString('en-US'),
  ]);
  return renderBoxTable('NVIDIA AIPerf | Error Summary', ['Code', 'Type', 'Message', 'Count'], rows, ['right', 'left', 'left', 'right']);
}
