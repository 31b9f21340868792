import type { BenchmarkConfig } from '@aiperf/config';
import type { Dispatcher } from 'undici';
import { sendRequest } from '../client/send-request.js';
import type { DatasetTurn } from '../dataset/dataset.js';
import type { TextTokenizer } from '../dataset/tokenizer.js';
import type { EndpointType } from '../endpoints/types.js';
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
  const tokens = await countTokens(setup, m.usage, m.outputText, m.reasoningText, m.error === null);
  const useServerInput = config.endpoint.useServerTokenCount && m.usage?.promptTokens != null;
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
    inputTokenCount: useServerInput ? m.usage!.promptTokens : turn.inputTokenCount,
    outputTokenCount: tokens.output,
    reasoningTokenCount: tokens.reasoning,
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

/**
 * Output tokens: the server's `usage` when it reports one (completion tokens include reasoning tokens, so the
 * reasoning share is subtracted), else the client tokenizer over the received text.
 */
async function countTokens(
  setup: ExecutorSetup,
  usage: { completionTokens: number | null; reasoningTokens: number | null } | null,
  outputText: string,
  reasoningText: string,
  valid: boolean,
): Promise<{ output: number | null; reasoning: number | null }> {
  if (!setup.endpoint.producesTokens || !valid) return { output: null, reasoning: null };
  // A usage block saying "0 reasoning tokens" for a non-reasoning answer means there is no reasoning to report.
  const serverReasoning = usage?.reasoningTokens || reasoningText ? usage?.reasoningTokens : null;
  const count = async (text: string) => (await setup.tokenizer()).encode(text).length;
  const reasoning = serverReasoning ?? (reasoningText ? await count(reasoningText) : null);
  if (usage?.completionTokens != null) {
    return { output: Math.max(0, usage.completionTokens - (reasoning ?? 0)), reasoning };
  }
  return { output: await count(outputText), reasoning };
}
