import type { ResponseIdentity } from '../openai-shapes.js';
import type { ResponsePlan } from '../plan.js';
import { contentText, isRecord } from '../request.js';
import { commonRequest, namedEvent, type StreamEncoder, type WireFormat } from './types.js';

// Anthropic Messages API (POST /v1/messages): request fields and the typed SSE events of a streamed message.

const stopReason = (plan: ResponsePlan) => (plan.finishReason === 'length' ? 'max_tokens' : 'end_turn');

function messageShell(identity: ResponseIdentity) {
  return { id: identity.id, type: 'message', role: 'assistant', model: identity.model };
}

class AnthropicEncoder implements StreamEncoder {
  readonly tokenCount: number;

  constructor(
    private readonly identity: ResponseIdentity,
    private readonly plan: ResponsePlan,
  ) {
    this.tokenCount = plan.contentCount;
  }

  start(): string {
    const usage = { input_tokens: this.plan.promptTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 1 };
    const message = { ...messageShell(this.identity), content: [], stop_reason: null, stop_sequence: null, usage };
    return (
      namedEvent('message_start', { type: 'message_start', message }) +
      namedEvent('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }) +
      namedEvent('ping', { type: 'ping' })
    );
  }

  token(index: number): string {
    const delta = { type: 'text_delta', text: this.plan.content[index] ?? '' };
    return namedEvent('content_block_delta', { type: 'content_block_delta', index: 0, delta });
  }

  end(): string {
    return (
      namedEvent('content_block_stop', { type: 'content_block_stop', index: 0 }) +
      namedEvent('message_delta', {
        type: 'message_delta',
        delta: { stop_reason: stopReason(this.plan), stop_sequence: null },
        usage: { output_tokens: this.plan.contentCount },
      }) +
      namedEvent('message_stop', { type: 'message_stop' })
    );
  }
}

export const anthropicFormat: WireFormat = {
  parse(body) {
    if (!isRecord(body)) return { error: 'the request body must be a JSON object' };
    if (!Array.isArray(body.messages)) return { error: '`messages` must be an array of messages' };
    // The API requires max_tokens.
    if (body.max_tokens === undefined) return { error: '`max_tokens` is required' };
    const system = contentText(body.system);
    const turns = body.messages.map((message) => (isRecord(message) ? contentText(message.content) : ''));
    const promptText = [system, ...turns].filter(Boolean).join('\n');
    return commonRequest(body, { promptText, stream: body.stream === true, maxTokensField: 'max_tokens', maxTokens: body.max_tokens });
  },
  encoder: (identity, plan) => new AnthropicEncoder(identity, plan),
  whole: (identity, plan) => ({
    ...messageShell(identity),
    content: [{ type: 'text', text: plan.content.join('') }],
    stop_reason: stopReason(plan),
    stop_sequence: null,
    usage: { input_tokens: plan.promptTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: plan.contentCount },
  }),
};
