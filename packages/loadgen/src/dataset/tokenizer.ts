import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ChatMessage } from '../endpoints/types.js';
import { ProfileConfigError } from '../errors.js';
import { chatTemplateRenderer } from './chat-template.js';

/** A tokenizer as the benchmark uses it: special tokens are never added. */
export interface TextTokenizer {
  /** `builtin:o200k_base` or the tokenizer.json path. */
  name: string;
  encode(text: string): number[];
  decode(ids: number[]): string;
  /** Renders chat messages with the tokenizer's chat template; absent when it has none (builtin). */
  chatTemplate?: (messages: readonly ChatMessage[]) => string;
}

/**
 * Input tokens of a chat prompt: over the rendered chat template when asked for and the tokenizer has one (what
 * the server counts), else over the message texts.
 */
export function countInputTokens(tokenizer: TextTokenizer, messages: readonly ChatMessage[], applyChatTemplate: boolean): number {
  if (applyChatTemplate && tokenizer.chatTemplate) return tokenizer.encode(tokenizer.chatTemplate(messages)).length;
  return messages.reduce((n, m) => n + tokenizer.encode(m.content).length, 0);
}

/**
 * `builtin` is gpt-tokenizer's o200k_base BPE (offline, what later AIPerf versions call builtin); anything else
 * must be a Hugging Face `tokenizer.json` or a directory holding one (with an optional `tokenizer_config.json`).
 */
export async function loadTokenizer(spec: string): Promise<TextTokenizer> {
  if (spec === 'builtin' || spec === 'o200k_base') {
    const bpe = await import('gpt-tokenizer/encoding/o200k_base');
    return { name: 'builtin:o200k_base', encode: (text) => bpe.encode(text, { allowedSpecial: new Set(), disallowedSpecial: new Set() }), decode: (ids) => bpe.decode(ids) };
  }
  if (spec === 'cl100k_base') {
    const bpe = await import('gpt-tokenizer/encoding/cl100k_base');
    return { name: 'builtin:cl100k_base', encode: (text) => bpe.encode(text, { allowedSpecial: new Set(), disallowedSpecial: new Set() }), decode: (ids) => bpe.decode(ids) };
  }
  return loadHuggingFaceTokenizer(spec);
}

async function loadHuggingFaceTokenizer(spec: string): Promise<TextTokenizer> {
  const path = existsSync(spec) && statSync(spec).isDirectory() ? join(spec, 'tokenizer.json') : spec;
  if (!existsSync(path)) {
    throw new ProfileConfigError(
      `--tokenizer: "${spec}" is neither "builtin" (also o200k_base, cl100k_base) nor an existing tokenizer.json file or directory ` +
        '(downloading from the Hugging Face Hub is not supported; save the tokenizer.json locally)',
    );
  }
  const configPath = join(path, '..', 'tokenizer_config.json');
  let tokenizerJson: unknown;
  try {
    tokenizerJson = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new ProfileConfigError(`--tokenizer: cannot read ${path} as JSON`, { cause });
  }
  const tokenizerConfig = existsSync(configPath) ? JSON.parse(readFileSync(configPath, 'utf8')) : {};
  const { Tokenizer } = await import('@huggingface/tokenizers');
  const tokenizer = new Tokenizer(tokenizerJson as object, tokenizerConfig);
  const chatTemplate = chatTemplateRenderer(tokenizerConfig);
  return {
    name: path,
    encode: (text) => tokenizer.encode(text, { add_special_tokens: false }).ids,
    decode: (ids) => tokenizer.decode(ids, { skip_special_tokens: true }),
    ...(chatTemplate ? { chatTemplate } : {}),
  };
}
