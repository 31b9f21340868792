import { type ChatMessage, type EndpointType, type ParsedResponse, isRecord, num, str } from './types.js';

/**
 * Anthropic Messages API (`messages`): `max_tokens` is required (1024 when the run sets no output length),
 * the key goes in `x-api-key` with an `anthropic-version`, and a stream is typed events: `message_start`
 * (input tokens), `content_block_delta` (text or thinking), `message_delta` (output tokens), `ping`, `message_stop`.
 */
export const ANTHROPIC_VERSION = '2023-06-01';
export const MESSAGES_DEFAULT_MAX_TOKENS = 1024;

const NOTHING: ParsedResponse = { text: '', reasoning: '', usage: null };
/** Events that carry nothing to measure. */
const SILENT_EVENTS = new Set(['ping', 'content_block_start', 'content_block_stop', 'message_stop']);

function anthropicUsage(usage: unknown): ParsedResponse['usage'] {
  if (!isRecord(usage)) return null;
  return { promptTokens: num(usage.input_tokens), completionTokens: num(usage.output_tokens), reasoningTokens: null };
}

/** Text and thinking of a whole message's content blocks. */
function blocksText(content: unknown): { text: string; reasoning: string } {
  const blocks = Array.isArray(content) ? content.filter(isRecord) : [];
  return {
    text: blocks.map((b) => (b.type === 'text' ? str(b.text) : '')).join(''),
    reasoning: blocks.map((b) => (b.type === 'thinking' ? str(b.thinking) : '')).join(''),
  };
}

export function parseAnthropicMessage(json: unknown): ParsedResponse | null {
  if (!isRecord(json) || typeof json.type !== 'string') return null;
  switch (json.type) {
    case 'message':
      return { ...blocksText(json.content), usage: anthropicUsage(json.usage) };
    case 'message_start': {
      const message = isRecord(json.message) ? json.message : {};
      // Its output_tokens is a placeholder (1) until message_delta reports the real count.
      const usage = anthropicUsage(message.usage);
      return { ...NOTHING, usage: usage && { ...usage, completionTokens: null } };
    }
    case 'content_block_delta': {
      const delta = isRecord(json.delta) ? json.delta : {};
      return { text: delta.type === 'text_delta' ? str(delta.text) : '', reasoning: delta.type === 'thinking_delta' ? str(delta.thinking) : '', usage: null };
    }
    case 'message_delta':
      return { ...NOTHING, usage: anthropicUsage(json.usage) };
    case 'error': {
      const error = isRecord(json.error) ? json.error : {};
      return { ...NOTHING, error: `${str(error.type) || 'error'}: ${str(error.message)}` };
    }
    default:
      // The API may add event types (clients must ignore them); dotted names are another API's (OpenAI Responses).
      return SILENT_EVENTS.has(json.type) || !json.type.includes('.') ? NOTHING : null;
  }
}

/** The system messages of a conversation as one top-level field (Anthropic `system`, Responses `instructions`). */
export function systemText(history: readonly ChatMessage[] | undefined): string | null {
  const system = (history ?? []).filter((m) => m.role === 'system').map((m) => m.content);
  return system.length > 0 ? system.join('\n') : null;
}

const systemField = (history: readonly ChatMessage[] | undefined) => {
  const text = systemText(history);
  return text === null ? {} : { system: text };
};

export const messagesEndpoint: EndpointType = {
  name: 'messages',
  defaultPath: '/v1/messages',
  supportsStreaming: true,
  producesTokens: true,
  metricsTitle: 'LLM Metrics',
  authHeaders: (apiKey) => ({ 'anthropic-version': ANTHROPIC_VERSION, ...(apiKey ? { 'x-api-key': apiKey } : {}) }),
  buildBody: (input) => ({
    model: input.model,
    // The API has no system role: system text is the top-level `system` field.
    ...systemField(input.history),
    messages: [...(input.history ?? []).filter((m) => m.role !== 'system'), { role: 'user', content: input.prompt }],
    max_tokens: input.maxTokens ?? MESSAGES_DEFAULT_MAX_TOKENS,
    ...(input.streaming ? { stream: true } : {}),
    ...input.extraInputs,
  }),
  parseResponse: parseAnthropicMessage,
};
