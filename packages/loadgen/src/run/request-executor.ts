import type { BenchmarkConfig } from '@aiperf/config';
import type { Dispatcher } from 'undici';
import { parseExchange } from '../client/parse-exchange.js';
import { type InFlightRequests, type RequestExchange, sendRequest } from '../client/send-request.js';
import type { DatasetTurn } from '../dataset/dataset.js';
import type { LazyBodies } from '../dataset/lazy-prompts.js';
import type { TextTokenizer } from '../dataset/tokenizer.js';
import type { EndpointType, ServerUsage } from '../endpoints/types.js';
import type { BenchmarkPhase, RequestRecord } from '../records.js';
import { createRng } from '@aiperf/stats';
import { flatUuid } from '../flat-uuid.js';
import { type RequestHeaderTemplate, requestHeaders } from './request-headers.js';

export interface ExecutorSetup {
  config: BenchmarkConfig;
  endpoint: EndpointType;
  dataset: readonly DatasetTurn[];
  /** The dataset entry session `index` starts from (`--dataset-sampling-strategy`). */
  pickEntry: (index: number) => number;
  /** The tokenizer, loaded on first use (only needed when the server reports no usage). */
  tokenizer: () => Promise<TextTokenizer>;
  /** One per server (`--url` order); session n goes to server n mod count. */
  targets: Array<{ dispatcher: Dispatcher; path: string; origin: string }>;
  epochOffsetNs: bigint;
  workerId: string;
  /** Aborting them abandons the requests in flight (their results are dropped). */
  inFlight: InFlightRequests;
  /** The phase's shared in-flight count (`PhaseStart.inFlightCell`), or null when nobody reads it. */
  inFlightCell?: Int32Array | null;
  /** Builds the bodies of lazy (huge) prompts; absent when the dataset has none. */
  lazyBodies?: LazyBodies | null;
  /** The shard this process runs (`--shard`), or null: records then carry their shard and dataset entry. */
  shardIndex?: number | null;
  /** Every request's headers but its two ids, built once from `config` and `endpoint` (requestHeaderTemplate). */
  headerTemplate: RequestHeaderTemplate;
}

/** Whether request `index` is one of the share to cancel: a seeded draw per index, so every thread agrees. */
export function shouldCancel(seed: number | null, ratePercent: number | null, phase: BenchmarkPhase, index: number): boolean {
  if (ratePercent === null || phase !== 'profiling') return false;
  return createRng(seed ?? 0).fork(1_000_003 + index).next() * 100 < ratePercent;
}

/**
 * A request sent and answered but not yet read: its wire exchange and what identifies it. Issuing threads hand
 * these over as they are; reading the bytes and counting tokens (completeRecord) happens off the issuing loop.
 */
export interface PendingRecord
  extends Pick<RequestRecord, 'sessionNum' | 'xRequestId' | 'xCorrelationId' | 'conversationId' | 'turnIndex' | 'phase' | 'workerId' | 'startEpochNs' | 'shardIndex' | 'datasetIndex'> {
  exchange: RequestExchange;
  /** Which server (`--url` order) it went to. */
  urlIndex: number;
  /** The prompt's token count by the client tokenizer (from the dataset). */
  promptTokenCount: number | null;
  sendLatenessNs: number;
  /** The body as sent, only with `--export-level raw`. */
  payload?: unknown;
}

/**
 * Sends request `index` of a phase (`abandoned` when the run cut it off). `turn` defaults to the dataset entry
 * for `index` (multi-turn sessions pass their later turns).
 */
