import type { ResponseIdentity } from '../openai-shapes.js';
import type { ResponsePlan } from '../plan.js';
import { contentText, isRecord } from '../request.js';
import { commonRequest, namedEvent, type StreamEncoder, type WireFormat } from './types.js';

// Anthropic Messages API (POST /v1/messages): request fields and the typed SSE events of a streamed message.

const stopReason = (plan: ResponsePlan) => (plan.finishReason === 'length' ? 'max_tokens' : 'end_turn');

function messageShell(identity: ResponseIdentity) {
  return { id: identity.id, type: 'message', role: 'assistant', model: identity.model };
}

/** Extended thinking comes first, in a `thinking` block closed by a signature; the answer is the next block. */
const SIGNATURE = 'mock-signature';
const blockStart = (index: number, type: 'thinking' | 'text') =>
  namedEvent('content_block_start', { type: 'content_block_start', index, content_block: type === 'text' ? { type, text: '' } : { type, thinking: '', signature: '' } });
const blockStop = (index: number) => namedEvent('content_block_stop', { type: 'content_block_stop', index });
const delta = (index: number, body: Record<string, unknown>) => namedEvent('content_block_delta', { type: 'content_block_delta', index, delta: body });

class AnthropicEncoder implements StreamEncoder {
  readonly tokenCount: number;
  private readonly thinking: boolean;

  constructor(
    private readonly identity: ResponseIdentity,
    private readonly plan: ResponsePlan,
  ) {
    this.tokenCount = plan.reasoningCount + plan.contentCount;
    this.thinking = plan.reasoningCount > 0;
  }

  start(): string {
    const usage = { input_tokens: this.plan.promptTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 1 };
    const message = { ...messageShell(this.identity), content: [], stop_reason: null, stop_sequence: null, usage };
    return namedEvent('message_start', { type: 'message_start', message }) + blockStart(0, this.thinking ? 'thinking' : 'text') + namedEvent('ping', { type: 'ping' });
  }

  token(index: number): string {
    const { plan } = this;
    if (index < plan.reasoningCount) return delta(0, { type: 'thinking_delta', thinking: plan.reasoning[index] ?? '' });
    const textIndex = this.thinking ? 1 : 0;
    // The first answer token closes the thinking block and opens the text block.
    const opening = this.thinking && index === plan.reasoningCount ? delta(0, { type: 'signature_delta', signature: SIGNATURE }) + blockStop(0) + blockStart(1, 'text') : '';
    return opening + delta(textIndex, { type: 'text_delta', text: plan.content[index - plan.reasoningCount] ?? '' });
  }

  end(): string {
    return (
      blockStop(this.thinking && this.plan.contentCount > 0 ? 1 : 0) +
      namedEvent('message_delta', {
        type: 'message_delta',
        delta: { stop_reason: stopReason(this.plan), stop_sequence: null },
        usage: { output_tokens: this.tokenCount },
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
    const parsed = commonRequest(body, { promptText, stream: body.stream === true, maxTokensField: 'max_tokens', maxTokens: body.max_tokens });
    // Extended thinking (`thinking: {type: "enabled"}`) streams reasoning before the answer.
    if ('request' in parsed && isRecord(body.thinking) && body.thinking.type === 'enabled') parsed.request.reasoningEffort = 'medium';
    return parsed;
  },
  encoder: (identity, plan) => new AnthropicEncoder(identity, plan),
  whole: (identity, plan) => ({
    ...messageShell(identity),
    content: [
      ...(plan.reasoningCount > 0 ? [{ type: 'thinking', thinking: plan.reasoning.join(''), signature: SIGNATURE }] : []),
      { type: 'text', text: plan.content.join('') },
    ],
    stop_reason: stopReason(plan),
    stop_sequence: null,
    usage: { input_tokens: plan.promptTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: plan.reasoningCount + plan.contentCount },
  }),
};
