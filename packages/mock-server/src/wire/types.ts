import type { ResponseIdentity } from '../openai-shapes.js';
import type { ResponsePlan } from '../plan.js';
import { type ParsedRequest, type ParseResult, isRecord, optionalCount } from '../request.js';

/** The SSE text of one streamed answer: what goes before the first token, each token, and what ends it. */
export interface StreamEncoder {
  readonly tokenCount: number;
  /** Events sent as soon as the response starts, before the first token is due ('' for none). */
  start(): string;
  token(index: number): string;
  end(): string;
}

/** One API's request parser and response shapes; the timing (TTFT, ITL, faults) is the same for every API. */
export interface WireFormat {
  /** `streamRoute`: the route itself streams (TGI's /generate_stream), whatever the body says. */
  parse(body: unknown, streamRoute: boolean): ParseResult;
  encoder(identity: ResponseIdentity, plan: ResponsePlan, request: ParsedRequest): StreamEncoder;
  whole(identity: ResponseIdentity, plan: ResponsePlan, request: ParsedRequest): Record<string, unknown>;
}

/** One SSE event with an `event:` name (Anthropic and the Responses API name every event). */
export const namedEvent = (name: string, data: Record<string, unknown>): string => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * The fields every API shares, read the same way: `min_tokens` and `ignore_eos` (vLLM extensions that a
 * benchmark sends as extra inputs to pin the output length) work whatever the API.
 */
export function commonRequest(
  body: Record<string, unknown>,
  fields: { promptText: string; stream: boolean; maxTokensField: string | null; maxTokens?: unknown },
): ParseResult {
  const maxTokens = fields.maxTokensField === null ? undefined : optionalCount({ [fields.maxTokensField]: fields.maxTokens }, fields.maxTokensField, 1);
  const minTokens = optionalCount(body, 'min_tokens', 0);
  for (const value of [maxTokens, minTokens]) if (typeof value === 'object') return value;
  return {
    request: {
      model: typeof body.model === 'string' ? body.model : 'mock-model',
      promptText: fields.promptText,
      stream: fields.stream,
      includeUsage: false,
      maxTokens: maxTokens as number | undefined,
      minTokens: minTokens as number | undefined,
      ignoreEos: body.ignore_eos === true || (isRecord(body.nvext) && body.nvext.ignore_eos === true),
      reasoningEffort: undefined,
    },
  };
}
