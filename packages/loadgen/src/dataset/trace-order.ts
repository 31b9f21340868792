/**
 * Trace rows in timestamp order. Rows that go back in time (a merged or hand-edited trace) are sorted — stable,
 * rows without a timestamp keep their place at the front — and the warning says how many were out of order.
 */
export function inTimestampOrder<T extends { timestampMs?: number | null }>(rows: readonly T[], path: string, warn: (message: string) => void): T[] {
  let outOfOrder = 0;
  let latest = Number.NEGATIVE_INFINITY;
  for (const row of rows) {
    if (typeof row.timestampMs !== 'number') continue;
    if (row.timestampMs < latest) outOfOrder += 1;
    else latest = row.timestampMs;
  }
  if (outOfOrder === 0) return [...rows];
  warn(`--input-file ${path}: ${outOfOrder} row(s) earlier than a row before them; replaying the trace sorted by timestamp`);
  return [...rows].sort((a, b) => (a.timestampMs ?? Number.NEGATIVE_INFINITY) - (b.timestampMs ?? Number.NEGATIVE_INFINITY));
}
