// A 10M-record run through the record path of `aiperf profile`, without HTTP (no machine sends 10M requests in a
// session): each record is built as a streaming request's would be, its metric values go into the MetricStore
// columns, its JSONL line is appended to profile_export.jsonl (then deleted), and at the end every metric and
// 1-minute timeslices are computed from the columns. Reports wall time, peak RSS and bytes per record.
// Not part of `pnpm bench` (minutes, and ~7 GB of JSONL written): `node --expose-gc packages/loadgen/bench/ten-million.mjs [count]`.
// Writes bench/results/loadgen-10m.json.
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MetricStore, computeStoreMetrics, flatUuid, recordMetricValues, recordToJsonLine } from '@aiperf/loadgen';
import { round, writeResult } from './support.mjs';

const COUNT = Number(process.argv[2] ?? 10_000_000);
const CHUNKS = 8;
const context = { streaming: true, producesTokens: true };
const dir = mkdtempSync(join(tmpdir(), 'aiperf-10m-'));
const path = join(dir, 'profile_export.jsonl');
const out = createWriteStream(path);
const store = new MetricStore(context, 60_000_000_000n);
const started = performance.now();
const heapAtStart = process.memoryUsage().heapUsed;

function record(index) {
  const offsets = [];
  for (let i = 0; i < CHUNKS; i++) offsets.push(50e6 + i * 20e6 + Math.random() * 2e6);
  // 1,000 requests a second: 10M records span 2.8 hours.
  const start = BigInt(index) * 1_000_000n;
  return {
    sessionNum: index, xRequestId: flatUuid(), xCorrelationId: flatUuid(), conversationId: 'conversation', turnIndex: 0,
    phase: 'profiling', workerId: 'worker_abcdef00', startPerfNs: start, startEpochNs: 1_760_000_000_000_000_000n + start,
    ackOffsetNs: 1e6, contentOffsetsNs: offsets, firstOutputOffsetNs: offsets[0], lastResponseOffsetNs: offsets[CHUNKS - 1],
    endOffsetNs: offsets[CHUNKS - 1], inputTokenCount: 550, outputTokenCount: CHUNKS, reasoningTokenCount: null,
    error: index % 1000 === 999 ? { code: 500, type: 'HTTPError', message: 'boom' } : null,
    wasCancelled: false, cancellationOffsetNs: null, sendLatenessNs: 0,
  };
}

let text = '';
for (let i = 0; i < COUNT; i++) {
  const r = record(i);
  const values = recordMetricValues(r, context);
  store.add(r, values);
  text += recordToJsonLine(r, context, 'record_processor_bench', values);
  if (text.length > 1 << 20) {
    if (!out.write(text)) await new Promise((resolve) => out.once('drain', resolve));
    text = '';
  }
  if (i % 1_000_000 === 999_999) console.log(`${i + 1} records, ${round((performance.now() - started) / 1000, 1)} s, RSS ${round(process.memoryUsage().rss / 2 ** 20, 0)} MiB`);
}
out.end(text);
await new Promise((resolve) => out.once('finish', resolve));
const ingestSeconds = (performance.now() - started) / 1000;
const computeStarted = performance.now();
const results = computeStoreMetrics(store, { context });
const slices = store.sliceRows().map((slice) => computeStoreMetrics(store, { context }, slice));
const computeSeconds = (performance.now() - computeStarted) / 1000;
const count = results.find((r) => r.tag === 'request_count').avg;
if (count + COUNT / 1000 !== COUNT) throw new Error(`expected ${COUNT - COUNT / 1000} valid records, got ${count}`);
globalThis.gc?.();
const jsonlGiB = statSync(path).size / 2 ** 30;
rmSync(dir, { recursive: true, force: true });

const result = {
  records: COUNT, chunksPerRecord: CHUNKS, jsonlGiB: round(jsonlGiB, 2), timeslices: slices.length,
  ingestSeconds: round(ingestSeconds, 1), computeSeconds: round(computeSeconds, 1),
  peakRssMiB: round(process.resourceUsage().maxRSS / 1024, 0),
  columnBytesPerRecord: round(store.columnBytes / COUNT, 1),
  heapBytesPerRecord: round((process.memoryUsage().heapUsed - heapAtStart) / COUNT, 1),
};
const file = writeResult('loadgen-10m', result);
console.log(`${COUNT} records: ingested (columns + JSONL, ${result.jsonlGiB} GiB) in ${result.ingestSeconds} s, metrics and ${slices.length} timeslices in ${result.computeSeconds} s, peak RSS ${result.peakRssMiB} MiB, ${result.columnBytesPerRecord} B/record in columns → ${file}`);
