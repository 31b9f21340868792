import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PendingBatch, packPending, unpackPending } from './pending-batch.js';
import type { PendingRecord } from './request-executor.js';

const WORKER = 'worker_abc00';

/** A record as sendTurn builds it: the same keys in the same order, `payload` only when raw export asks for it. */
const recordArb: fc.Arbitrary<PendingRecord> = fc
  .record({
    chunks: fc.array(fc.tuple(fc.uint8Array({ minLength: 0, maxLength: 40 }), fc.nat({ max: 2 ** 40 })), { maxLength: 12 }),
    startPerfNs: fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }),
    startEpochNs: fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }),
    ackOffsetNs: fc.option(fc.nat({ max: 2 ** 45 })),
    status: fc.constantFrom(0, 200, 404, 500),
    sse: fc.boolean(),
    endOffsetNs: fc.nat({ max: 2 ** 45 }),
    error: fc.option(fc.record({ code: fc.option(fc.integer({ min: 0, max: 599 })), type: fc.string(), message: fc.string() })),
    wasCancelled: fc.boolean(),
    cancellationOffsetNs: fc.option(fc.nat({ max: 2 ** 45 })),
    abandoned: fc.boolean(),
    sessionNum: fc.nat({ max: 2 ** 31 }),
    urlIndex: fc.nat({ max: 8 }),
    xRequestId: fc.uuid(),
    xCorrelationId: fc.uuid(),
    conversationId: fc.string({ unit: 'grapheme' }),
    turnIndex: fc.nat({ max: 100 }),
    phase: fc.constantFrom('warmup' as const, 'profiling' as const),
    workerId: fc.constantFrom(WORKER, 'worker_other'),
    promptTokenCount: fc.option(fc.nat({ max: 2 ** 31 })),
    sendLatenessNs: fc.nat({ max: 2 ** 45 }),
    shard: fc.option(fc.tuple(fc.nat({ max: 64 }), fc.nat({ max: 2 ** 31 })), { nil: undefined }),
    payload: fc.option(fc.jsonValue(), { nil: undefined, freq: 3 }),
  })
  .map((r) => {
    let length = 0;
    const chunkEnds = r.chunks.map(([bytes]) => (length += bytes.length));
    const body = new Uint8Array(length);
    r.chunks.forEach(([bytes], i) => body.set(bytes, i === 0 ? 0 : chunkEnds[i - 1]!));
    const pending: PendingRecord = {
      exchange: {
        startPerfNs: r.startPerfNs, ackOffsetNs: r.ackOffsetNs, status: r.status, sse: r.sse, body, chunkEnds,
        chunkOffsetsNs: r.chunks.map(([, offsetNs]) => offsetNs), endOffsetNs: r.endOffsetNs, error: r.error && { ...r.error },
        wasCancelled: r.wasCancelled, cancellationOffsetNs: r.cancellationOffsetNs, abandoned: r.abandoned,
      },
      sessionNum: r.sessionNum, urlIndex: r.urlIndex, xRequestId: r.xRequestId, xCorrelationId: r.xCorrelationId,
      conversationId: r.conversationId, turnIndex: r.turnIndex, phase: r.phase, workerId: r.workerId,
      startEpochNs: r.startEpochNs, promptTokenCount: r.promptTokenCount, sendLatenessNs: r.sendLatenessNs,
      shardIndex: r.shard?.[0], datasetIndex: r.shard?.[1],
    };
    // Plain objects, as a request's error and payload are (fast-check makes some without a prototype).
    if (r.payload !== undefined) pending.payload = JSON.parse(JSON.stringify(r.payload));
    return pending;
  });

/** Packs, moves the buffer through a real message port (transferred, as the worker posts it), unpacks. */
function throughPort(records: PendingRecord[]): { batch: PendingBatch; out: PendingRecord[] } {
  const { port1, port2 } = new MessageChannel();
  const packed = packPending(records, WORKER);
  port1.postMessage(packed, [packed.buffer]);
  const batch = receiveMessageOnPort(port2)!.message as PendingBatch;
  port1.close();
  const out: PendingRecord[] = [];
  unpackPending(batch, (pending) => out.push(pending));
  return { batch, out };
}

/** What reading a record depends on, with the body as plain bytes (a view of the batch is a different buffer). */
const comparable = (p: PendingRecord) => ({ ...p, exchange: { ...p.exchange, body: [...p.exchange.body] } });

describe('packPending / unpackPending', () => {
  it('gives back every record in order with every field, chunk end, chunk time and body byte exact', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 20 }), (records) => {
        const { out } = throughPort(records);
        expect(out.map(comparable)).toStrictEqual(records.map(comparable));
        // The same keys in the same order as sendTurn's records (one object shape for the readers).
        for (let i = 0; i < out.length; i++) expect(Object.keys(out[i]!)).toEqual(Object.keys(records[i]!));
      }),
      { numRuns: 100 },
    );
  });

  it('moves the batch without copying it: one buffer, transferred, with the bodies as views of it', () => {
    const records = fc.sample(recordArb, { numRuns: 8, seed: 7 });
    const packed = packPending(records, WORKER);
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(packed, [packed.buffer]);
    expect(packed.buffer.byteLength).toBe(0); // detached on this side: moved, not cloned
    const batch = receiveMessageOnPort(port2)!.message as PendingBatch;
    port1.close();
    unpackPending(batch, (pending) => expect(pending.exchange.body.buffer).toBe(batch.buffer));
  });

  it('sends what is rare (errors, raw payloads, another worker id) aside, only for the records that have it', () => {
    const timeout = { code: null, type: 'RequestTimeoutError', message: 'Request timed out after 1 seconds' };
    const [plain, failed] = fc.sample(recordArb, { numRuns: 2, seed: 3 }).map((r, i): PendingRecord => {
      const { payload: _, ...rest } = r;
      return { ...rest, workerId: WORKER, exchange: { ...r.exchange, error: i === 1 ? timeout : null } };
    });
    const { batch, out } = throughPort([plain!, failed!, plain!]);
    expect(batch.extras).toEqual([{ index: 1, error: timeout }]);
    expect(out.map((p) => p.exchange.error)).toEqual([null, timeout, null]);
    expect(out.map((p) => 'payload' in p)).toEqual([false, false, false]);
  });

  it('packs an empty batch', () => {
    expect(throughPort([]).out).toEqual([]);
  });
});
