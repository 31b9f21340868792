import { readFileSync } from 'node:fs';
import { ProfileConfigError } from '../errors.js';
import type { DatasetEntry, DatasetLoader } from './loader.js';

const readText = (path: string): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    throw new ProfileConfigError(`--input-file: cannot read "${path}" (${(cause as Error).message})`, { cause });
  }
};

/** The records of a ShareGPT file: the public JSON array, or one record per line (JSONL). */
function readRecords(path: string): Array<{ value: unknown; where: string }> {
  const text = readText(path);
  if (text.trim() === '') throw new ProfileConfigError(`--input-file ${path}: the file is empty; expected a ShareGPT JSON array of {"conversations": [...]}`);
  if (text.trimStart().startsWith('[')) {
    let records: unknown[];
    try {
      records = JSON.parse(text) as unknown[];
    } catch (cause) {
      throw new ProfileConfigError(`--input-file ${path}: not valid JSON (${(cause as Error).message})`, { cause });
    }
    return records.map((value, i) => ({ value, where: `--input-file ${path}: record ${i + 1}` }));
  }
  return text.split('\n').flatMap((line, i) => {
    if (line.trim() === '') return [];
    try {
      return [{ value: JSON.parse(line) as unknown, where: `--input-file ${path}:${i + 1}` }];
    } catch (cause) {
      throw new ProfileConfigError(`--input-file ${path}:${i + 1}: not valid JSON`, { cause });
    }
  });
}

/**
 * ShareGPT (`[{"id", "conversations": [{"from": "human" | "gpt", "value"}]}]`), read from a local file: each
 * conversation becomes a session of its human turns, each asking for as many tokens as the recorded reply had.
 * Conversations without a human turn followed by a reply are skipped (counted in a warning), as AIPerf does.
 */
export const shareGptLoader: DatasetLoader = {
  name: 'sharegpt',
  description: 'ShareGPT JSON (array or JSONL) of {"conversations": [{"from": "human"|"gpt", "value"}]}',
  load({ path, tokenizer, warn }) {
    let skipped = 0;
    const entries = readRecords(path).flatMap(({ value, where }): DatasetEntry[] => {
      const turns = (value as { conversations?: unknown } | null)?.conversations;
      if (!Array.isArray(turns)) throw new ProfileConfigError(`${where}: "conversations" is ${JSON.stringify(turns)}; expected an array of {"from", "value"}`);
      const pairs: Array<{ text: string; outputLength: number }> = [];
      turns.forEach((turn, i) => {
        const { from, value: text } = (turn ?? {}) as { from?: unknown; value?: unknown };
        if (typeof from !== 'string' || typeof text !== 'string') {
          throw new ProfileConfigError(`${where}: conversations[${i}] must be {"from": "human" | "gpt", "value": "<text>"}`);
        }
        const reply = turns[i + 1] as { from?: unknown; value?: unknown } | undefined;
        if (from === 'human' && text.trim() !== '' && reply?.from === 'gpt' && typeof reply.value === 'string') {
          pairs.push({ text, outputLength: Math.max(1, tokenizer.count(reply.value)) });
        }
      });
      const [first, ...rest] = pairs;
      if (!first) {
        skipped += 1;
        return [];
      }
      return [{ ...first, ...(rest.length > 0 ? { followUps: rest.map((p) => ({ ...p, delayMs: 0 })) } : {}) }];
    });
    if (entries.length === 0) throw new ProfileConfigError(`--input-file ${path}: no conversation has a human turn followed by a gpt reply`);
    if (skipped > 0) warn(`--input-file ${path}: skipped ${skipped} conversation(s) without a human turn followed by a gpt reply`);
    return entries;
  },
};
