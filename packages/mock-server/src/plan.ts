import { generateTokens } from './corpus.js';
import type { Rng } from '@aiperf/stats';
import type { ParsedRequest } from './request.js';

export type FinishReason = 'stop' | 'length';

export interface OutputLength {
  reasoningCount: number;
  contentCount: number;
  finishReason: FinishReason;
}

/**
 * How many tokens a request gets. The natural answer length is `defaultOutputTokens` or 0.8–1.2 ×
 * the prompt (at least 16, at least `min_tokens`); reasoning comes on top; the max-tokens limit caps
 * reasoning + answer together (finish `length`), and `ignore_eos` makes the total exactly the limit.
 */
export function decideOutputLength(input: {
  promptTokens: number;
  maxTokens: number | undefined;
  minTokens: number | undefined;
  ignoreEos: boolean;
  reasoningTokens: number;
  defaultOutputTokens: number | undefined;
  rng: Rng;
}): OutputLength {
  const ratio = 0.8 + 0.4 * input.rng.next();
  const natural = Math.max(
    input.defaultOutputTokens ?? Math.max(16, Math.round(input.promptTokens * ratio)),
    input.minTokens ?? 0,
  );
  const desired = input.reasoningTokens + natural;
  let total = desired;
  let finishReason: FinishReason = 'stop';
  if (input.maxTokens !== undefined && (input.ignoreEos || desired > input.maxTokens)) {
    total = input.maxTokens;
    finishReason = 'length';
  }
  const reasoningCount = Math.min(input.reasoningTokens, total);
  return { reasoningCount, contentCount: total - reasoningCount, finishReason };
}

export interface ResponsePlan extends OutputLength {
  promptTokens: number;
  reasoning: string[];
  content: string[];
}

/** The full, deterministic answer to one request: token counts and the token texts. */
export function planResponse(
  request: ParsedRequest,
  settings: {
    reasoningTokens: number;
    defaultOutputTokens: number | undefined;
    seed: number;
    countPromptTokens: (text: string) => number;
  },
  rng: Rng,
): ResponsePlan {
  const promptTokens = settings.countPromptTokens(request.promptText);
  // Named fields, not `{ ...request, ...settings }`: spreading the server's ~35 settings after the request's fields
  // took V8's slow path, ~90 µs per request, a tenth of the server's CPU per streamed request.
  const length = decideOutputLength({
    promptTokens,
    maxTokens: request.maxTokens,
    minTokens: request.minTokens,
    ignoreEos: request.ignoreEos,
    reasoningTokens: settings.reasoningTokens,
    defaultOutputTokens: settings.defaultOutputTokens,
    rng,
  });
  const words = generateTokens(length.reasoningCount + length.contentCount, request.promptText, settings.seed);
  const reasoning = words.slice(0, length.reasoningCount);
  const content = words.slice(length.reasoningCount);
  // Each part of the text starts a new piece of text: no leading space on its first token.
  if (content[0] !== undefined) content[0] = content[0].trimStart();
  return { ...length, promptTokens, reasoning, content };
}
