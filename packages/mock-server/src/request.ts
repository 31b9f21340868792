// Reads the parts of an OpenAI request body the simulation needs. Pure: body in, fields or errors out.

/** The token-generating APIs the server speaks (each has its request parser and response shapes in `wire/`). */
export type EndpointKind = 'chat' | 'completions' | 'messages' | 'responses' | 'generate';

export interface ParsedRequest {
  model: string;
  promptText: string;
  stream: boolean;
  includeUsage: boolean;
  maxTokens: number | undefined;
  minTokens: number | undefined;
  ignoreEos: boolean;
  /** `reasoning_effort` of the request, when it names one. */
  reasoningEffort: ReasoningEffort | undefined;
  /** TGI: `parameters.details` asks for the details object in a whole answer. */
  wantDetails?: boolean;
}

/** Reasoning tokens per `reasoning_effort` when the server sets no count (as AIPerf's mock server does). */
export const REASONING_EFFORT_TOKENS = { minimal: 0, low: 100, medium: 250, high: 500 } as const;
export type ReasoningEffort = keyof typeof REASONING_EFFORT_TOKENS;

export type ParseResult = { request: ParsedRequest } | { error: string };

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text of a chat message content: a string or an array of parts, of which only text parts count. */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) => (isRecord(part) && typeof part.text === 'string' ? part.text : ''))
    .join(' ');
}

function promptOf(kind: EndpointKind, body: Record<string, unknown>): string | { error: string } {
  if (kind === 'chat') {
    if (!Array.isArray(body.messages)) return { error: '`messages` must be an array of chat messages' };
    return body.messages.map((message) => (isRecord(message) ? contentText(message.content) : '')).join('\n');
  }
  const prompt = body.prompt;
  if (typeof prompt === 'string') return prompt;
  if (Array.isArray(prompt)) return prompt.map((item) => (Array.isArray(item) ? item.join(' ') : String(item))).join('\n');
  return { error: '`prompt` must be a string or an array of strings' };
}

export function optionalCount(body: Record<string, unknown>, field: string, min: number): number | undefined | { error: string } {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    return { error: `\`${field}\` must be an integer >= ${min}, got ${JSON.stringify(value)}` };
  }
  return value;
}

export function parseRequest(kind: 'chat' | 'completions', body: unknown): ParseResult {
  if (!isRecord(body)) return { error: 'the request body must be a JSON object' };
  const promptText = promptOf(kind, body);
  if (typeof promptText !== 'string') return promptText;
  const maxCompletion = optionalCount(body, 'max_completion_tokens', 1);
  const maxTokens = optionalCount(body, 'max_tokens', 1);
  const minTokens = optionalCount(body, 'min_tokens', 0);
  for (const value of [maxCompletion, maxTokens, minTokens]) {
    if (typeof value === 'object') return value;
  }
  const effort = body.reasoning_effort;
  if (effort !== undefined && !(typeof effort === 'string' && Object.hasOwn(REASONING_EFFORT_TOKENS, effort))) {
    return { error: `\`reasoning_effort\` must be one of ${Object.keys(REASONING_EFFORT_TOKENS).join(', ')}, got ${JSON.stringify(effort)}` };
  }
  const streamOptions = isRecord(body.stream_options) ? body.stream_options : {};
  const nvext = isRecord(body.nvext) ? body.nvext : {};
  return {
    request: {
      model: typeof body.model === 'string' ? body.model : 'mock-model',
      promptText,
      stream: body.stream === true,
      includeUsage: streamOptions.include_usage === true,
      maxTokens: (maxCompletion ?? maxTokens) as number | undefined,
      minTokens: minTokens as number | undefined,
      ignoreEos: body.ignore_eos === true || nvext.ignore_eos === true,
      reasoningEffort: effort as ReasoningEffort | undefined,
    },
  };
}
