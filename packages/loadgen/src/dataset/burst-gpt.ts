import { readFileSync } from 'node:fs';
import { ProfileConfigError } from '../errors.js';
import type { DatasetLoader } from './loader.js';
import type { TraceEntry } from './mooncake.js';
import { traceEntriesToPrompts } from './trace-prompts.js';

const COLUMNS = { timestamp: 'Timestamp', request: 'Request tokens', response: 'Response tokens' } as const;

/**
 * A BurstGPT CSV (`Timestamp,Model,Request tokens,Response tokens,Total tokens,Log Type`, timestamps in seconds):
 * one request per row, its prompt synthesized to the row's request tokens, asking for its response tokens. The
 * columns are found by name; other columns are ignored. A plain split on commas suffices: the format's fields are
 * numbers and model names without commas (a quoted field is refused by name, not misread).
 */
function readBurstGpt(path: string): TraceEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new ProfileConfigError(`--input-file: cannot read "${path}" (${(cause as Error).message})`, { cause });
  }
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim());
  if (header.length === 1 && header[0] === '') throw new ProfileConfigError(`--input-file ${path}: the file is empty; expected a BurstGPT CSV with a header row`);
  const index = Object.fromEntries(Object.entries(COLUMNS).map(([key, name]) => [key, header.indexOf(name)])) as Record<keyof typeof COLUMNS, number>;
  const missing = Object.entries(COLUMNS).filter(([key]) => index[key as keyof typeof COLUMNS] < 0).map(([, name]) => `"${name}"`);
  if (missing.length > 0) throw new ProfileConfigError(`--input-file ${path}:1: the header lacks ${missing.join(', ')}; expected the BurstGPT columns ${Object.values(COLUMNS).join(', ')}`);
  const rows: TraceEntry[] = [];
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `--input-file ${path}:${i + 2}`;
    if (line.includes('"')) throw new ProfileConfigError(`${where}: quoted fields are not part of the BurstGPT format`);
    const cells = line.split(',');
    const number = (key: keyof typeof COLUMNS, min: number) => {
      const raw = cells[index[key]]?.trim() ?? '';
      const value = Number(raw);
      if (raw === '' || !Number.isFinite(value) || value < min) throw new ProfileConfigError(`${where}: "${COLUMNS[key]}" is ${JSON.stringify(raw)}; allowed: a number ≥ ${min}`);
      return value;
    };
    const timestampS = number('timestamp', 0);
    const inputLength = Math.round(number('request', 1));
    const response = Math.round(number('response', 0));
    rows.push({ timestampMs: timestampS * 1000, inputLength, outputLength: response > 0 ? response : null, hashIds: null });
  });
  if (rows.length === 0) throw new ProfileConfigError(`--input-file ${path}: the CSV has a header but no rows`);
  return rows;
}

export const burstGptTraceLoader: DatasetLoader = {
  name: 'burst_gpt_trace',
  description: 'BurstGPT CSV: Timestamp (s), Request tokens, Response tokens per row (replay with --fixed-schedule)',
  timestamped: true,
  load: (context) => traceEntriesToPrompts(context, readBurstGpt(context.path), 512),
};
