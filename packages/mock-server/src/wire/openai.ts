import { completionBody } from '../openai-shapes.js';
import { parseRequest } from '../request.js';
import { SseEncoder } from '../http/sse.js';
import type { WireFormat } from './types.js';

/** OpenAI chat completions and completions. */
export function openAiFormat(kind: 'chat' | 'completions'): WireFormat {
  return {
    parse: (body) => parseRequest(kind, body),
    encoder: (identity, plan, request) => new SseEncoder(kind, identity, plan, request.includeUsage),
    whole: (identity, plan) => completionBody(kind, identity, plan),
  };
}
