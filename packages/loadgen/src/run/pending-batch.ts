import type { RequestErrorInfo } from '../records.js';
import type { PendingRecord } from './request-executor.js';

/**
 * Answered requests on their way from an issuing thread to the main thread, packed: every number, send time,
 * chunk end, chunk arrival time and body byte of the batch in one ArrayBuffer that is transferred (moved, not
 * copied), the three ids per request as plain strings, and what rarely occurs (a transport error, the payload of
 * `--export-level raw`) as is.
 *
 * Hand-written because the structured clone of the records themselves was the hop's cost: a clone serializes
 * every object's property names and every value with a type tag, and allocates one ArrayBuffer per body on the
 * other side. Measured per request (64-record batches of realistic SSE records, post + receive through a real
 * MessagePort in one process, 2 cores at load ~17): 4.6–5.3 µs cloned against 0.9 packed for a one-chunk answer,
 * 5.9 against 1.6–2.3 for 8 chunks, 23–25 against 7 for 100 chunks. In a run with one issuing thread
 * (bench/profile-rate.mjs, --cpu-prof) postMessage was ~13% of that thread's busy time.
 */
export interface PendingBatch {
  count: number;
  /** FIELDS numbers per record, then 2 bigints per record, then every chunk's end, every chunk's time, the bodies. */
  buffer: ArrayBuffer;
  /** STRINGS per record: x-request-id, correlation id, conversation id. */
  strings: string[];
  /** The issuing thread's id, which every record of the batch carries unless an extra says otherwise. */
  workerId: string;
  /** Per record with something unusual: its index in the batch and those fields as they were. */
  extras: BatchExtra[] | null;
}

interface BatchExtra {
  index: number;
  error?: RequestErrorInfo;
  payload?: unknown;
  workerId?: string;
}

// The per-record numbers (Float64: offsets in ns and counts are integers far below 2^53, so exact). A null or an
// undefined number is NaN, which none of these fields can otherwise be.
const SESSION = 0;
const URL_INDEX = 1;
const TURN = 2;
const FLAGS = 3;
const STATUS = 4;
const ACK = 5;
const END = 6;
const CANCELLATION = 7;
const PROMPT_TOKENS = 8;
const LATENESS = 9;
const SHARD = 10;
const DATASET = 11;
const CHUNKS = 12;
const BODY_BYTES = 13;
const FIELDS = 14;
const STRINGS = 3;

const PROFILING = 1;
const SSE = 2;
const CANCELLED = 4;
const ABANDONED = 8;

const orNaN = (value: number | null | undefined) => (value == null ? NaN : value);
const orNull = (value: number) => (Number.isNaN(value) ? null : value);
const orUndefined = (value: number) => (Number.isNaN(value) ? undefined : value);

/** The batch's records packed; send it with `[batch.buffer]` as the transfer list. */
export function packPending(records: readonly PendingRecord[], workerId: string): PendingBatch {
  const count = records.length;
  let chunkCount = 0;
  let bodyBytes = 0;
  for (const record of records) {
    chunkCount += record.exchange.chunkEnds.length;
    bodyBytes += record.exchange.body.byteLength;
  }
  const layout = layoutOf(count, chunkCount);
  const buffer = new ArrayBuffer(layout.bodyAt + bodyBytes);
  const numbers = new Float64Array(buffer, 0, count * FIELDS);
  const times = new BigInt64Array(buffer, layout.timesAt, count * 2);
  const ends = new Float64Array(buffer, layout.endsAt, chunkCount);
  const offsets = new Float64Array(buffer, layout.offsetsAt, chunkCount);
  const bodies = new Uint8Array(buffer, layout.bodyAt, bodyBytes);
  const strings = new Array<string>(count * STRINGS);
  let extras: BatchExtra[] | null = null;
  let chunkAt = 0;
  let bodyAt = 0;
  for (let i = 0; i < count; i++) {
    const record = records[i]!;
    const m = record.exchange;
    const at = i * FIELDS;
    numbers[at + SESSION] = record.sessionNum;
    numbers[at + URL_INDEX] = record.urlIndex;
    numbers[at + TURN] = record.turnIndex;
    numbers[at + FLAGS] = (record.phase === 'profiling' ? PROFILING : 0) | (m.sse ? SSE : 0) | (m.wasCancelled ? CANCELLED : 0) | (m.abandoned ? ABANDONED : 0);
    numbers[at + STATUS] = m.status;
    numbers[at + ACK] = orNaN(m.ackOffsetNs);
    numbers[at + END] = m.endOffsetNs;
    numbers[at + CANCELLATION] = orNaN(m.cancellationOffsetNs);
    numbers[at + PROMPT_TOKENS] = orNaN(record.promptTokenCount);
    numbers[at + LATENESS] = record.sendLatenessNs;
    numbers[at + SHARD] = orNaN(record.shardIndex);
    numbers[at + DATASET] = orNaN(record.datasetIndex);
    numbers[at + CHUNKS] = m.chunkEnds.length;
    numbers[at + BODY_BYTES] = m.body.byteLength;
    times[i * 2] = m.startPerfNs;
    times[i * 2 + 1] = record.startEpochNs;
    for (let c = 0; c < m.chunkEnds.length; c++) {
      ends[chunkAt] = m.chunkEnds[c]!;
      offsets[chunkAt++] = m.chunkOffsetsNs[c]!;
    }
    bodies.set(m.body, bodyAt);
    bodyAt += m.body.byteLength;
    strings[i * STRINGS] = record.xRequestId;
    strings[i * STRINGS + 1] = record.xCorrelationId;
    strings[i * STRINGS + 2] = record.conversationId;
    if (m.error !== null || 'payload' in record || record.workerId !== workerId) {
      const extra: BatchExtra = { index: i };
      if (m.error !== null) extra.error = m.error;
      if ('payload' in record) extra.payload = record.payload;
      if (record.workerId !== workerId) extra.workerId = record.workerId;
      (extras ??= []).push(extra);
    }
  }
  return { count, buffer, strings, workerId, extras };
}

