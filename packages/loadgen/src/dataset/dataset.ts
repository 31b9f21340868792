import type { BenchmarkConfig } from '@aiperf/config';
import type { EndpointType } from '../endpoints/types.js';
import { ProfileConfigError } from '../errors.js';
import { type Rng, createRng } from '@aiperf/stats';
import { endpointInputs } from './endpoint-inputs.js';
import type { LazyPrompt } from './lazy-prompts.js';
import { type MediaRecord, mediaInputs } from './media.js';
import { sampleTokenLength } from './token-length.js';
import { promptCorpus } from './corpora.js';
import { addConversationContext } from './context.js';
import { type SyntheticEntry, synthesizeEntries } from './synthetic.js';
import type { ChatMessage } from '../endpoints/types.js';
import type { DatasetEntry } from './loader.js';
import { type DatasetLoaderRegistry, getDatasetLoader } from './loaders.js';
import { type TextTokenizer, countInputTokens } from './tokenizer.js';

/** A later turn of a multi-turn session; its body is built at send time, once the history is known. */
export interface FollowUpTurn {
  text: string;
  maxTokens: number | null;
  /** Think time before sending this turn, after the previous answer arrived. */
  delayMs: number;
  /** Sent verbatim (payload replay) instead of a body built with the history. */
  payload?: Record<string, unknown>;
  /** The turn's own request as inputs.json records it: its prompt alone (the history is added when sent). */
  recordedPayload?: Record<string, unknown>;
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
  /** The system message every turn of this conversation starts with. */
  systemText?: string;
  /** Turns 1… of a multi-turn session (absent for single requests). */
  followUps?: FollowUpTurn[];
  /** Images and audio sent with the prompt (what, not the bytes), for `inputs_media.jsonl`. */
  media?: MediaRecord;
  /** When a trace (`mooncake_trace`) wants this request sent, in ms from the trace's start. */
  timestampMs?: number;
  /**
   * A huge synthetic prompt, built per request: `payload` and `bodyText` then hold PROMPT_PLACEHOLDER where the
   * prompt goes, and `inputTokenCount` is the recipe's token count.
   */
  lazyPrompt?: LazyPrompt;
}

/** What building a dataset needs besides the config: the run's loaders, and where warnings go. */
export interface BuildDatasetOptions {
  loaders?: DatasetLoaderRegistry;
  warn?: (message: string) => void;
}

/** Builds the prompt pool: synthetic prompts of a sampled token length, or `--input-file` read by its loader. */
export function buildDataset(config: BenchmarkConfig, endpoint: EndpointType, tokenizer: TextTokenizer, options: BuildDatasetOptions = {}): DatasetTurn[] {
  const rng = createRng(config.input.randomSeed).fork(1);
  const warn = options.warn ?? (() => {});
  let corpus: readonly number[] | null = null;
  const corpusTokens = () => (corpus ??= tokenizer.encode(promptCorpus(config.input.promptCorpus)));
  const loaded: SyntheticEntry[] = config.input.inputFile
    ? getDatasetLoader(config.input.customDatasetType ?? 'single_turn', options.loaders).load({ path: config.input.inputFile, config, tokenizer, rng, corpusTokens, warn })
    : synthesizeEntries(config, endpoint, tokenizer, rng, corpusTokens());
  const prompts: SyntheticEntry[] = addConversationContext(loaded, config, tokenizer, rng, corpusTokens);
  const delayRatio = config.input.conversationTurnDelayRatio;
  const speedup = config.input.replaySpeedup ?? 1;
  const { models, modelSelectionStrategy, streaming, useLegacyMaxTokens, extraInputs } = config.endpoint;
  // Only a chat prompt is rendered with a chat template; completions send the text as is.
  const applyChatTemplate = (config.input.applyChatTemplate ?? false) && endpoint.name === 'chat';
  const outputTokens = config.input.outputTokens;
  const sampleMaxTokens = (outputLength: number | null) =>
    outputLength ?? (outputTokens ? sampleTokenLength(rng, outputTokens.mean, outputTokens.stddev) : null);
  const extrasOf = endpointInputs(config, endpoint, tokenizer, rng.fork(17), corpusTokens);
  const mediaOf = mediaInputs(config, endpoint.name, rng.fork(23));
  return prompts.map((entry: SyntheticEntry, index) => {
    const extras = extrasOf?.(entry.text) ?? null;
    const media = entry.payload ? null : (mediaOf?.() ?? null);
    const model = typeof entry.payload?.model === 'string' ? entry.payload.model : modelSelectionStrategy === 'random' ? models[rng.int(models.length)]! : models[index % models.length]!;
    const system: ChatMessage[] = entry.systemText === undefined ? [] : [{ role: 'system', content: entry.systemText }];
    const payload = entry.payload ?? endpoint.buildBody({
      model,
      prompt: extras?.prompt ?? entry.text,
      ...(extras?.batch ? { batch: extras.batch } : {}),
      ...(extras?.passages ? { passages: extras.passages } : {}),
      ...(media ? { media: media.media } : {}),
      ...(system.length > 0 ? { history: system } : {}),
      maxTokens: sampleMaxTokens(entry.outputLength),
      streaming: streaming && endpoint.supportsStreaming,
      useLegacyMaxTokens,
      extraInputs,
    });
    const turn: DatasetTurn = {
      conversationId: entry.sessionId ?? deterministicUuid(rng),
      turnIndex: 0,
      model,
      inputTokenCount:
        entry.lazyPrompt?.tokens ?? countInputTokens(tokenizer, [...system, { role: 'user', content: entry.text }], applyChatTemplate) + (extras?.extraTokens ?? 0),
      payload,
      bodyText: JSON.stringify(payload),
    };
    if (entry.lazyPrompt) turn.lazyPrompt = entry.lazyPrompt;
    if (typeof entry.timestampMs === 'number') turn.timestampMs = entry.timestampMs / speedup;
    if (media) turn.media = media.record;
    if (!entry.followUps || entry.followUps.length === 0) return turn;
    const followUps = entry.followUps.map((t): FollowUpTurn => {
      const maxTokens = sampleMaxTokens(t.outputLength);
      const delayMs = t.delayMs * delayRatio;
      if (t.payload) return { text: t.text, maxTokens, delayMs, payload: t.payload };
      const recordedPayload = endpoint.buildBody({ model, prompt: t.text, maxTokens, streaming: streaming && endpoint.supportsStreaming, useLegacyMaxTokens, extraInputs });
      return { text: t.text, maxTokens, delayMs, recordedPayload };
    });
    return { ...turn, promptText: entry.text, ...(system.length > 0 ? { systemText: entry.systemText } : {}), followUps };
  });
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