export async function sendTurn(
  setup: ExecutorSetup,
  phase: BenchmarkPhase,
  index: number,
  duePerfNs: bigint | null,
  turn: DatasetTurn = setup.dataset[setup.pickEntry(index)]!,
  session: SessionConnection = { correlationId: flatUuid(), dispatcher: null },
  onFirstResponse?: () => void,
): Promise<PendingRecord> {
  const { config, endpoint } = setup;
  const xRequestId = flatUuid();
  const xCorrelationId = session.correlationId;
  const { load } = config;
  const urlIndex = index % setup.targets.length;
  const target = setup.targets[urlIndex]!;
  const cancel = shouldCancel(config.input.randomSeed, load.requestCancellationRate, phase, index);
  const body = turn.lazyPrompt && setup.lazyBodies ? setup.lazyBodies.body(turn.conversationId, turn.bodyText, turn.lazyPrompt) : turn.bodyText;
  const cell = setup.inFlightCell ?? null;
  if (cell) Atomics.add(cell, 0, 1);
  let exchange: RequestExchange;
  try {
    exchange = await sendRequest({
      dispatcher: session.dispatcher ?? target.dispatcher,
      // --connection-reuse-strategy never: the connection closes after each answer.
      reset: config.endpoint.connectionReuseStrategy === 'never',
      path: target.path,
      headers: requestHeaders(setup.headerTemplate, xRequestId, xCorrelationId),
      body,
      streaming: config.endpoint.streaming && endpoint.supportsStreaming,
      timeoutMs: config.endpoint.timeoutSeconds * 1000,
      cancelAfterMs: cancel ? load.requestCancellationDelaySeconds * 1000 : null,
      inFlight: setup.inFlight,
      // Always present (undefined when unused): a conditional spread built this object key by key, per request.
      onFirstResponse,
    });
  } finally {
    if (cell) Atomics.sub(cell, 0, 1);
  }
  // A fixed shape, no conditional spread (see completeRecord).
  const pending: PendingRecord = {
    exchange,
    sessionNum: index,
    urlIndex,
    xRequestId,
    xCorrelationId,
    conversationId: turn.conversationId,
    turnIndex: turn.turnIndex,
    phase,
    workerId: setup.workerId,
    startEpochNs: exchange.startPerfNs + setup.epochOffsetNs,
    promptTokenCount: turn.inputTokenCount,
    // A send that waited for its time or for a slot beyond schedule is late: measured, never hidden.
    sendLatenessNs: duePerfNs === null ? 0 : Math.max(0, Number(exchange.startPerfNs - duePerfNs)),
    // Sharded runs only (undefined otherwise, still one shape): the shard and the dataset entry the index selects.
    shardIndex: setup.shardIndex ?? undefined,
    datasetIndex: setup.shardIndex == null ? undefined : index % setup.dataset.length,
  };
  if (config.output.exportLevel === 'raw') pending.payload = turn.lazyPrompt ? JSON.parse(body) : turn.payload;
  return pending;
}

/** What the turns of one conversation share: its correlation id and, with sticky sessions, its own connection. */
export interface SessionConnection {
  correlationId: string;
  dispatcher: Dispatcher | null;
}

/** What reading a pending record needs: the run's settings, the endpoint type and a loaded tokenizer. */
export interface RecordReader {
  config: BenchmarkConfig;
  endpoint: EndpointType;
  tokenizer: TextTokenizer;
}

