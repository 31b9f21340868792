import type { ResponseIdentity } from '../openai-shapes.js';
import type { ResponsePlan } from '../plan.js';
import { contentText, isRecord, type ParsedRequest } from '../request.js';
import { commonRequest, namedEvent, type StreamEncoder, type WireFormat } from './types.js';

// OpenAI Responses API (POST /v1/responses): `input` in, `output` items out; a stream is numbered typed events
// (response.created … response.output_text.delta … response.completed, or response.incomplete at the token limit).

function promptOf(body: Record<string, unknown>): string | null {
  const instructions = typeof body.instructions === 'string' ? body.instructions : '';
  if (typeof body.input === 'string') return [instructions, body.input].filter(Boolean).join('\n');
  if (!Array.isArray(body.input)) return null;
  const turns = body.input.map((item) => (isRecord(item) ? contentText(item.content) : ''));
  return [instructions, ...turns].filter(Boolean).join('\n');
}

const messageId = (identity: ResponseIdentity) => identity.id.replace(/^resp_/, 'msg_');

function outputItem(identity: ResponseIdentity, text: string, status: string) {
  const content = status === 'in_progress' ? [] : [{ type: 'output_text', text, annotations: [], logprobs: [] }];
  return { id: messageId(identity), type: 'message', status, role: 'assistant', content };
}

function responseObject(identity: ResponseIdentity, plan: ResponsePlan, request: ParsedRequest, done: boolean) {
  const incomplete = done && plan.finishReason === 'length';
  const text = plan.content.join('');
  return {
    id: identity.id,
    object: 'response',
    created_at: identity.created,
    status: !done ? 'in_progress' : incomplete ? 'incomplete' : 'completed',
    error: null,
    incomplete_details: incomplete ? { reason: 'max_output_tokens' } : null,
    instructions: null,
    max_output_tokens: request.maxTokens ?? null,
    model: identity.model,
    output: done ? [outputItem(identity, text, incomplete ? 'incomplete' : 'completed')] : [],
    parallel_tool_calls: true,
    previous_response_id: null,
    reasoning: { effort: null, summary: null },
    store: false,
    temperature: 1,
    text: { format: { type: 'text' } },
    tool_choice: 'auto',
    tools: [],
    top_p: 1,
    truncation: 'disabled',
    usage: done
      ? {
          input_tokens: plan.promptTokens,
          input_tokens_details: { cached_tokens: 0 },
          output_tokens: plan.contentCount,
          output_tokens_details: { reasoning_tokens: 0 },
          total_tokens: plan.promptTokens + plan.contentCount,
        }
      : null,
    user: null,
    metadata: {},
  };
}

class ResponsesEncoder implements StreamEncoder {
  readonly tokenCount: number;
  private sequence = 0;

  constructor(
    private readonly identity: ResponseIdentity,
    private readonly plan: ResponsePlan,
    private readonly request: ParsedRequest,
  ) {
    this.tokenCount = plan.contentCount;
  }

  private event(type: string, fields: Record<string, unknown>): string {
    return namedEvent(type, { type, sequence_number: this.sequence++, ...fields });
  }

  private part(text: string) {
    return { item_id: messageId(this.identity), output_index: 0, content_index: 0, text };
  }

  start(): string {
    const response = responseObject(this.identity, this.plan, this.request, false);
    const item = outputItem(this.identity, '', 'in_progress');
    return (
      this.event('response.created', { response }) +
      this.event('response.in_progress', { response }) +
      this.event('response.output_item.added', { output_index: 0, item }) +
      this.event('response.content_part.added', { item_id: item.id, output_index: 0, content_index: 0, part: { type: 'output_text', text: '', annotations: [] } })
    );
  }

  token(index: number): string {
    const delta = this.plan.content[index] ?? '';
    return this.event('response.output_text.delta', { item_id: messageId(this.identity), output_index: 0, content_index: 0, delta, logprobs: [] });
  }

  end(): string {
    const response = responseObject(this.identity, this.plan, this.request, true);
    const item = response.output[0]!;
    const text = this.plan.content.join('');
    const { item_id, output_index, content_index } = this.part(text);
    return (
      this.event('response.output_text.done', { item_id, output_index, content_index, text, logprobs: [] }) +
      this.event('response.content_part.done', { item_id, output_index, content_index, part: item.content[0] }) +
      this.event('response.output_item.done', { output_index: 0, item }) +
      this.event(response.status === 'completed' ? 'response.completed' : 'response.incomplete', { response })
    );
  }
}

export const responsesFormat: WireFormat = {
  parse(body) {
    if (!isRecord(body)) return { error: 'the request body must be a JSON object' };
    const promptText = promptOf(body);
    if (promptText === null) return { error: '`input` must be a string or an array of input items' };
    return commonRequest(body, { promptText, stream: body.stream === true, maxTokensField: 'max_output_tokens', maxTokens: body.max_output_tokens });
  },
  encoder: (identity, plan, request) => new ResponsesEncoder(identity, plan, request),
  whole: (identity, plan, request) => responseObject(identity, plan, request, true),
};
