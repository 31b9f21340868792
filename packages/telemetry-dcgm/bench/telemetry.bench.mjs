// GPU telemetry costs: parsing one 8-GPU dcgm-exporter scrape, summarizing and writing an hour of samples,
// and a loopback scrape round trip. Writes bench/results/telemetry-dcgm.json (run from the repo root).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createDcgmCollector, interpretExposition, summarizeTelemetry, writeGpuTelemetryJsonl,
} from '../dist/index.js';

const fixture = readFileSync(new URL('../test-fixtures/dcgm-exporter-h100x2.prom', import.meta.url), 'utf8');
// 8 GPUs: the recorded 2-GPU scrape with its sample lines repeated for GPUs 2..7.
const eightGpus = fixture.split('\n').flatMap((line) =>
  line.startsWith('DCGM_') && line.includes('gpu="1"')
    ? [line, ...[2, 3, 4, 5, 6, 7].map((gpu) => line.replace('gpu="1"', `gpu="${gpu}"`).replace('nvidia1', `nvidia${gpu}`).replace('GPU-4e0a', `GPU-${gpu}e0a`))]
    : [line],
).join('\n');

function timeIt(iterations, fn) {
  for (let i = 0; i < Math.min(50, iterations); i++) fn(i);
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn(i);
  return Number(process.hrtime.bigint() - started) / iterations; // ns per iteration
}

const parseNs = timeIt(2_000, (i) => interpretExposition(eightGpus, 'http://node:9400/metrics', BigInt(i)));

// One hour at the default 333 ms interval, 8 GPUs.
const scrapes = Math.round(3_600_000 / 333);
const baseNs = 1_760_000_000_000_000_000n;
const { records: template } = interpretExposition(eightGpus, 'http://node:9400/metrics', 0n);
global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const records = [];
for (let s = 0; s < scrapes; s++) {
  const timestampNs = baseNs + BigInt(s) * 333_000_000n;
  for (const record of template) records.push({ ...record, timestampNs, telemetryData: { ...record.telemetryData, gpu_power_usage: 100 + (s % 250) } });
}
global.gc?.();
const heapPerRecordBytes = (process.memoryUsage().heapUsed - heapBefore) / records.length;
const window = { startEpochNs: baseNs + 60_000_000_000n, endEpochNs: baseNs + 3_540_000_000_000n };
const endpoints = [{ url: 'http://node:9400/metrics', successfulScrapes: scrapes, failedScrapes: 0, problems: new Set(), lastError: null }];
let started = performance.now();
summarizeTelemetry(records, window, endpoints);
const summarizeHourMs = performance.now() - started;
const dir = mkdtempSync(join(tmpdir(), 'dcgm-bench-'));
started = performance.now();
await writeGpuTelemetryJsonl(join(dir, 'gpu_telemetry_export.jsonl'), records);
const writeHourMs = performance.now() - started;
rmSync(dir, { recursive: true, force: true });

// Loopback scrape round trip at a 10 ms interval for 2 s.
const server = createServer((_request, response) => response.end(eightGpus));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/metrics`;
const collector = createDcgmCollector({ urls: [url], intervalMs: 10 });
started = performance.now();
await collector.start();
await new Promise((resolve) => setTimeout(resolve, 2_000));
await collector.stop();
const loopbackScrapesPerSec = collector.records().length / 8 / ((performance.now() - started) / 1000);
server.close();

const result = {
  name: 'telemetry-dcgm',
  node: process.version,
  parse8GpuScrapeUs: parseNs / 1000,
  hourOf8Gpus: { records: records.length, summarizeMs: summarizeHourMs, writeJsonlMs: writeHourMs, heapBytesPerRecord: Math.round(heapPerRecordBytes) },
  loopbackScrapesPerSecAt10msInterval: loopbackScrapesPerSec,
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/telemetry-dcgm.json', `${JSON.stringify(result, null, 2)}\n`);
console.log(`parse one 8-GPU scrape: ${result.parse8GpuScrapeUs.toFixed(1)} µs`);
console.log(`1 h × 8 GPUs (${records.length} records): summarize ${summarizeHourMs.toFixed(0)} ms, write JSONL ${writeHourMs.toFixed(0)} ms, ~${result.hourOf8Gpus.heapBytesPerRecord} B heap/record`);
console.log(`loopback scrapes at a 10 ms interval: ${loopbackScrapesPerSec.toFixed(1)}/s (100 max)`);
