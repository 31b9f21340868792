// Memory per 100k records: builds 100,000 records shaped like a streaming run's (64 chunk times each, ids as
// strings) and measures the heap they hold after GC, plus the time computeMetrics takes over them.
// Run with --expose-gc (bench/run.mjs does). Writes bench/results/loadgen-memory.json.
import { randomUUID } from 'node:crypto';
import { computeMetrics, flatUuid } from '@aiperf/loadgen';
import { round, writeResult } from './support.mjs';

const COUNT = 100_000;
const CHUNKS = 64;
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

gc();
const before = process.memoryUsage();
const records = Array.from({ length: COUNT }, (_, i) => record(i));
gc();
const after = process.memoryUsage();
const heldBytes = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers);
const t0 = performance.now();
const results = computeMetrics(records, { context: { streaming: true, producesTokens: true } });
const computeMs = performance.now() - t0;
const ttft = results.find((r) => r.tag === 'time_to_first_token');
if (!ttft || ttft.stats.count !== COUNT) throw new Error('computeMetrics did not see every record');

const result = {
  records: COUNT, chunksPerRecord: CHUNKS,
  heldMiB: round(heldBytes / 2 ** 20, 1), bytesPerRecord: Math.round(heldBytes / COUNT),
  computeMetricsMs: round(computeMs, 0),
};
const path = writeResult('loadgen-memory', result);
console.log(`${COUNT} records (${CHUNKS} chunks each) hold ${result.heldMiB} MiB (${result.bytesPerRecord} B/record); computeMetrics ${result.computeMetricsMs} ms → ${path}`);
