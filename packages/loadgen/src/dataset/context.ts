import type { BenchmarkConfig } from '@aiperf/config';
import type { Rng } from '@aiperf/stats';
import type { DatasetEntry } from './loader.js';
import { corpusSlice } from './synthetic.js';
import type { TextTokenizer } from './tokenizer.js';

/**
 * Context around each conversation's prompts: a system message made of the shared system prompt (the same text
 * for every conversation) and a per-conversation user context, then a `--cache-bust` marker unique to the
 * conversation, placed before or after the system message or the first prompt, so no two conversations share
 * a cacheable prefix from that point on. Applies to synthetic and file datasets alike.
 */
export function addConversationContext(entries: DatasetEntry[], config: BenchmarkConfig, tokenizer: TextTokenizer, rng: Rng, corpus: () => readonly number[]): DatasetEntry[] {
  const { sharedSystemPromptLength, userContextPromptLength, cacheBust } = config.input;
  if (sharedSystemPromptLength === null && userContextPromptLength === null && cacheBust === 'none') return entries;
  const contextRng = rng.fork(13);
  const text = (length: number) => tokenizer.decode(corpusSlice(corpus(), contextRng, length));
  const shared = sharedSystemPromptLength === null ? null : text(sharedSystemPromptLength);
  return entries.map((entry, index) => {
    const parts = [entry.systemText, shared, userContextPromptLength === null ? undefined : text(userContextPromptLength)];
    let system = parts.filter((p): p is string => typeof p === 'string').join('\n\n');
    let first = entry.text;
    if (cacheBust !== 'none') {
      // Unique per conversation and reproducible under --random-seed.
      const marker = `[cache-bust ${index}-${Math.floor(contextRng.next() * 2 ** 32).toString(36)}]`;
      if (cacheBust === 'system_prefix') system = system === '' ? marker : `${marker}\n${system}`;
      else if (cacheBust === 'system_suffix') system = system === '' ? marker : `${system}\n${marker}`;
      else if (cacheBust === 'first_turn_prefix') first = `${marker} ${first}`;
      else first = `${first} ${marker}`;
    }
    return { ...entry, text: first, ...(system === '' ? {} : { systemText: system }) };
  });
}
