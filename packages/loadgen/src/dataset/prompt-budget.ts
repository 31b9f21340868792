import { getHeapStatistics } from 'node:v8';

/**
 * Bytes one prompt token costs while its request exists: its text (~4 characters), the request body holding it
 * again, and the tokenizer's work arrays. A V8 string holds at most ~512 M characters.
 */
const BYTES_PER_TOKEN = 12;
/** The largest single prompt: its text and body must fit comfortably in the heap (and in one string). */
const MAX_PROMPT_BYTES = Math.min(400 * 1024 * 1024, getHeapStatistics().heap_size_limit / 4);
/**
 * Up to this much prompt text, every synthetic request body is built up front (sending then costs no work);
 * beyond it prompts are built per request from a small recipe (lazy-prompts.ts), so memory stays bounded however
 * large --isl × --num-dataset-entries is.
 */
export const EAGER_PROMPTS_BYTES = 64 * 1024 * 1024;

/** The largest prompt a normal(mean, stddev) length will plausibly draw (+2 sd). */
const largestTokens = (meanTokens: number, stddevTokens: number) => Math.max(1, meanTokens + 2 * stddevTokens);

/** Where prompts must all be built up front (batches, rankings), their total is kept to one prompt's budget. */
export function checkUpFrontPromptBudget(entries: number, meanTokens: number, stddevTokens: number): string | null {
  const tokens = entries * largestTokens(meanTokens, stddevTokens);
  if (tokens * BYTES_PER_TOKEN <= MAX_PROMPT_BYTES) return null;
  const fit = Math.floor(MAX_PROMPT_BYTES / BYTES_PER_TOKEN / largestTokens(meanTokens, stddevTokens));
  return (
    `--isl: ${entries} dataset entries of about ${meanTokens} tokens need ~${Math.ceil((tokens * BYTES_PER_TOKEN) / 1024 / 1024)} MB of prompts built up front ` +
    `(this endpoint type's batches or passages), but aiperf keeps them to at most ${Math.floor(MAX_PROMPT_BYTES / 1024 / 1024)} MB; ` +
    `lower --isl or --num-dataset-entries (at most ${fit} entries of this size)`
  );
}

/** Whether prompts of this size are built per request instead of up front. */
export function wantsLazyPrompts(entries: number, meanTokens: number, stddevTokens: number): boolean {
  return entries * largestTokens(meanTokens, stddevTokens) * BYTES_PER_TOKEN > EAGER_PROMPTS_BYTES;
}

/**
 * A prompt that cannot fit even on its own (`--isl 100000000` is ~1.2 GB) is refused at once, naming the limit,
 * instead of growing until V8 aborts.
 */
export function checkPromptBudget(meanTokens: number, stddevTokens: number): string | null {
  const tokens = largestTokens(meanTokens, stddevTokens);
  if (tokens * BYTES_PER_TOKEN <= MAX_PROMPT_BYTES) return null;
  const maxMb = Math.floor(MAX_PROMPT_BYTES / 1024 / 1024);
  const maxTokens = Math.floor(MAX_PROMPT_BYTES / BYTES_PER_TOKEN);
  return (
    `--isl: a prompt of about ${tokens} tokens (mean + 2 × stddev) needs ~${Math.ceil((tokens * BYTES_PER_TOKEN) / 1024 / 1024)} MB ` +
    `while its request is built and sent, but aiperf keeps one prompt to at most ${maxMb} MB; use --isl (+ 2 × --isl-stddev) of at most ${maxTokens} tokens`
  );
}
