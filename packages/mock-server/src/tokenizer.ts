import { countTokens } from './corpus.js';

/** How `usage.prompt_tokens` is counted. */
export type PromptTokenizerName = 'words' | 'o200k_base' | 'cl100k_base';

export const PROMPT_TOKENIZER_NAMES: readonly PromptTokenizerName[] = ['words', 'o200k_base', 'cl100k_base'];

export type TokenCounter = (text: string) => number;

/**
 * `words` (default) is the cheap regex count of corpus.ts; the BPE encodings (gpt-tokenizer, loaded only
 * when asked for) count exactly what a client using them counts, at a few ms of CPU per long prompt.
 */
export async function loadTokenCounter(name: PromptTokenizerName): Promise<TokenCounter> {
  const options = { allowedSpecial: new Set<string>(), disallowedSpecial: new Set<string>() };
  if (name === 'o200k_base') {
    const { countTokens: count } = await import('gpt-tokenizer/encoding/o200k_base');
    return (text) => count(text, options);
  }
  if (name === 'cl100k_base') {
    const { countTokens: count } = await import('gpt-tokenizer/encoding/cl100k_base');
    return (text) => count(text, options);
  }
  return countTokens;
}
