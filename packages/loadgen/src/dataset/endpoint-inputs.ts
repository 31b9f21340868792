import type { BenchmarkConfig } from '@aiperf/config';
import type { Rng } from '@aiperf/stats';
import type { EndpointType } from '../endpoints/types.js';
import { ProfileConfigError } from '../errors.js';
import { sampleTokenLength } from './token-length.js';
import type { TextTokenizer } from './tokenizer.js';

/** What an endpoint type sends besides the prompt: more prompts (batching) or a query's passages (rankings). */
export interface EndpointInputs {
  /** The prompt to send (a rankings query replaces a synthetic prompt). */
  prompt: string;
  batch?: string[];
  passages?: string[];
  /** Tokens of everything sent besides the prompt (counted into the request's ISL). */
  extraTokens: number;
}

/**
 * The per-request extras of the endpoint type, or null when it takes just a prompt. Sampled from their own
 * random stream, so the prompts themselves stay those of a plain run with the same seed.
 */
export function endpointInputs(
  config: BenchmarkConfig,
  endpoint: EndpointType,
  tokenizer: TextTokenizer,
  rng: Rng,
  corpusTokens: () => readonly number[],
): ((prompt: string) => EndpointInputs) | null {
  const text = (mean: number, stddev: number) => {
    const corpus = corpusTokens();
    const length = sampleTokenLength(rng, mean, stddev);
    const start = rng.int(corpus.length);
    return tokenizer.decode(Array.from({ length }, (_, i) => corpus[(start + i) % corpus.length]!));
  };
  const tokens = (texts: readonly string[]) => texts.reduce((n, t) => n + tokenizer.count(t), 0);
  if (endpoint.usesPassages) {
    const { passages, passageTokens, queryTokens } = config.input.rankings;
    // A custom file's prompt is the query as written; synthetic queries get the rankings query length.
    const synthetic = config.input.inputFile === null;
    return (prompt) => {
      const count = sampleTokenLength(rng, passages.mean, passages.stddev);
      const list = Array.from({ length: count }, () => text(passageTokens.mean, passageTokens.stddev));
      const query = synthetic ? text(queryTokens.mean, queryTokens.stddev) : prompt;
      return { prompt: query, passages: list, extraTokens: tokens(list) + (synthetic ? tokens([query]) - tokens([prompt]) : 0) };
    };
  }
  const batchSize = config.input.batchSize;
  if (batchSize > 1 && !endpoint.acceptsBatch) {
    throw new ProfileConfigError(`--batch-size: endpoint type "${endpoint.name}" sends one prompt per request; batches need a type that takes a list of inputs (embeddings)`);
  }
  if (endpoint.acceptsBatch && batchSize > 1) {
    const { mean, stddev } = config.input.inputTokens;
    return (prompt) => {
      const batch = Array.from({ length: batchSize - 1 }, () => text(mean, stddev));
      return { prompt, batch, extraTokens: tokens(batch) };
    };
  }
  return null;
}
