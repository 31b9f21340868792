import { getHeapStatistics } from 'node:v8';

/**
 * Bytes one prompt token costs while the dataset exists: its text (~4 characters), the request body holding it,
 * and inputs.json, which is one string — and a V8 string holds at most ~512 M characters.
 */
const BYTES_PER_TOKEN = 12;
const MAX_PROMPT_BYTES = Math.min(400 * 1024 * 1024, getHeapStatistics().heap_size_limit / 4);

/**
 * Synthetic prompts are built up front (every request body is serialized once, so sending costs nothing). Sizes
 * whose prompts cannot fit (`--isl 10000000` × 100 entries is ~12 GB) are refused at once, naming the limit, instead
 * of growing until V8 aborts.
 */
export function checkPromptBudget(entries: number, meanTokens: number, stddevTokens: number): string | null {
  const tokens = entries * (meanTokens + 2 * stddevTokens);
  if (tokens * BYTES_PER_TOKEN <= MAX_PROMPT_BYTES) return null;
  const maxMb = Math.floor(MAX_PROMPT_BYTES / 1024 / 1024);
  const fit = Math.floor(MAX_PROMPT_BYTES / BYTES_PER_TOKEN / Math.max(1, meanTokens + 2 * stddevTokens));
  return (
    `--isl: ${entries} dataset entries of about ${meanTokens} tokens need ~${Math.ceil((tokens * BYTES_PER_TOKEN) / 1024 / 1024)} MB of prompts, ` +
    `but aiperf keeps them to at most ${maxMb} MB; lower --isl or --num-dataset-entries (${fit > 0 ? `at most ${fit} entries of this size` : 'a single prompt of this size does not fit'})`
  );
}
