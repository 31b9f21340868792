import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ProfileConfigError } from '../errors.js';
import { type TurnEntry, parseTurn, readJsonLines } from './jsonl.js';
import type { DatasetLoader } from './loader.js';

/** AIPerf's default number of conversations drawn from a random pool. */
const DEFAULT_POOL_DRAWS = 100;

function poolFiles(path: string): string[] {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch (cause) {
    throw new ProfileConfigError(`--input-file: cannot read "${path}" (${(cause as Error).message})`, { cause });
  }
  if (!isDirectory) return [path];
  const files = readdirSync(path).filter((name) => name.endsWith('.jsonl')).sort().map((name) => join(path, name));
  if (files.length === 0) throw new ProfileConfigError(`--input-file ${path}: the directory has no .jsonl files; random_pool reads every *.jsonl in it`);
  return files;
}

/**
 * `random_pool`: a directory of JSONL files (or one file) of single_turn objects, each file a pool. Every
 * entry draws one line from each pool at random (with replacement, from --random-seed) and joins their texts in
 * file-name order, so e.g. `1-queries.jsonl` + `2-contexts.jsonl` mix freely. `--conversation-num` (default
 * 100) entries are drawn.
 */
export const randomPoolLoader: DatasetLoader = {
  name: 'random_pool',
  description: 'a directory of JSONL pools ({"text", "output_length"?} per line): each entry joins one random line of every file',
  readsDirectory: true,
  load({ path, config, rng }) {
    const pools: TurnEntry[][] = poolFiles(path).map((file) => readJsonLines(file).map(({ value, where }) => parseTurn(value, where)));
    const draws = config.load.conversationNum ?? DEFAULT_POOL_DRAWS;
    const poolRng = rng.fork(31);
    return Array.from({ length: draws }, () => {
      const picked = pools.map((pool) => pool[poolRng.int(pool.length)]!);
      const outputLength = picked.reduce<number | null>((found, turn) => turn.outputLength ?? found, null);
      return { text: picked.map((turn) => turn.text).join('\n'), outputLength };
    });
  },
};
