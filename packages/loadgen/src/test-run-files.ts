// Test helper: a run's export files read back from its artifact dir.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonWithBigInt } from './export/json-text.js';

/** The run summary, `profile_export_aiperf.json`. */
export const readSummary = (dir: string) => JSON.parse(readFileSync(join(dir, 'profile_export_aiperf.json'), 'utf8'));

/** The per-request records, `profile_export.jsonl`, big integers (epoch ns) kept exact; none for an empty file. */
export const readRecords = (dir: string): Array<Record<string, any>> =>
  readFileSync(join(dir, 'profile_export.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => parseJsonWithBigInt(line) as Record<string, any>);
