import { readFileSync } from 'node:fs';
import type { BenchmarkConfig } from '@aiperf/config';
import type { EndpointType } from '../endpoints/types.js';
import { ProfileConfigError } from '../errors.js';
import { type Rng, createRng, sampleTokenLength } from '../rng.js';
import { SHAKESPEARE_CORPUS } from './corpus.js';
import type { TextTokenizer } from './tokenizer.js';

/** One request as it will be sent: the body is serialized once, so sending costs no JSON work. */
export interface DatasetTurn {
  conversationId: string;
  turnIndex: number;
  model: string;
  inputTokenCount: number;
  /** The exact body sent (also written to inputs.json). */
  payload: Record<string, unknown>;
  bodyText: string;
}

/** Builds the prompt pool: synthetic prompts of a sampled token length, or a `single_turn` JSONL file. */
export function buildDataset(config: BenchmarkConfig, endpoint: EndpointType, tokenizer: TextTokenizer): DatasetTurn[] {
  const rng = createRng(config.input.randomSeed).fork(1);
  const prompts = config.input.inputFile
    ? readSingleTurnFile(config)
    : synthesizePrompts(config, tokenizer, rng);
  const { models, modelSelectionStrategy, streaming, useLegacyMaxTokens, extraInputs } = config.endpoint;
  const outputTokens = config.input.outputTokens;
  return prompts.map((entry, index) => {
    const model = modelSelectionStrategy === 'random' ? models[rng.int(models.length)]! : models[index % models.length]!;
    const maxTokens = entry.outputLength ?? (outputTokens ? sampleTokenLength(rng, outputTokens.mean, outputTokens.stddev) : null);
    const payload = endpoint.buildBody({
      model,
      prompt: entry.text,
      maxTokens,
      streaming: streaming && endpoint.supportsStreaming,
      useLegacyMaxTokens,
      extraInputs,
    });
    return {
      conversationId: deterministicUuid(rng),
      turnIndex: 0,
      model,
      inputTokenCount: tokenizer.encode(entry.text).length,
      payload,
      bodyText: JSON.stringify(payload),
    };
  });
}

interface PromptEntry {
  text: string;
  outputLength: number | null;
}

/** Prompts cut from the corpus at a random token offset (wrapping around) with a normal(mean, sd) length. */
function synthesizePrompts(config: BenchmarkConfig, tokenizer: TextTokenizer, rng: Rng): PromptEntry[] {
  const corpus = tokenizer.encode(SHAKESPEARE_CORPUS);
  const { mean, stddev } = config.input.inputTokens;
  return Array.from({ length: config.input.numDatasetEntries }, () => {
    const length = sampleTokenLength(rng, mean, stddev);
    const start = rng.int(corpus.length);
    const ids = Array.from({ length }, (_, i) => corpus[(start + i) % corpus.length]!);
    return { text: tokenizer.decode(ids), outputLength: null };
  });
}

/** `single_turn` JSONL: `{"text": "...", "output_length"?: n}` per line. */
function readSingleTurnFile(config: BenchmarkConfig): PromptEntry[] {
  const path = config.input.inputFile!;
  const type = config.input.customDatasetType ?? 'single_turn';
  if (type !== 'single_turn') {
    throw new ProfileConfigError(`--custom-dataset-type: "${type}" is not supported yet; supported: single_turn`);
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new ProfileConfigError(`--input-file: cannot read "${path}" (${(cause as Error).message})`, { cause });
  }
  return text
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line.length > 0)
    .map(([line, lineNumber]) => {
      let parsed: { text?: unknown; texts?: unknown; output_length?: unknown };
      try {
        parsed = JSON.parse(line);
      } catch (cause) {
        throw new ProfileConfigError(`--input-file ${path}:${lineNumber}: not valid JSON`, { cause });
      }
      const text = typeof parsed.text === 'string' ? parsed.text : Array.isArray(parsed.texts) ? parsed.texts.join(' ') : null;
      if (text === null) throw new ProfileConfigError(`--input-file ${path}:${lineNumber}: expected a "text" string`);
      return { text, outputLength: typeof parsed.output_length === 'number' ? parsed.output_length : null };
    });
}

/** Deterministic UUID-shaped ids under --random-seed (crypto.randomUUID would break reproducibility). */
export function deterministicUuid(rng: Rng): string {
  const hex = Array.from({ length: 4 }, () => Math.floor(rng.next() * 2 ** 32).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
