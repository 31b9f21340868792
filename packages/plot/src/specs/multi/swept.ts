import { type MultiRunRow, SWEEP_COLUMN_PREFIX, SWEEP_VARIANT_COLUMN } from './table.js';

/**
 * For runs written before sweep cells recorded what they varied: the parameters and the multi-run table column
 * holding each (flattened `input_config`).
 */
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

/** The recorded sweep parameters (`sweep.<name>` columns) whose value differs between the runs, in first-seen order. */
function recordedSweptColumns(rows: readonly MultiRunRow[]): Array<readonly [string, string]> {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row).filter((key) => key.startsWith(SWEEP_COLUMN_PREFIX))))];
  return columns.filter((column) => new Set(rows.map((row) => row[column] ?? null)).size > 1).map((column) => [column.slice(SWEEP_COLUMN_PREFIX.length), column] as const);
}

/**
 * The text drawn on a point when the preset labels by concurrency (the default) but the runs swept something
 * else: a named variant's name, else the swept values (`request_rate=20`, or `isl=512, osl=64` for a grid; any
 * setting swept by its YAML path under that path). Null = keep the preset's column (a concurrency sweep, or runs
 * that differ in nothing known).
 */
export function sweptLabel(rows: readonly MultiRunRow[], row: MultiRunRow): string | null {
  if (rows.every((r) => typeof r[SWEEP_VARIANT_COLUMN] === 'string')) return String(row[SWEEP_VARIANT_COLUMN]);
  const recorded = rows.every((r) => SWEEP_VARIANT_COLUMN in r);
  const swept = recorded ? recordedSweptColumns(rows) : sweptColumns(rows);
  if (swept.length === 0 || (swept.length === 1 && swept[0]![0] === 'concurrency')) return null;
  return swept.map(([name, column]) => `${name}=${String(row[column] ?? '–')}`).join(', ');
}
