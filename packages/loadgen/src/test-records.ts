// Test helper: hand-made request records (times in ms for readability, stored as ns offsets).
import type { RequestRecord } from './records.js';

export interface RecordSketch extends Partial<RequestRecord> {
  /** Arrival times (ms after start) of content responses. */
  contentMs?: number[];
  startMs?: number;
  latencyMs?: number;
}

const MS = 1_000_000;
export const BASE_EPOCH_NS = 1_760_000_000_000_000_000n;

export function makeRecord(sketch: RecordSketch = {}): RequestRecord {
  const { contentMs = [], startMs = 0, latencyMs, ...rest } = sketch;
  const contentOffsetsNs = contentMs.map((ms) => ms * MS);
  const last = latencyMs !== undefined ? latencyMs * MS : contentMs.length > 0 ? contentMs[contentMs.length - 1]! * MS : null;
  const startNs = BigInt(Math.round(startMs * MS));
  return {
    sessionNum: 0,
    xRequestId: 'req',
    xCorrelationId: 'corr',
    conversationId: 'conv',
    turnIndex: 0,
    phase: 'profiling',
    workerId: 'worker_test',
    startPerfNs: 1_000_000_000n + startNs,
    startEpochNs: BASE_EPOCH_NS + startNs,
    ackOffsetNs: contentOffsetsNs[0] ?? null,
    contentOffsetsNs,
    firstOutputOffsetNs: contentOffsetsNs[0] ?? null,
    lastResponseOffsetNs: last,
    endOffsetNs: last ?? 0,
    inputTokenCount: 10,
    outputTokenCount: contentMs.length,
    reasoningTokenCount: null,
    error: null,
    wasCancelled: false,
    cancellationOffsetNs: null,
    sendLatenessNs: 0,
    ...rest,
  };
}
