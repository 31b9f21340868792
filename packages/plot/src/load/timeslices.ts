import type { TimesliceRow } from '../types.js';

const HEADER = ['Timeslice', 'Metric', 'Unit', 'Stat', 'Value'];

/** Splits one CSV line, honouring double-quoted cells (metric names may contain commas). */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i]!;
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

/** Parses the tidy timeslice CSV (`Timeslice,Metric,Unit,Stat,Value`); a different header is an error. */
export function parseTimeslicesCsv(text: string): TimesliceRow[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = splitCsvLine(lines[0] ?? '').map((cell) => cell.trim());
  if (header.join(',') !== HEADER.join(',')) {
    throw new Error(`unexpected timeslice CSV header "${header.join(',')}", expected "${HEADER.join(',')}"`);
  }
  const rows: TimesliceRow[] = [];
  for (const line of lines.slice(1)) {
    const [timeslice, metric, unit, stat, value] = splitCsvLine(line);
    const slice = Number(timeslice);
    const number = Number(value);
    if (!Number.isFinite(slice) || value === undefined || value.trim() === '' || !Number.isFinite(number)) continue;
    rows.push({ timeslice: slice, metric: metric ?? '', unit: unit ?? '', stat: stat ?? '', value: number });
  }
  return rows;
}
