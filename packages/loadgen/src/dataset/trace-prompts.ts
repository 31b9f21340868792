import type { DatasetEntry, DatasetLoadContext } from './loader.js';
import { type TraceEntry, traceTokenIds } from './mooncake.js';
import { inTimestampOrder } from './trace-order.js';

/** Prompt text for a trace row: hash-id blocks (the same id, the same text) cut to the row's input length. */
export function traceEntriesToPrompts(context: DatasetLoadContext, entries: readonly TraceEntry[], defaultBlockTokens: number): DatasetEntry[] {
  const { config, tokenizer, rng } = context;
  const corpus = context.corpusTokens();
  const blocks = new Map<number, number[]>();
  const startMs = config.load.fixedScheduleStartOffsetMs ?? 0;
  const endMs = config.load.fixedScheduleEndOffsetMs ?? Number.POSITIVE_INFINITY;
  // --fixed-schedule-start/end-offset window the trace (entries without a timestamp are always kept).
  const inWindow = (entry: TraceEntry) => entry.timestampMs === null || (entry.timestampMs >= startMs && entry.timestampMs <= endMs);
  const blockTokens = config.input.islBlockSize ?? defaultBlockTokens;
  return inTimestampOrder(entries, context.path, context.warn).filter(inWindow).map((entry) => ({
    text: tokenizer.decode(traceTokenIds(entry, corpus, blockTokens, rng, blocks)),
    outputLength: entry.outputLength,
    timestampMs: entry.timestampMs,
  }));
}

