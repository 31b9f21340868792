import { readFileSync } from 'node:fs';
import { ProfileConfigError } from '../errors.js';

/** One parsed line of a JSONL dataset file, with where it came from (for error messages). */
export interface JsonLine {
  value: Record<string, unknown>;
  /** `path:line`, the prefix of every error about this line. */
  where: string;
}

/** Reads a JSONL file: every non-blank line must be a JSON object; errors name the file and line number. */
export function readJsonLines(path: string): JsonLine[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new ProfileConfigError(`--input-file: cannot read "${path}" (${(cause as Error).message})`, { cause });
  }
  const lines: JsonLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line.length === 0) return;
    const where = `--input-file ${path}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (cause) {
      throw new ProfileConfigError(`${where}: not valid JSON`, { cause });
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new ProfileConfigError(`${where}: expected a JSON object per line`);
    }
    lines.push({ value: value as Record<string, unknown>, where });
  });
  if (lines.length === 0) throw new ProfileConfigError(`--input-file ${path}: the file is empty; expected one JSON object per line`);
  return lines;
}

/** A `single_turn`-shaped object: `text` (or `texts`, joined), `output_length`?, `delay`? (ms). */
export interface TurnEntry {
  text: string;
  outputLength: number | null;
  delayMs: number;
}

export function parseTurn(value: Record<string, unknown>, where: string): TurnEntry {
  const text =
    typeof value.text === 'string' ? value.text : Array.isArray(value.texts) && value.texts.every((t) => typeof t === 'string') ? value.texts.join(' ') : null;
  if (text === null) throw new ProfileConfigError(`${where}: expected a "text" string (or "texts": array of strings)`);
  return {
    text,
    outputLength: optionalNumber(value, 'output_length', where, 1),
    delayMs: optionalNumber(value, 'delay', where, 0) ?? 0,
  };
}

function optionalNumber(value: Record<string, unknown>, field: string, where: string, min: number): number | null {
  const v = value[field];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min) {
    throw new ProfileConfigError(`${where}: "${field}" is ${JSON.stringify(v)}; allowed: a number ≥ ${min}`);
  }
  return v;
}
