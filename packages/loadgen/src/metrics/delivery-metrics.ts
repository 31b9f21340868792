import type { RecordMetric, RunMetric } from './types.js';

// Chunks that reach the client together (one network read, or reads queued behind a stall of the client or the
// network) cannot be timed apart: their gaps say how they were delivered, not how fast the server generated
// them, and they make ITL tiny and output tokens/s per user huge. They are kept and marked, never dropped.

/** A content chunk arriving less than this after the previous one was delivered with it (100 µs). */
export const COALESCED_GAP_NS = 100_000;

export const deliveryMetrics: RecordMetric[] = [
  {
    tag: 'coalesced_chunk_count', header: 'Coalesced Chunk Count', unit: 'chunks', displayUnit: 'chunks', kind: 'record',
    flags: ['streaming_only', 'produces_tokens', 'no_console'],
    compute: (r) => {
      const offsets = r.contentOffsetsNs;
      if (offsets.length < 2) return undefined;
      let coalesced = 0;
      for (let i = 1; i < offsets.length; i++) if (offsets[i]! - offsets[i - 1]! < COALESCED_GAP_NS) coalesced += 1;
      return coalesced;
    },
  },
];

/** Requests with coalesced chunks: their ITL and output tokens/s per user are suspect. */
export const suspectRequestCount: RunMetric = {
  tag: 'suspect_request_count', header: 'Suspect Request Count', unit: 'requests', displayUnit: 'requests',
  kind: 'aggregate', flags: ['streaming_only', 'produces_tokens', 'no_console', 'no_record_export'],
  compute: (run) => (run.sum('coalesced_chunk_count') === undefined ? undefined : run.countValid((value) => value('coalesced_chunk_count') > 0)),
};
