import type { FinishReason, ResponsePlan } from './plan.js';
import type { EndpointKind } from './request.js';

// The exact JSON shapes of the OpenAI API (chat.completion, chat.completion.chunk, text_completion).

export interface ResponseIdentity {
  id: string;
  created: number;
  model: string;
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  completion_tokens_details?: { reasoning_tokens: number };
}

export function usageOf(kind: 'chat' | 'completions', plan: ResponsePlan): Usage {
  const completion = plan.reasoningCount + plan.contentCount;
  const usage: Usage = {
    prompt_tokens: plan.promptTokens,
    completion_tokens: completion,
    total_tokens: plan.promptTokens + completion,
  };
  if (kind === 'chat') usage.completion_tokens_details = { reasoning_tokens: plan.reasoningCount };
  return usage;
}

/** Each API's id prefix (what its clients see in real answers). */
const ID_PREFIXES: Record<EndpointKind, string> = { chat: 'chatcmpl-', completions: 'cmpl-', messages: 'msg_', responses: 'resp_', generate: 'gen-' };

export function responseId(kind: EndpointKind, serial: number, seed: number): string {
  const hex = ((serial * 2654435761 + seed) >>> 0).toString(16).padStart(8, '0');
  return `${ID_PREFIXES[kind]}mock${hex}${serial.toString(16)}`;
}

export type Delta = { role?: 'assistant'; content?: string; reasoning_content?: string };

/** One streamed chat chunk; with include_usage every chunk but the last carries `usage: null`, like OpenAI. */
export function chatChunk(
  identity: ResponseIdentity,
  delta: Delta,
  finishReason: FinishReason | null,
  withUsageNull: boolean,
): Record<string, unknown> {
  const chunk: Record<string, unknown> = {
    id: identity.id,
    object: 'chat.completion.chunk',
    created: identity.created,
    model: identity.model,
    system_fingerprint: 'fp_mock',
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  };
  if (withUsageNull) chunk.usage = null;
  return chunk;
}

export function completionChunk(
  identity: ResponseIdentity,
  text: string,
  finishReason: FinishReason | null,
  withUsageNull: boolean,
): Record<string, unknown> {
  const chunk: Record<string, unknown> = {
    id: identity.id,
    object: 'text_completion',
    created: identity.created,
    model: identity.model,
    system_fingerprint: 'fp_mock',
    choices: [{ text, index: 0, logprobs: null, finish_reason: finishReason }],
  };
  if (withUsageNull) chunk.usage = null;
  return chunk;
}

/** The final `choices: []` chunk sent when `stream_options.include_usage` is true. */
export function usageChunk(kind: 'chat' | 'completions', identity: ResponseIdentity, usage: Usage): Record<string, unknown> {
  return {
    id: identity.id,
    object: kind === 'chat' ? 'chat.completion.chunk' : 'text_completion',
    created: identity.created,
    model: identity.model,
    system_fingerprint: 'fp_mock',
    choices: [],
    usage,
  };
}

/** The whole non-streaming response. */
export function completionBody(kind: 'chat' | 'completions', identity: ResponseIdentity, plan: ResponsePlan): Record<string, unknown> {
  const text = plan.content.join('');
  const base = { id: identity.id, created: identity.created, model: identity.model, system_fingerprint: 'fp_mock' };
  if (kind === 'completions') {
    return {
      ...base,
      object: 'text_completion',
      choices: [{ text, index: 0, logprobs: null, finish_reason: plan.finishReason }],
      usage: usageOf(kind, plan),
    };
  }
  const message: Record<string, unknown> = { role: 'assistant', content: text, refusal: null };
  if (plan.reasoningCount > 0) message.reasoning_content = plan.reasoning.join('');
  return {
    ...base,
    object: 'chat.completion',
    choices: [{ index: 0, message, logprobs: null, finish_reason: plan.finishReason }],
    usage: usageOf(kind, plan),
  };
}

export function errorBody(message: string, type: string, code: string | null = null): Record<string, unknown> {
  return { error: { message, type, param: null, code } };
}