/**
 * Calls `each` with the batch's records in order, as they were packed. Bodies are views of the batch's buffer (no
 * copy; it lives until the last of them is read); chunk ends and times are plain arrays again.
 */
export function unpackPending(batch: PendingBatch, each: (pending: PendingRecord) => void): void {
  const { count, buffer, strings } = batch;
  const numbers = new Float64Array(buffer, 0, count * FIELDS);
  let chunkCount = 0;
  for (let i = 0; i < count; i++) chunkCount += numbers[i * FIELDS + CHUNKS]!;
  const layout = layoutOf(count, chunkCount);
  const times = new BigInt64Array(buffer, layout.timesAt, count * 2);
  const ends = new Float64Array(buffer, layout.endsAt, chunkCount);
  const offsets = new Float64Array(buffer, layout.offsetsAt, chunkCount);
  let extraAt = 0;
  let chunkAt = 0;
  let bodyAt = layout.bodyAt;
  for (let i = 0; i < count; i++) {
    const at = i * FIELDS;
    const flags = numbers[at + FLAGS]!;
    const chunks = numbers[at + CHUNKS]!;
    const chunkEnds = new Array<number>(chunks);
    const chunkOffsetsNs = new Array<number>(chunks);
    for (let c = 0; c < chunks; c++) {
      chunkEnds[c] = ends[chunkAt]!;
      chunkOffsetsNs[c] = offsets[chunkAt++]!;
    }
    const bodyBytes = numbers[at + BODY_BYTES]!;
    const body = new Uint8Array(buffer, bodyAt, bodyBytes);
    bodyAt += bodyBytes;
    const extra = batch.extras !== null && batch.extras[extraAt]?.index === i ? batch.extras[extraAt++]! : null;
    const startPerfNs = times[i * 2]!;
    // The same fixed shape, in the same order, as sendTurn builds (see completeRecord).
    const pending: PendingRecord = {
      exchange: {
        startPerfNs,
        ackOffsetNs: orNull(numbers[at + ACK]!),
        status: numbers[at + STATUS]!,
        sse: (flags & SSE) !== 0,
        body,
        chunkEnds,
        chunkOffsetsNs,
        endOffsetNs: numbers[at + END]!,
        error: extra?.error ?? null,
        wasCancelled: (flags & CANCELLED) !== 0,
        cancellationOffsetNs: orNull(numbers[at + CANCELLATION]!),
        abandoned: (flags & ABANDONED) !== 0,
      },
      sessionNum: numbers[at + SESSION]!,
      urlIndex: numbers[at + URL_INDEX]!,
      xRequestId: strings[i * STRINGS]!,
      xCorrelationId: strings[i * STRINGS + 1]!,
      conversationId: strings[i * STRINGS + 2]!,
      turnIndex: numbers[at + TURN]!,
      phase: (flags & PROFILING) !== 0 ? 'profiling' : 'warmup',
      workerId: extra?.workerId ?? batch.workerId,
      startEpochNs: times[i * 2 + 1]!,
      promptTokenCount: orNull(numbers[at + PROMPT_TOKENS]!),
      sendLatenessNs: numbers[at + LATENESS]!,
      shardIndex: orUndefined(numbers[at + SHARD]!),
      datasetIndex: orUndefined(numbers[at + DATASET]!),
    };
    if (extra !== null && 'payload' in extra) pending.payload = extra.payload;
    each(pending);
  }
}

/** Where each region starts: every one 8-byte aligned (the typed arrays need it), the bodies last. */
function layoutOf(count: number, chunkCount: number) {
  const timesAt = count * FIELDS * 8;
  const endsAt = timesAt + count * 16;
  const offsetsAt = endsAt + chunkCount * 8;
  return { timesAt, endsAt, offsetsAt, bodyAt: offsetsAt + chunkCount * 8 };
}
