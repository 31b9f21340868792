import { SHAKESPEARE_CORPUS } from './corpus.js';
import type { TextTokenizer } from './tokenizer.js';

/** Bodies of lazy prompts each thread keeps built (least recently used dropped first). */
export const LAZY_BODY_CACHE_BYTES = 32 * 1024 * 1024;

/**
 * A synthetic prompt kept as its recipe: `tokens` corpus tokens from `corpusStart`, wrapping around. Its text is
 * built when a request needs it, so a dataset of 100 one-million-token prompts costs a few bytes per entry.
 */
export interface LazyPrompt {
  corpusStart: number;
  tokens: number;
}

/**
 * Stands in for the prompt text in a lazy entry's body (and in `payload`): the body is built once around it, and
 * filling it in is a string substitution, whatever shape the endpoint type gives the body.
 */
export const PROMPT_PLACEHOLDER = '\u0000aiperf:prompt\u0000';
const PLACEHOLDER_IN_JSON = JSON.stringify(PROMPT_PLACEHOLDER).slice(1, -1);

/** `jsonText` (a body, or inputs.json text) with the placeholder replaced by `promptText`, JSON-escaped. */
export function fillPrompt(jsonText: string, promptText: string): string {
  // split/join, not replace(): a `$` in the prompt must not be read as a replacement pattern.
  return jsonText.split(PLACEHOLDER_IN_JSON).join(JSON.stringify(promptText).slice(1, -1));
}

/**
 * Builds prompt texts from recipes. The text is exactly `tokenizer.decode(ids)` of the token window. For a
 * byte-level BPE (the builtin tokenizers) whose corpus tokens each decode to whole characters, decoding is
 * concatenation, so a window is assembled from per-token strings and whole-corpus repeats (a 1M-token prompt in
 * a few ms instead of ~0.3 s of decoding); the check below proves that property for the corpus at hand, and any
 * other tokenizer decodes the window.
 */
export class PromptTexts {
  private readonly pieces: string[] | null;
  private readonly corpusText: string;

  constructor(
    private readonly tokenizer: TextTokenizer,
    private readonly corpus: readonly number[],
  ) {
    this.corpusText = tokenizer.decode([...corpus]);
    const pieces = tokenizer.name.startsWith('builtin:') ? corpus.map((id) => tokenizer.decode([id])) : null;
    this.pieces = pieces && !pieces.some((p) => p.includes('\uFFFD')) && pieces.join('') === this.corpusText ? pieces : null;
  }

  text({ corpusStart, tokens }: LazyPrompt): string {
    const n = this.corpus.length;
    if (!this.pieces) return this.tokenizer.decode(Array.from({ length: tokens }, (_, i) => this.corpus[(corpusStart + i) % n]!));
    const headEnd = Math.min(n, corpusStart + tokens);
    const head = this.pieces.slice(corpusStart, headEnd).join('');
    const rest = tokens - (headEnd - corpusStart);
    const wholeRepeats = Math.floor(rest / n);
    return head + this.corpusText.repeat(wholeRepeats) + this.pieces.slice(0, rest - wholeRepeats * n).join('');
  }
}

/**
 * Request bodies of lazy entries, built on demand and kept while they fit `budgetBytes` (least recently used
 * dropped first), so repeated entries are not rebuilt and memory stays bounded by the budget.
 */
export class LazyBodies {
  private readonly cache = new Map<string, string>();
  private cachedBytes = 0;

  constructor(
    private readonly texts: PromptTexts,
    readonly budgetBytes: number,
  ) {}

  /** The body with the prompt filled in; `key` identifies the entry (its conversation id). */
  body(key: string, template: string, prompt: LazyPrompt): string {
    const hit = this.cache.get(key);
    if (hit !== undefined) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    const body = fillPrompt(template, this.texts.text(prompt));
    // A string's size in bytes is at most 2 per character (1 for the Latin-1 text the corpus gives).
    const bytes = body.length * 2;
    if (bytes <= this.budgetBytes) {
      for (const [oldKey, old] of this.cache) {
        if (this.cachedBytes + bytes <= this.budgetBytes) break;
        this.cache.delete(oldKey);
        this.cachedBytes -= old.length * 2;
      }
      this.cache.set(key, body);
      this.cachedBytes += bytes;
    }
    return body;
  }

  /** Bytes held by cached bodies (never above the budget). */
  get heldBytes(): number {
    return this.cachedBytes;
  }
}

/** The prompt builder for a dataset with lazy entries (from the same corpus they were cut from), else null. */
export function lazyPromptTexts(dataset: ReadonlyArray<{ lazyPrompt?: LazyPrompt }>, tokenizer: TextTokenizer): PromptTexts | null {
  return dataset.some((turn) => turn.lazyPrompt) ? new PromptTexts(tokenizer, tokenizer.encode(SHAKESPEARE_CORPUS)) : null;
}
