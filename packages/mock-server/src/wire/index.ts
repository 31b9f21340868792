import type { EndpointKind } from '../request.js';
import { anthropicFormat } from './anthropic.js';
import { openAiFormat } from './openai.js';
import { responsesFormat } from './responses.js';
import { tgiFormat } from './tgi.js';
import type { WireFormat } from './types.js';

/** Every token-generating API the server speaks, by kind. */
export const WIRE_FORMATS: Record<EndpointKind, WireFormat> = {
  chat: openAiFormat('chat'),
  completions: openAiFormat('completions'),
  messages: anthropicFormat,
  responses: responsesFormat,
  generate: tgiFormat,
};
