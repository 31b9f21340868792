import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ChatMessage } from '../endpoints/types.js';
import { ProfileConfigError } from '../errors.js';
import { pieceCounter } from './bpe-piece-counts.js';
import { chatTemplateRenderer } from './chat-template.js';

/** A tokenizer as the benchmark uses it: special tokens are never added. */
export interface TextTokenizer {
  /** `builtin:o200k_base` or the tokenizer.json path. */
  name: string;
  encode(text: string): number[];
  /** How many tokens `encode(text)` gives, without building the token list where the tokenizer can count. */
  count(text: string): number;
  decode(ids: number[]): string;
  /** Renders chat messages with the tokenizer's chat template; absent when it has none (builtin). */
  chatTemplate?: (messages: readonly ChatMessage[]) => string;
}

/**
 * Input tokens of a chat prompt: over the rendered chat template when asked for and the tokenizer has one (what
 * the server counts), else over the message texts.
 */
export function countInputTokens(tokenizer: TextTokenizer, messages: readonly ChatMessage[], applyChatTemplate: boolean): number {
  if (applyChatTemplate && tokenizer.chatTemplate) return tokenizer.count(tokenizer.chatTemplate(messages));
  return messages.reduce((n, m) => n + tokenizer.count(m.content), 0);
}

/**
 * `builtin` is gpt-tokenizer's o200k_base BPE (offline, what later AIPerf versions call builtin); anything else
 * must be a Hugging Face `tokenizer.json` or a directory holding one (with an optional `tokenizer_config.json`).
 */
export async function loadTokenizer(spec: string): Promise<TextTokenizer> {
  if (spec === 'builtin' || spec === 'o200k_base') {
    const { O200K_TOKEN_SPLIT_REGEX } = await import('gpt-tokenizer/encodingParams/constants');
    return builtinTokenizer('builtin:o200k_base', await import('gpt-tokenizer/encoding/o200k_base'), O200K_TOKEN_SPLIT_REGEX);
  }
  if (spec === 'cl100k_base') {
    const { CL100K_TOKEN_SPLIT_REGEX } = await import('gpt-tokenizer/encodingParams/constants');
    return builtinTokenizer('builtin:cl100k_base', await import('gpt-tokenizer/encoding/cl100k_base'), CL100K_TOKEN_SPLIT_REGEX);
  }
  return loadHuggingFaceTokenizer(spec);
}

/** What gpt-tokenizer's encodings offer (each `encoding/*` module exports these). */
interface BpeEncoding {
  encode(text: string, options: BpeOptions): number[];
  countTokens(text: string, options: BpeOptions): number;
  decode(ids: number[]): string;
}
type BpeOptions = { allowedSpecial: Set<string>; disallowedSpecial: Set<string> };

/**
 * Special-token text is ordinary text: none allowed, none disallowed. One options object for every call (the
 * library only reads the sets), and `countTokens` for counts: a fresh pair of sets and a token array per call
 * was ~1.4 KB of garbage per answer counted (gpt-tokenizer 3.4, a 4-token answer), on the request path.
 */
const BPE_OPTIONS: BpeOptions = { allowedSpecial: new Set(), disallowedSpecial: new Set() };

/** `splitRegex` is the encoding's own pre-tokenizer regex (gpt-tokenizer exports it beside the encodings). */
function builtinTokenizer(name: string, bpe: BpeEncoding, splitRegex: RegExp): TextTokenizer {
  const pieces = pieceCounter(splitRegex, (piece) => bpe.countTokens(piece, BPE_OPTIONS));
  return {
    name,
    encode: (text) => bpe.encode(text, BPE_OPTIONS),
    count: (text) => pieces.count(text),
    decode: (ids) => bpe.decode(ids),
  };
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
    count: (text) => tokenizer.encode(text, { add_special_tokens: false }).ids.length,
    decode: (ids) => tokenizer.decode(ids, { skip_special_tokens: true }),
    ...(chatTemplate ? { chatTemplate } : {}),
  };
}