/** Reads a pending record's response and counts its tokens: the record the metrics and exports use. */
export function completeRecord(reader: RecordReader, pending: PendingRecord): RequestRecord {
  const m = pending.exchange;
  const captureRaw = reader.config.output.exportLevel === 'raw';
  const parsed = parseExchange(m, reader.endpoint, captureRaw);
  const tokens = countTokens(reader, pending.promptTokenCount, parsed.usage, parsed.outputText, parsed.reasoningText, parsed.error === null);
  // Built field by field in one fixed order, never with spreads: a record made of `...rest` and conditional
  // spreads cost ~30 µs of CPU per request (V8 builds it property by property in dictionary mode), about a tenth
  // of the client's whole per-request budget, and every later read of it (metrics, JSONL, thread hand-off) is slower.
  const record: RequestRecord = {
    sessionNum: pending.sessionNum,
    urlIndex: pending.urlIndex,
    xRequestId: pending.xRequestId,
    xCorrelationId: pending.xCorrelationId,
    conversationId: pending.conversationId,
    turnIndex: pending.turnIndex,
    phase: pending.phase,
    workerId: pending.workerId,
    startEpochNs: pending.startEpochNs,
    sendLatenessNs: pending.sendLatenessNs,
    startPerfNs: m.startPerfNs,
    ackOffsetNs: m.ackOffsetNs,
    contentOffsetsNs: parsed.contentOffsetsNs,
    firstOutputOffsetNs: parsed.firstOutputOffsetNs,
    lastResponseOffsetNs: parsed.lastResponseOffsetNs,
    endOffsetNs: m.endOffsetNs,
    inputTokenCount: tokens.inputTokenCount,
    outputTokenCount: tokens.outputTokenCount,
    reasoningTokenCount: tokens.reasoningTokenCount,
    usagePromptTokens: tokens.usagePromptTokens,
    usageCompletionTokens: tokens.usageCompletionTokens,
    usageReasoningTokens: tokens.usageReasoningTokens,
    clientInputTokenCount: tokens.clientInputTokenCount,
    clientOutputTokenCount: tokens.clientOutputTokenCount,
    clientReasoningTokenCount: tokens.clientReasoningTokenCount,
    error: m.abandoned ? { code: null, type: 'RunAbortedError', message: 'still in flight when the run ended' } : parsed.error,
    wasCancelled: m.wasCancelled,
    cancellationOffsetNs: m.cancellationOffsetNs,
    shardIndex: pending.shardIndex,
    datasetIndex: pending.datasetIndex,
  };
  if (m.abandoned) record.abandoned = true;
  if (parsed.rawResponses) record.raw = { payload: pending.payload, responses: parsed.rawResponses };
  return record;
}

type TokenCounts = Pick<
  RequestRecord,
  | 'inputTokenCount' | 'outputTokenCount' | 'reasoningTokenCount' | 'usagePromptTokens' | 'usageCompletionTokens'
  | 'usageReasoningTokens' | 'clientInputTokenCount' | 'clientOutputTokenCount' | 'clientReasoningTokenCount'
>;

/**
 * Token counts as AIPerf takes them: the client tokenizer over the prompt and the received text, unless
 * `--use-server-token-count` asks for the server's `usage` (completion tokens include reasoning, so the reasoning
 * share is subtracted). Both sides are kept where known, so a misreporting server shows up as a discrepancy.
 */
function countTokens(
  setup: RecordReader,
  clientInput: number | null,
  usage: ServerUsage | null,
  outputText: string,
  reasoningText: string,
  valid: boolean,
): TokenCounts {
  const usagePromptTokens = usage?.promptTokens ?? null;
  const usageCompletionTokens = usage?.completionTokens ?? null;
  // "0 reasoning tokens" for an answer without reasoning means there is no reasoning to report.
  const usageReasoningTokens = usage?.reasoningTokens || reasoningText ? (usage?.reasoningTokens ?? null) : null;
  if (!setup.endpoint.producesTokens || !valid) {
    return {
      inputTokenCount: clientInput, outputTokenCount: null, reasoningTokenCount: null, usagePromptTokens, usageCompletionTokens,
      usageReasoningTokens, clientInputTokenCount: clientInput, clientOutputTokenCount: null, clientReasoningTokenCount: null,
    };
  }
  const count = (text: string) => setup.tokenizer.count(text);
  const useServer = setup.config.endpoint.useServerTokenCount;
  const clientReasoning = reasoningText && !(useServer && usageReasoningTokens !== null) ? count(reasoningText) : null;
  const reasoning = useServer ? (usageReasoningTokens ?? clientReasoning) : clientReasoning;
  // With the flag the answer is not tokenized at all (that is the point of it: no client tokenizer cost).
  const serverOutput = usageCompletionTokens === null ? null : Math.max(0, usageCompletionTokens - (reasoning ?? 0));
  const clientOutput = useServer && serverOutput !== null ? null : count(outputText);
  return {
    inputTokenCount: useServer ? (usagePromptTokens ?? clientInput) : clientInput,
    outputTokenCount: useServer ? (serverOutput ?? clientOutput) : clientOutput,
    reasoningTokenCount: reasoning,
    usagePromptTokens,
    usageCompletionTokens,
    usageReasoningTokens,
    clientInputTokenCount: clientInput,
    clientOutputTokenCount: clientOutput,
    clientReasoningTokenCount: clientReasoning,
  };
}
