import type { BenchmarkConfig } from '@aiperf/config';
import type { Dispatcher } from 'undici';
import { sendRequest } from '../client/send-request.js';
import type { DatasetTurn } from '../dataset/dataset.js';
import type { TextTokenizer } from '../dataset/tokenizer.js';
import type { EndpointType, ServerUsage } from '../endpoints/types.js';
import type { BenchmarkPhase, RequestRecord } from '../records.js';
import { createRng } from '@aiperf/stats';
import { flatUuid } from '../flat-uuid.js';

export interface ExecutorSetup {
  config: BenchmarkConfig;
  endpoint: EndpointType;
  dataset: readonly DatasetTurn[];
  /** The tokenizer, loaded on first use (only needed when the server reports no usage). */
  tokenizer: () => Promise<TextTokenizer>;
  dispatcher: Dispatcher;
  path: string;
  epochOffsetNs: bigint;
  workerId: string;
  /** Aborting abandons in-flight requests (their results are dropped). */
  abandonSignal: AbortSignal;
}

/** Whether request `index` is one of the share to cancel: a seeded draw per index, so every thread agrees. */
export function shouldCancel(seed: number | null, ratePercent: number | null, phase: BenchmarkPhase, index: number): boolean {
  if (ratePercent === null || phase !== 'profiling') return false;
  return createRng(seed ?? 0).fork(1_000_003 + index).next() * 100 < ratePercent;
}

/**
 * Sends request `index` of a phase and turns the measurement into a record (`abandoned` when the run cut it off).
 * `turn` defaults to the dataset entry for `index` (multi-turn sessions pass their later turns); `onOutputText`
 * receives the answer's text (multi-turn sessions resend it as history).
 */
export async function executeRequest(
  setup: ExecutorSetup,
  phase: BenchmarkPhase,
  index: number,
  duePerfNs: bigint | null,
  turn: DatasetTurn = setup.dataset[index % setup.dataset.length]!,
  onOutputText?: (text: string) => void,
): Promise<RequestRecord> {
  const { config, endpoint } = setup;
  const xRequestId = flatUuid();
  const xCorrelationId = flatUuid();
  const { load } = config;
  const cancel = shouldCancel(config.input.randomSeed, load.requestCancellationRate, phase, index);
  const m = await sendRequest({
    dispatcher: setup.dispatcher,
    path: setup.path,
    headers: requestHeaders(config, xRequestId, xCorrelationId),
    body: turn.bodyText,
    streaming: config.endpoint.streaming && endpoint.supportsStreaming,
    endpoint,
    timeoutMs: config.endpoint.timeoutSeconds * 1000,
    cancelAfterMs: cancel ? load.requestCancellationDelaySeconds * 1000 : null,
    signal: setup.abandonSignal,
    captureRaw: config.output.exportLevel === 'raw',
  });
  onOutputText?.(m.outputText);
  const tokens = await countTokens(setup, turn.inputTokenCount, m.usage, m.outputText, m.reasoningText, m.error === null);
  return {
    sessionNum: index,
    xRequestId,
    xCorrelationId,
    conversationId: turn.conversationId,
    turnIndex: turn.turnIndex,
    phase,
    workerId: setup.workerId,
    startPerfNs: m.startPerfNs,
    startEpochNs: m.startPerfNs + setup.epochOffsetNs,
    ackOffsetNs: m.ackOffsetNs,
    contentOffsetsNs: m.contentOffsetsNs,
    firstOutputOffsetNs: m.firstOutputOffsetNs,
    lastResponseOffsetNs: m.lastResponseOffsetNs,
    endOffsetNs: m.endOffsetNs,
    ...tokens,
    error: m.abandoned ? { code: null, type: 'RunAbortedError', message: 'still in flight when the run ended' } : m.error,
    ...(m.abandoned ? { abandoned: true } : {}),
    wasCancelled: m.wasCancelled,
    cancellationOffsetNs: m.cancellationOffsetNs,
    // A send that waited for its time or for a slot beyond schedule is late: measured, never hidden.
    sendLatenessNs: duePerfNs === null ? 0 : Math.max(0, Number(m.startPerfNs - duePerfNs)),
    ...(m.rawResponses ? { raw: { payload: turn.payload, responses: m.rawResponses } } : {}),
  };
}

function requestHeaders(config: BenchmarkConfig, xRequestId: string, xCorrelationId: string): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: config.endpoint.streaming ? 'text/event-stream' : 'application/json',
    'x-request-id': xRequestId,
    'x-correlation-id': xCorrelationId,
    ...config.endpoint.headers,
  };
  if (config.endpoint.apiKey) headers.authorization = `Bearer ${config.endpoint.apiKey}`;
  return headers;
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
async function countTokens(
  setup: ExecutorSetup,
  clientInput: number | null,
  usage: ServerUsage | null,
  outputText: string,
  reasoningText: string,
  valid: boolean,
): Promise<TokenCounts> {
  const server = {
    usagePromptTokens: usage?.promptTokens ?? null,
    usageCompletionTokens: usage?.completionTokens ?? null,
    // "0 reasoning tokens" for an answer without reasoning means there is no reasoning to report.
    usageReasoningTokens: usage?.reasoningTokens || reasoningText ? (usage?.reasoningTokens ?? null) : null,
  };
  if (!setup.endpoint.producesTokens || !valid) {
    return { inputTokenCount: clientInput, outputTokenCount: null, reasoningTokenCount: null, ...server, clientInputTokenCount: clientInput };
  }
  const count = async (text: string) => (await setup.tokenizer()).encode(text).length;
  const useServer = setup.config.endpoint.useServerTokenCount;
  const clientReasoning = reasoningText && !(useServer && server.usageReasoningTokens !== null) ? await count(reasoningText) : null;
  const reasoning = useServer ? (server.usageReasoningTokens ?? clientReasoning) : clientReasoning;
  // With the flag the answer is not tokenized at all (that is the point of it: no client tokenizer cost).
  const serverOutput = server.usageCompletionTokens === null ? null : Math.max(0, server.usageCompletionTokens - (reasoning ?? 0));
  const clientOutput = useServer && serverOutput !== null ? null : await count(outputText);
  return {
    inputTokenCount: useServer ? (server.usagePromptTokens ?? clientInput) : clientInput,
    outputTokenCount: useServer ? (serverOutput ?? clientOutput) : clientOutput,
    reasoningTokenCount: reasoning,
    ...server,
    clientInputTokenCount: clientInput,
    clientOutputTokenCount: clientOutput,
    clientReasoningTokenCount: clientReasoning,
  };
}
