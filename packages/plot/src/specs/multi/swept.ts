import type { MultiRunRow } from './table.js';

/** Sweepable parameters and the multi-run table column holding each (flattened `input_config`). */
const SWEPT_COLUMNS: ReadonlyArray<readonly [name: string, column: string]> = [
  ['concurrency', 'concurrency'],
  ['request_rate', 'loadgen.request_rate'],
  ['isl', 'input.prompt.input_tokens.mean'],
  ['osl', 'input.prompt.output_tokens.mean'],
  ['benchmark_duration', 'loadgen.benchmark_duration'],
  ['request_count', 'loadgen.request_count'],
  ['prefill_concurrency', 'loadgen.prefill_concurrency'],
  ['num_users', 'loadgen.num_users'],
  ['arrival_smoothness', 'loadgen.arrival_smoothness'],
];

/** The parameters whose value differs between the runs (what a sweep varied), in a stable order. */
export function sweptColumns(rows: readonly MultiRunRow[]): Array<readonly [string, string]> {
  return SWEPT_COLUMNS.filter(([, column]) => new Set(rows.map((row) => row[column])).size > 1);
}

/**
 * The text drawn on a point when the preset labels by concurrency (the default) but the runs swept something
 * else: the swept values (`request_rate=20`, or `isl=512, osl=64` for a two-parameter grid). Null = keep the
 * preset's column (a concurrency sweep, or runs that differ in nothing known).
 */
export function sweptLabel(rows: readonly MultiRunRow[], row: MultiRunRow): string | null {
  const swept = sweptColumns(rows);
  if (swept.length === 0 || (swept.length === 1 && swept[0]![0] === 'concurrency')) return null;
  return swept.map(([name, column]) => `${name}=${String(row[column])}`).join(', ');
}
