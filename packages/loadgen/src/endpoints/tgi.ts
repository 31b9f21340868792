import { type EndpointType, type ParsedResponse, isRecord, num, str } from './types.js';

/**
 * Hugging Face TGI's native API (`huggingface_generate`): `{inputs, parameters}` to `/generate`, or to
 * `/generate_stream` when streaming, where each event carries one token (special tokens are not text) and the
 * last one the details with the generated token count. Extra inputs are generation parameters.
 */
function details(value: unknown): ParsedResponse['usage'] {
  if (!isRecord(value)) return null;
  const generated = num(value.generated_tokens);
  return generated === null ? null : { promptTokens: null, completionTokens: generated, reasoningTokens: null };
}

export function parseTgiMessage(json: unknown): ParsedResponse | null {
  // A non-streaming answer may come as a one-element list.
  const body = Array.isArray(json) && json.length > 0 ? json[0] : json;
  if (!isRecord(body)) return null;
  if (typeof body.error === 'string') return { text: '', reasoning: '', usage: null, error: `${str(body.error_type) || 'error'}: ${body.error}` };
  if (isRecord(body.token)) {
    return { text: body.token.special === true ? '' : str(body.token.text), reasoning: '', usage: details(body.details) };
  }
  if (typeof body.generated_text === 'string') return { text: body.generated_text, reasoning: '', usage: details(body.details) };
  return null;
}

export const huggingfaceGenerateEndpoint: EndpointType = {
  name: 'huggingface_generate',
  defaultPath: '/generate',
  streamingPath: '/generate_stream',
  supportsStreaming: true,
  producesTokens: true,
  metricsTitle: 'LLM Metrics',
  buildBody: (input) => ({
    // The generate API takes one text: earlier turns are prepended as plain text.
    inputs: [...(input.history ?? []).map((m) => m.content), input.prompt].join('\n'),
    parameters: { ...(input.maxTokens === null ? {} : { max_new_tokens: input.maxTokens }), ...input.extraInputs },
  }),
  parseResponse: parseTgiMessage,
};
