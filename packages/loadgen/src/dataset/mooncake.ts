import type { Rng } from '@aiperf/stats';
import { ProfileConfigError } from '../errors.js';
import { readJsonLines } from './jsonl.js';

/** Tokens per hash id: AIPerf's `--isl-block-size` default. */
export const MOONCAKE_BLOCK_TOKENS = 512;

/** One request of a `mooncake_trace` file. */
export interface TraceEntry {
  timestampMs: number | null;
  inputLength: number;
  outputLength: number | null;
  hashIds: number[] | null;
}

/** `mooncake_trace` JSONL: `{"timestamp"? ms, "input_length", "output_length"?, "hash_ids"?}` per line. */
export function readMooncakeTrace(path: string): TraceEntry[] {
  return readJsonLines(path).map(({ value, where }) => {
    const count = (field: string, min: number, required: boolean): number | null => {
      const v = value[field];
      if ((v === undefined || v === null) && !required) return null;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
        throw new ProfileConfigError(`${where}: "${field}" is ${JSON.stringify(v)}; allowed: an integer ≥ ${min}`);
      }
      return v;
    };
    const hashIds = value.hash_ids;
    if (hashIds !== undefined && hashIds !== null && !(Array.isArray(hashIds) && hashIds.every((id) => Number.isInteger(id)))) {
      throw new ProfileConfigError(`${where}: "hash_ids" is ${JSON.stringify(hashIds)}; allowed: an array of integers`);
    }
    const timestamp = value.timestamp;
    if (timestamp !== undefined && timestamp !== null && (typeof timestamp !== 'number' || !Number.isFinite(timestamp) || timestamp < 0)) {
      throw new ProfileConfigError(`${where}: "timestamp" is ${JSON.stringify(timestamp)}; allowed: milliseconds ≥ 0`);
    }
    return {
      timestampMs: typeof timestamp === 'number' ? timestamp : null,
      inputLength: count('input_length', 1, true)!,
      outputLength: count('output_length', 1, false),
      hashIds: Array.isArray(hashIds) ? (hashIds as number[]) : null,
    };
  });
}

/**
 * The prompt's token ids: one block of `blockTokens` corpus tokens per hash id (the same id always gives the same
 * block, so traces that share hash ids share prompt prefixes and exercise prefix caching), the last block cut to
 * make `inputLength` tokens. Without hash ids the blocks are fresh random ones.
 */
export function traceTokenIds(entry: TraceEntry, corpus: readonly number[], blockTokens: number, rng: Rng, blocks: Map<number, number[]>): number[] {
  const blockCount = Math.ceil(entry.inputLength / blockTokens);
  const ids: number[] = [];
  for (let b = 0; b < blockCount; b++) {
    const hashId = entry.hashIds?.[b];
    const block = hashId === undefined ? corpusSlice(corpus, rng.int(corpus.length), blockTokens) : blockFor(hashId, corpus, blockTokens, rng, blocks);
    ids.push(...block.slice(0, Math.min(blockTokens, entry.inputLength - ids.length)));
  }
  return ids;
}

function blockFor(hashId: number, corpus: readonly number[], blockTokens: number, rng: Rng, blocks: Map<number, number[]>): number[] {
  let block = blocks.get(hashId);
  if (!block) {
    block = corpusSlice(corpus, rng.int(corpus.length), blockTokens);
    blocks.set(hashId, block);
  }
  return block;
}

const corpusSlice = (corpus: readonly number[], start: number, length: number) =>
  Array.from({ length }, (_, i) => corpus[(start + i) % corpus.length]!);
