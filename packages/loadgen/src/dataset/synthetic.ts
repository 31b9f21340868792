import { type BenchmarkConfig, parseSeqDist, type SeqDistPair } from '@aiperf/config';
import type { Rng } from '@aiperf/stats';
import type { EndpointType } from '../endpoints/types.js';
import { ProfileConfigError } from '../errors.js';
import { type LazyPrompt, PROMPT_PLACEHOLDER } from './lazy-prompts.js';
import type { DatasetEntry, LoadedTurn } from './loader.js';
import { checkPromptBudget, checkUpFrontPromptBudget, wantsLazyPrompts } from './prompt-budget.js';
import { sampleTokenLength } from './token-length.js';
import type { TextTokenizer } from './tokenizer.js';

/** A synthetic entry may be a recipe instead of text (huge prompts). */
export type SyntheticEntry = DatasetEntry & { lazyPrompt?: LazyPrompt };

/** Token ids cut from the corpus at a random offset, wrapping around. */
export function corpusSlice(corpus: readonly number[], rng: Rng, length: number): number[] {
  const start = rng.int(corpus.length);
  return Array.from({ length }, (_, i) => corpus[(start + i) % corpus.length]!);
}

/** The (ISL, OSL) a synthetic prompt is drawn with: --seq-dist's weighted pairs, else --isl/--osl. */
function lengthSampler(config: BenchmarkConfig, rng: Rng): () => { isl: number; osl: number | null } {
  const { inputTokens } = config.input;
  const pairs = config.input.seqDist === null ? null : (parseSeqDist(config.input.seqDist) as SeqDistPair[]);
  if (pairs === null) return () => ({ isl: sampleTokenLength(rng, inputTokens.mean, inputTokens.stddev), osl: null });
  return () => {
    let draw = rng.next() * 100;
    const pair = pairs.find((p) => (draw -= p.percent) < 0) ?? pairs.at(-1)!;
    return { isl: sampleTokenLength(rng, pair.isl, pair.islStddev), osl: sampleTokenLength(rng, pair.osl, pair.oslStddev) };
  };
}

/**
 * Synthetic conversations: `--num-dataset-entries` of them, each with normal(turn mean, sd) turns (≥ 1) whose
 * prompts have a sampled length (ISL, or a `--seq-dist` pair, which also sets the output length). With a prefix
 * pool, each first turn starts with one of `--prompt-prefix-pool-size` fixed prefixes (part of its ISL), so
 * prompts sharing a prefix can hit a prefix cache. Later turns wait normal(delay mean, sd) × ratio ms.
 */
export function synthesizeEntries(config: BenchmarkConfig, endpoint: EndpointType, tokenizer: TextTokenizer, rng: Rng, corpus: readonly number[]): SyntheticEntry[] {
  const input = config.input;
  const { mean, stddev } = input.inputTokens;
  const turnsPerEntry = Math.max(1, input.conversationTurnMean + 2 * input.conversationTurnStddev);
  const entries = input.numDatasetEntries * turnsPerEntry;
  // Huge prompts stay recipes built per request, when a body holds just the prompt and nothing else shapes it:
  // batches and passages, prefixes, distributions, conversation history and the coding corpus need the text now.
  const plain = input.promptPrefixPoolSize === 0 && input.seqDist === null && turnsPerEntry === 1 && input.promptCorpus === 'sonnet';
  const promptOnly = plain && !endpoint.usesPassages && !(endpoint.acceptsBatch && input.batchSize > 1);
  const tooBig = checkPromptBudget(mean, stddev) ?? (promptOnly ? null : checkUpFrontPromptBudget(entries, mean, stddev));
  if (tooBig) throw new ProfileConfigError(tooBig);
  if (promptOnly && wantsLazyPrompts(entries, mean, stddev)) {
    return Array.from({ length: input.numDatasetEntries }, () => {
      const tokens = sampleTokenLength(rng, mean, stddev);
      return { text: PROMPT_PLACEHOLDER, outputLength: null, lazyPrompt: { corpusStart: rng.int(corpus.length), tokens } };
    });
  }
  // Forks keep each feature's draws apart: turning one on leaves the prompts of the others as they were.
  const prefixRng = rng.fork(11);
  const turnRng = rng.fork(12);
  const prefixes = Array.from({ length: input.promptPrefixPoolSize }, () => corpusSlice(corpus, prefixRng, input.promptPrefixLength));
  const sample = lengthSampler(config, rng);
  const prompt = (length: number) => tokenizer.decode(corpusSlice(corpus, rng, length));
  return Array.from({ length: input.numDatasetEntries }, (): SyntheticEntry => {
    const { isl, osl } = sample();
    const prefix = prefixes.length > 0 ? prefixes[prefixRng.int(prefixes.length)]! : null;
    // With a prefix: its own text, then the rest of the ISL (at least one token) as fresh text.
    const text = prefix === null ? prompt(isl) : `${tokenizer.decode(prefix)} ${prompt(Math.max(1, isl - prefix.length))}`;
    const entry: DatasetEntry = { text, outputLength: osl };
    const turns = Math.max(1, Math.round(turnRng.normal(input.conversationTurnMean, input.conversationTurnStddev)));
    if (turns > 1) {
      entry.followUps = Array.from({ length: turns - 1 }, (): LoadedTurn => {
        const next = sample();
        const delayMs = Math.max(0, turnRng.normal(input.conversationTurnDelayMeanMs, input.conversationTurnDelayStddevMs));
        return { text: prompt(next.isl), outputLength: next.osl, delayMs };
      });
    }
    return entry;
  });
}
