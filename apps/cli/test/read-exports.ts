// Reading a run's export files back in the CLI end-to-end tests.
import { readFileSync } from 'node:fs';

/** A JSON file (`profile_export_aiperf.json`, `inputs.json`). */
export const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

/** A JSON Lines file (`profile_export.jsonl`): one parsed value per line. */
export const readJsonl = (path: string) =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
