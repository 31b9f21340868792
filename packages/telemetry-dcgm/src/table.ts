// A box-drawn table in the style of the main AIPerf console tables (rich's heavy-head box). Pure.

export interface TableSpec {
  title: string;
  headers: readonly string[];
  /** Cells as already-formatted text; the first column is right-aligned like every other. */
  rows: readonly (readonly string[])[];
}

export function renderTable(table: TableSpec): string {
  const widths = table.headers.map((header, column) =>
    Math.max(header.length, ...table.rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (left: string, fill: string, join: string, right: string): string =>
    `${left}${widths.map((width) => fill.repeat(width + 2)).join(join)}${right}`;
  const cells = (values: readonly string[], edge: string, join: string): string =>
    `${edge}${widths.map((width, column) => ` ${(values[column] ?? '').padStart(width)} `).join(join)}${edge}`;
  const totalWidth = widths.reduce((sum, width) => sum + width + 3, 1);
  const titlePad = Math.max(0, Math.floor((totalWidth - table.title.length) / 2));
  return [
    `${' '.repeat(titlePad)}${table.title}`,
    line('┏', '━', '┳', '┓'),
    cells(table.headers, '┃', '┃'),
    line('┡', '━', '╇', '┩'),
    ...table.rows.map((row) => cells(row, '│', '│')),
    line('└', '─', '┴', '┘'),
  ].join('\n');
}

/** Thousands separators and two decimals (`7,463.28`); `N/A` when missing. */
export function formatStat(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return 'N/A';
  return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
