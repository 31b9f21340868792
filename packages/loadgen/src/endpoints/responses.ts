import { systemText } from './anthropic.js';
import { type EndpointType, type ParsedResponse, isRecord, num, str } from './types.js';

/**
 * OpenAI Responses API (`responses`): `input` items and `max_output_tokens` in; out come `output` items, or a
 * stream of typed events of which `response.output_text.delta` carries the text and `response.completed`
 * (`response.incomplete` at the token limit) the usage. Other `response.*` events carry nothing to measure.
 */
const NOTHING: ParsedResponse = { text: '', reasoning: '', usage: null };

function responsesUsage(usage: unknown): ParsedResponse['usage'] {
  if (!isRecord(usage)) return null;
  const details = isRecord(usage.output_tokens_details) ? usage.output_tokens_details : {};
  return { promptTokens: num(usage.input_tokens), completionTokens: num(usage.output_tokens), reasoningTokens: num(details.reasoning_tokens) };
}

/** The text and reasoning of a whole response's output items. */
function outputText(output: unknown): { text: string; reasoning: string } {
  const items = Array.isArray(output) ? output.filter(isRecord) : [];
  const parts = (item: Record<string, unknown>) => (Array.isArray(item.content) ? item.content.filter(isRecord) : []);
  return {
    text: items.flatMap((item) => (item.type === 'message' ? parts(item) : [])).map((p) => (p.type === 'output_text' ? str(p.text) : '')).join(''),
    reasoning: items.flatMap((item) => (item.type === 'reasoning' ? parts(item) : [])).map((p) => str(p.text)).join(''),
  };
}

export function parseResponsesMessage(json: unknown): ParsedResponse | null {
  if (!isRecord(json)) return null;
  if (json.object === 'response') return { ...outputText(json.output), usage: responsesUsage(json.usage) };
  const type = json.type;
  if (typeof type !== 'string') return null;
  if (type === 'response.output_text.delta') return { ...NOTHING, text: str(json.delta) };
  if (type === 'response.reasoning_text.delta' || type === 'response.reasoning_summary_text.delta') return { ...NOTHING, reasoning: str(json.delta) };
  if (type === 'response.completed' || type === 'response.incomplete') {
    // The final response repeats the whole text: only its usage is new.
    return { ...NOTHING, usage: responsesUsage(isRecord(json.response) ? json.response.usage : null) };
  }
  if (type === 'response.failed' || type === 'error') {
    const error = type === 'error' ? json : isRecord(json.response) ? json.response.error : null;
    return { ...NOTHING, error: isRecord(error) ? `${str(error.code) || 'error'}: ${str(error.message)}` : type };
  }
  return type.startsWith('response.') ? NOTHING : null;
}

export const responsesEndpoint: EndpointType = {
  name: 'responses',
  defaultPath: '/v1/responses',
  supportsStreaming: true,
  producesTokens: true,
  metricsTitle: 'LLM Metrics',
  buildBody: (input) => {
    const instructions = systemText(input.history);
    return {
      model: input.model,
      // System text is the top-level `instructions`.
      ...(instructions === null ? {} : { instructions }),
      input: [...(input.history ?? []).filter((m) => m.role !== 'system'), { role: 'user', content: input.prompt }],
      ...(input.maxTokens === null ? {} : { max_output_tokens: input.maxTokens }),
      stream: input.streaming,
      ...input.extraInputs,
    };
  },
  parseResponse: parseResponsesMessage,
};
