// The dataset-loader registry: one entry per `--custom-dataset-type`, built-ins first, plugins' added by the CLI.
import { createRegistry, type Registry } from '@aiperf/plugin';
import { ProfileConfigError } from '../errors.js';
import { parseTurn, readJsonLines } from './jsonl.js';
import type { DatasetLoader, DatasetLoadContext } from './loader.js';
import { MOONCAKE_BLOCK_TOKENS, readMooncakeTrace } from './mooncake.js';
import { traceEntriesToPrompts } from './trace-prompts.js';
import { burstGptTraceLoader } from './burst-gpt.js';
import { bailianTraceLoader } from './bailian.js';
import { readMultiTurnFile } from './multi-turn.js';
import { inputsJsonLoader } from './payload-replay.js';
import { randomPoolLoader } from './random-pool.js';
import { shareGptLoader } from './sharegpt.js';

export type DatasetLoaderRegistry = Registry<DatasetLoader>;

export const singleTurnLoader: DatasetLoader = {
  name: 'single_turn',
  description: 'JSONL, one request per line: {"text" | "texts", "output_length"?}',
  load: ({ path }) => readJsonLines(path).map(({ value, where }) => parseTurn(value, where)),
};

export const multiTurnLoader: DatasetLoader = {
  name: 'multi_turn',
  description: 'JSONL, one conversation per line: {"session_id", "turns": [{"text", "output_length"?, "delay"?}]}',
  load: ({ path }) =>
    readMultiTurnFile(path).map(({ sessionId, turns: [first, ...rest] }) => ({
      text: first!.text,
      outputLength: first!.outputLength,
      sessionId,
      followUps: rest,
    })),
};

export const mooncakeTraceLoader: DatasetLoader = {
  name: 'mooncake_trace',
  description: 'JSONL trace: {"timestamp"? ms, "input_length", "output_length"?, "hash_ids"?} per line',
  timestamped: true,
  load: (context) => traceEntriesToPrompts(context, readMooncakeTrace(context.path), MOONCAKE_BLOCK_TOKENS),
};

export const builtinDatasetLoaders: readonly DatasetLoader[] = [singleTurnLoader, multiTurnLoader, mooncakeTraceLoader, inputsJsonLoader, randomPoolLoader, shareGptLoader, burstGptTraceLoader, bailianTraceLoader];

export function createDatasetLoaderRegistry(loaders: readonly DatasetLoader[] = builtinDatasetLoaders): DatasetLoaderRegistry {
  return createRegistry<DatasetLoader>('dataset loader', loaders, {
    validate: (l) => (typeof l.load === 'function' ? [] : ['needs a load(context) function']),
  });
}

// Read-only fallback for callers that pass no registry (tests, tools): nothing can register into it.
const builtins = createDatasetLoaderRegistry();

export function getDatasetLoader(name: string, registry: DatasetLoaderRegistry = builtins): DatasetLoader {
  const loader = registry.get(name);
  if (!loader) throw new ProfileConfigError(`--custom-dataset-type: unknown dataset type "${name}"; allowed: ${registry.names().join(', ')}`);
  return loader;
}
