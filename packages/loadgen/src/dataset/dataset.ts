import type { BenchmarkConfig } from '@aiperf/config';
import type { EndpointType } from '../endpoints/types.js';
import { ProfileConfigError } from '../errors.js';
import { type Rng, createRng } from '@aiperf/stats';
import { checkPromptBudget } from './prompt-budget.js';
import { sampleTokenLength } from './token-length.js';
import { SHAKESPEARE_CORPUS } from './corpus.js';
import { type TurnEntry, parseTurn, readJsonLines } from './jsonl.js';
import { MOONCAKE_BLOCK_TOKENS, type TraceEntry, readMooncakeTrace, traceTokenIds } from './mooncake.js';
import { readMultiTurnFile } from './multi-turn.js';
import { type TextTokenizer, countInputTokens } from './tokenizer.js';

/** A later turn of a multi-turn session; its body is built at send time, once the history is known. */
export interface FollowUpTurn {
  text: string;
  maxTokens: number | null;
  /** Think time before sending this turn, after the previous answer arrived. */
  delayMs: number;
}

/** One request as it will be sent: the body is serialized once, so sending costs no JSON work. */
export interface DatasetTurn {
  conversationId: string;
  turnIndex: number;
  model: string;
  inputTokenCount: number;
  /** The exact body sent (also written to inputs.json). */
  payload: Record<string, unknown>;
  bodyText: string;
  /** The user prompt of this turn (multi-turn sessions resend it as history). */
  promptText?: string;
  /** Turns 1… of a multi-turn session (absent for single requests). */
  followUps?: FollowUpTurn[];
  /** When a trace (`mooncake_trace`) wants this request sent, in ms from the trace's start. */
  timestampMs?: number;
}

interface PromptEntry {
  text: string;
  outputLength: number | null;
  sessionId?: string;
  followUps?: TurnEntry[];
  timestampMs?: number | null;
}

/** Builds the prompt pool: synthetic prompts of a sampled token length, or a custom JSONL file. */
export function buildDataset(config: BenchmarkConfig, endpoint: EndpointType, tokenizer: TextTokenizer): DatasetTurn[] {
  const rng = createRng(config.input.randomSeed).fork(1);
  const prompts = config.input.inputFile ? readCustomFile(config, tokenizer, rng) : synthesizePrompts(config, tokenizer, rng);
  const { models, modelSelectionStrategy, streaming, useLegacyMaxTokens, extraInputs } = config.endpoint;
  // Only a chat prompt is rendered with a chat template; completions send the text as is.
  const applyChatTemplate = (config.input.applyChatTemplate ?? false) && endpoint.name === 'chat';
  const outputTokens = config.input.outputTokens;
  const sampleMaxTokens = (outputLength: number | null) =>
    outputLength ?? (outputTokens ? sampleTokenLength(rng, outputTokens.mean, outputTokens.stddev) : null);
  return prompts.map((entry, index) => {
    const model = modelSelectionStrategy === 'random' ? models[rng.int(models.length)]! : models[index % models.length]!;
    const payload = endpoint.buildBody({
      model,
      prompt: entry.text,
      maxTokens: sampleMaxTokens(entry.outputLength),
      streaming: streaming && endpoint.supportsStreaming,
      useLegacyMaxTokens,
      extraInputs,
    });
    const turn: DatasetTurn = {
      conversationId: entry.sessionId ?? deterministicUuid(rng),
      turnIndex: 0,
      model,
      inputTokenCount: countInputTokens(tokenizer, [{ role: 'user', content: entry.text }], applyChatTemplate),
      payload,
      bodyText: JSON.stringify(payload),
    };
    if (typeof entry.timestampMs === 'number') turn.timestampMs = entry.timestampMs;
    if (!entry.followUps) return turn;
    const followUps = entry.followUps.map((t) => ({ text: t.text, maxTokens: sampleMaxTokens(t.outputLength), delayMs: t.delayMs }));
    return { ...turn, promptText: entry.text, followUps };
  });
}

/** Prompts cut from the corpus at a random token offset (wrapping around) with a normal(mean, sd) length. */
function synthesizePrompts(config: BenchmarkConfig, tokenizer: TextTokenizer, rng: Rng): PromptEntry[] {
  const { mean, stddev } = config.input.inputTokens;
  const tooBig = checkPromptBudget(config.input.numDatasetEntries, mean, stddev);
  if (tooBig) throw new ProfileConfigError(tooBig);
  const corpus = tokenizer.encode(SHAKESPEARE_CORPUS);
  return Array.from({ length: config.input.numDatasetEntries }, () => {
    const length = sampleTokenLength(rng, mean, stddev);
    const start = rng.int(corpus.length);
    const ids = Array.from({ length }, (_, i) => corpus[(start + i) % corpus.length]!);
    return { text: tokenizer.decode(ids), outputLength: null };
  });
}

/** `single_turn` (`{"text", "output_length"?}`), `multi_turn` (`{"session_id", "turns"}`) or `mooncake_trace` lines. */
function readCustomFile(config: BenchmarkConfig, tokenizer: TextTokenizer, rng: Rng): PromptEntry[] {
  const path = config.input.inputFile!;
  const type = config.input.customDatasetType ?? 'single_turn';
  if (type === 'multi_turn') {
    return readMultiTurnFile(path).map(({ sessionId, turns: [first, ...rest] }) => ({
      text: first!.text,
      outputLength: first!.outputLength,
      sessionId,
      followUps: rest,
    }));
  }
  if (type === 'mooncake_trace') {
    const corpus = tokenizer.encode(SHAKESPEARE_CORPUS);
    const blocks = new Map<number, number[]>();
    const startMs = config.load.fixedScheduleStartOffsetMs ?? 0;
    const endMs = config.load.fixedScheduleEndOffsetMs ?? Number.POSITIVE_INFINITY;
    // --fixed-schedule-start/end-offset window the trace (entries without a timestamp are always kept).
    const inWindow = (entry: TraceEntry) => entry.timestampMs === null || (entry.timestampMs >= startMs && entry.timestampMs <= endMs);
    return readMooncakeTrace(path).filter(inWindow).map((entry) => ({
      text: tokenizer.decode(traceTokenIds(entry, corpus, config.input.islBlockSize ?? MOONCAKE_BLOCK_TOKENS, rng, blocks)),
      outputLength: entry.outputLength,
      timestampMs: entry.timestampMs,
    }));
  }
  if (type !== 'single_turn') {
    throw new ProfileConfigError(`--custom-dataset-type: "${type}" is not supported; supported: single_turn, multi_turn, mooncake_trace`);
  }
  return readJsonLines(path).map(({ value, where }) => parseTurn(value, where));
}

/** Deterministic UUID-shaped ids under --random-seed (crypto.randomUUID would break reproducibility). */
export function deterministicUuid(rng: Rng): string {
  const hex = Array.from({ length: 4 }, () =>
    Math.floor(rng.next() * 2 ** 32)
      .toString(16)
      .padStart(8, '0'),
  ).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
