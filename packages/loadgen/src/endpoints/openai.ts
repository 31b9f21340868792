import { type EndpointType, type ParsedResponse, type RequestInput, type RequestMedia, isRecord, parseUsage, str } from './types.js';

// OpenAI-compatible endpoint types: chat, completions, embeddings.

/** The prompt with its media as OpenAI content parts: text, `image_url` data URLs, `input_audio`. */
function contentParts(prompt: string, media: RequestMedia): unknown[] {
  return [
    { type: 'text', text: prompt },
    ...media.images.map((url) => ({ type: 'image_url', image_url: { url } })),
    ...media.audio.map((clip) => ({ type: 'input_audio', input_audio: clip })),
  ];
}

/**
 * An OpenAI message has `choices` or `usage` (a usage-only chunk); `{"error": …}` is the server reporting a
 * failure mid-stream. Anything else comes from a server of another API type.
 */
function openAiMessage(json: unknown): { body: Record<string, unknown> } | ParsedResponse | null {
  if (!isRecord(json)) return null;
  if (json.error !== undefined && json.choices === undefined) {
    const error = json.error;
    return { text: '', reasoning: '', usage: null, error: isRecord(error) ? str(error.message) || JSON.stringify(error) : String(error) };
  }
  if (!Array.isArray(json.choices) && !isRecord(json.usage)) return null;
  return { body: json };
}

function tokenLimit(input: RequestInput): Record<string, number> {
  if (input.maxTokens === null) return {};
  return input.useLegacyMaxTokens ? { max_tokens: input.maxTokens } : { max_completion_tokens: input.maxTokens };
}

/** Streaming requests ask for a final usage chunk, so OSL comes from the server when it reports one. */
const streamFields = (input: RequestInput) =>
  input.streaming ? { stream: true, stream_options: { include_usage: true } } : { stream: false };

export const chatEndpoint: EndpointType = {
  name: 'chat',
  defaultPath: '/v1/chat/completions',
  supportsStreaming: true,
  producesTokens: true,
  metricsTitle: 'LLM Metrics',
  buildBody: (input) => ({
    messages: [...(input.history ?? []), { role: 'user', content: input.media ? contentParts(input.prompt, input.media) : input.prompt }],
    model: input.model,
    ...streamFields(input),
    ...tokenLimit(input),
    ...input.extraInputs,
  }),
  parseResponse(json): ParsedResponse | null {
    const message = openAiMessage(json);
    if (message === null || !('body' in message)) return message;
    const choice = (message.body as { choices?: Array<Record<string, Record<string, unknown>>> }).choices?.[0];
    const part = choice?.delta ?? choice?.message;
    return {
      text: str(part?.content),
      reasoning: str(part?.reasoning_content) || str(part?.reasoning),
      usage: parseUsage(json),
    };
  },
};

export const completionsEndpoint: EndpointType = {
  name: 'completions',
  defaultPath: '/v1/completions',
  supportsStreaming: true,
  producesTokens: true,
  metricsTitle: 'LLM Metrics',
  buildBody: (input) => ({
    // The completions API has no messages: earlier turns are prepended as plain text.
    prompt: [...(input.history ?? []).map((m) => m.content), input.prompt].join('\n'),
    model: input.model,
    ...streamFields(input),
    // The completions API only knows `max_tokens`.
    ...(input.maxTokens === null ? {} : { max_tokens: input.maxTokens }),
    ...input.extraInputs,
  }),
  parseResponse(json): ParsedResponse | null {
    const message = openAiMessage(json);
    if (message === null || !('body' in message)) return message;
    const choice = (message.body as { choices?: Array<Record<string, unknown>> }).choices?.[0];
    return { text: str(choice?.text), reasoning: str(choice?.reasoning_content) || str(choice?.reasoning), usage: parseUsage(json) };
  },
};

export const embeddingsEndpoint: EndpointType = {
  name: 'embeddings',
  defaultPath: '/v1/embeddings',
  supportsStreaming: false,
  producesTokens: false,
  metricsTitle: 'Embeddings Metrics',
  acceptsBatch: true,
  buildBody: (input) => ({ input: [input.prompt, ...(input.batch ?? [])], model: input.model, ...input.extraInputs }),
  parseResponse: parseEmbeddings,
};

/** An embeddings answer has a `data` list of vectors. */
export function parseEmbeddings(json: unknown): ParsedResponse | null {
  if (!isRecord(json) || !Array.isArray(json.data)) return null;
  return { text: '', reasoning: '', usage: parseUsage(json) };
}
