// Retained memory per record at 1M records: records shaped like a streaming run's (64 chunk times each, ids as
// strings) fed into the MetricStore a run keeps (typed-array columns; the records themselves are dropped), next
// to the baseline of keeping every record object (what a run did before the columns), in the same process.
// Also the time to compute every metric from the columns. Run with --expose-gc (bench/run.mjs does).
// Writes bench/results/loadgen-memory.json.
import { randomUUID } from 'node:crypto';
import { MetricStore, computeStoreMetrics, flatUuid } from '@aiperf/loadgen';
import { round, writeResult } from './support.mjs';

const COUNT = Number(process.env.AIPERF_BENCH_RECORDS ?? 1_000_000);
const CHUNKS = 64;
const context = { streaming: true, producesTokens: true };
const gc = globalThis.gc ?? (() => console.warn('run with --expose-gc for exact numbers'));

// Conversation ids come from the dataset pool (100 entries by default), shared by the records that reuse them.
const CONVERSATIONS = Array.from({ length: 100 }, () => randomUUID());

function record(index) {
  const offsets = [];
  for (let i = 0; i < CHUNKS; i++) offsets.push(50e6 + i * 10e6 + Math.random() * 1e5);
  const start = 1_000_000_000n + BigInt(index) * 1_000_000n;
  return {
    sessionNum: index, xRequestId: flatUuid(), xCorrelationId: flatUuid(), conversationId: CONVERSATIONS[index % 100], turnIndex: 0,
    phase: 'profiling', workerId: 'worker_abcdef00', startPerfNs: start, startEpochNs: 1_760_000_000_000_000_000n + start,
    ackOffsetNs: 1e6, contentOffsetsNs: offsets.slice(), firstOutputOffsetNs: offsets[0], lastResponseOffsetNs: offsets[CHUNKS - 1],
    endOffsetNs: offsets[CHUNKS - 1], inputTokenCount: 550, outputTokenCount: CHUNKS, reasoningTokenCount: null, error: null,
    wasCancelled: false, cancellationOffsetNs: null, sendLatenessNs: 0,
  };
}

/** Heap + array-buffer bytes still reachable after building `count` records with `keep`, per record. */
function retainedPerRecord(keep) {
  gc();
  const before = process.memoryUsage();
  const held = keep();
  gc();
  const after = process.memoryUsage();
  return { held, bytesPerRecord: (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / COUNT };
}

const columns = retainedPerRecord(() => {
  const store = new MetricStore(context);
  for (let i = 0; i < COUNT; i++) store.add(record(i));
  return store;
});
const t0 = performance.now();
const results = computeStoreMetrics(columns.held, { context });
const computeMs = performance.now() - t0;
const ttft = results.find((r) => r.tag === 'time_to_first_token');
if (!ttft || ttft.stats.count !== COUNT) throw new Error('computeStoreMetrics did not see every record');
columns.held = null;

// Baseline: every record object kept in an array, as runs did before the columns.
const objects = retainedPerRecord(() => Array.from({ length: COUNT }, (_, i) => record(i)));
objects.held = null;

const result = {
  records: COUNT, chunksPerRecord: CHUNKS,
  bytesPerRecord: Math.round(columns.bytesPerRecord),
  baselineObjectBytesPerRecord: Math.round(objects.bytesPerRecord),
  ratio: round(columns.bytesPerRecord / objects.bytesPerRecord, 3),
  targetBytesPerRecord: 128,
  computeMetricsMs: round(computeMs, 0),
};
const path = writeResult('loadgen-memory', result);
console.log(`${COUNT} records (${CHUNKS} chunks each): columns retain ${result.bytesPerRecord} B/record (goal ≤ 128), record objects ${result.baselineObjectBytesPerRecord} B/record (ratio ${result.ratio}); all metrics in ${result.computeMetricsMs} ms → ${path}`);
