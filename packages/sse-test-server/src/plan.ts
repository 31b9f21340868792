/**
 * What one streamed answer looks like and when each part is written. Every content chunk carries
 * `tokensPerChunk` words that are one o200k token each, so the true token count is known without a tokenizer.
 */
export interface StreamPlan {
  /** Request arrival → first content (or reasoning) chunk, ms. */
  ttftMs: number;
  /** Gap between consecutive content chunks, ms. */
  itlMs: number;
  /** Chunks of reasoning (`delta.reasoning_content`) sent before the answer. */
  reasoningChunks: number;
  /** Chunks of answer text (`delta.content`). */
  contentChunks: number;
  tokensPerChunk: number;
  /** A role-only first chunk (`delta: {role: "assistant"}`), written as soon as the headers are out. */
  roleChunk: boolean;
  /** `: ping` SSE comments during the wait for the first token and between chunks. */
  pingComments: boolean;
  /** A chunk with an empty delta between content chunks. */
  emptyDeltas: boolean;
  /** A finish-only chunk (empty delta, `finish_reason: "stop"`) this long after the last content, or null. */
  finishDelayMs: number | null;
  /** A usage-only chunk (`choices: []`) this long after the last content, or null for none. */
  usageDelayMs: number | null;
  /** `data: [DONE]` this long after the last chunk before it. */
  doneDelayMs: number;
  /** What the usage chunk claims for completion tokens, given the true count (a misreporting server). */
  reportCompletionTokens: (trueTokens: number) => number;
  /** What the usage chunk claims for prompt tokens, given the true (o200k) count. */
  reportPromptTokens: (trueTokens: number) => number;
  /** From this content chunk on, the rest is written in one `write()` (one network read), or null. */
  burstFromChunk: number | null;
}

export const DEFAULT_PLAN: StreamPlan = {
  ttftMs: 50,
  itlMs: 10,
  reasoningChunks: 0,
  contentChunks: 16,
  tokensPerChunk: 1,
  roleChunk: true,
  pingComments: true,
  emptyDeltas: true,
  finishDelayMs: 0,
  usageDelayMs: 0,
  doneDelayMs: 0,
  reportCompletionTokens: (n) => n,
  reportPromptTokens: (n) => n,
  burstFromChunk: null,
};

export type EventKind = 'role' | 'ping' | 'empty' | 'reasoning' | 'content' | 'finish' | 'usage' | 'done';

export interface PlannedEvent {
  kind: EventKind;
  /** When to write it, ms after the request arrived. */
  atMs: number;
  /** Written in the same `write()` as the event before it. */
  joinPrevious: boolean;
}

const WORDS = [' the', ' of', ' and', ' to', ' in', ' a', ' is', ' that', ' for', ' it', ' on', ' with', ' as', ' was', ' at', ' by'];

/** The text of token-chunk `index`: `tokensPerChunk` one-token words. */
export function chunkText(index: number, tokensPerChunk: number): string {
  let text = '';
  for (let i = 0; i < tokensPerChunk; i++) text += WORDS[(index * tokensPerChunk + i) % WORDS.length];
  return text;
}

/** Every event of one answer, in write order. */
export function planEvents(plan: StreamPlan): PlannedEvent[] {
  const events: PlannedEvent[] = [];
  const push = (kind: EventKind, atMs: number, joinPrevious = false) => events.push({ kind, atMs, joinPrevious });
  if (plan.roleChunk) push('role', 0);
  if (plan.pingComments) push('ping', plan.ttftMs / 2);
  const tokenChunks = plan.reasoningChunks + plan.contentChunks;
  for (let i = 0; i < tokenChunks; i++) {
    const atMs = plan.ttftMs + i * plan.itlMs;
    const burstStart = plan.burstFromChunk === null ? Number.POSITIVE_INFINITY : plan.reasoningChunks + plan.burstFromChunk;
    if (i > burstStart) {
      push(i < plan.reasoningChunks ? 'reasoning' : 'content', events.at(-1)!.atMs, true);
      continue;
    }
    push(i < plan.reasoningChunks ? 'reasoning' : 'content', atMs);
    if (i + 1 < tokenChunks && i + 1 <= burstStart) {
      if (plan.pingComments) push('ping', atMs + plan.itlMs / 3);
      if (plan.emptyDeltas) push('empty', atMs + (2 * plan.itlMs) / 3);
    }
  }
  const lastTokenMs = events.findLast((e) => e.kind === 'content' || e.kind === 'reasoning')?.atMs ?? events.at(-1)?.atMs ?? 0;
  const tail: Array<[EventKind, number]> = [];
  if (plan.finishDelayMs !== null) tail.push(['finish', lastTokenMs + plan.finishDelayMs]);
  if (plan.usageDelayMs !== null) tail.push(['usage', lastTokenMs + plan.usageDelayMs]);
  tail.sort((a, b) => a[1] - b[1]);
  for (const [kind, atMs] of tail) push(kind, atMs);
  push('done', (events.at(-1)?.atMs ?? 0) + plan.doneDelayMs);
  return events;
}
