// Server metrics costs: scrape + parse of a 2,000-series vLLM-shaped exposition (against the bare Prometheus
// parser and a line split as baselines, measured in the same run), and the memory and summary time of one hour
// of 1 s scrapes (3,600 × 2,000 series), simulated without a socket. Writes bench/results/server-metrics.json.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { parsePrometheusText } from '@aiperf/telemetry-dcgm';
import { createServerMetricsCollector, MetricsStore, parseExposition, summarizeServerMetrics } from '../dist/index.js';

// 2,000 sample lines: the vLLM fixture (gauges, counters, 4 histograms) repeated for engines 0..N.
const fixture = readFileSync(new URL('../test-fixtures/vllm.prom', import.meta.url), 'utf8').split('\n');
const header = fixture.filter((line) => line.startsWith('#'));
const samples = fixture.filter((line) => line !== '' && !line.startsWith('#'));
const lines = [...header];
for (let engine = 0; lines.length - header.length < 2_000; engine++) {
  for (const line of samples) if (lines.length - header.length < 2_000) lines.push(line.replace('engine="0"', `engine="${engine}"`));
}
const body = `${lines.join('\n')}\n`;
const seriesCount = lines.length - header.length;

function timeIt(iterations, fn) {
  for (let i = 0; i < Math.min(20, iterations); i++) fn(i);
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn(i);
  return Number(process.hrtime.bigint() - started) / iterations / 1e6; // ms per iteration
}

const splitMs = timeIt(300, () => body.split('\n'));
const promParseMs = timeIt(300, () => parsePrometheusText(body));
const parseMs = timeIt(300, () => parseExposition(body));
const store = new MetricsStore();
const template = parseExposition(body);
const addMs = timeIt(300, (i) => store.add('http://a/metrics', BigInt(i) * 1_000_000_000n, template));

// Loopback: the real collector scraping a server that serves the body, at a 10 ms interval for 2 s.
const server = createServer((_request, response) => response.end(body));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/metrics`;
const clock = { nowEpochNs: () => BigInt(Date.now()) * 1_000_000n };
const collector = createServerMetricsCollector({ urls: [url], intervalMs: 10, clock, warn: () => undefined });
let started = performance.now();
await collector.start();
await new Promise((resolve) => setTimeout(resolve, 2_000));
await collector.stop();
const loopbackSeconds = (performance.now() - started) / 1000;
const loopbackScrapes = collector.endpoints()[0].successfulScrapes;
const avgFetchMs = collector.endpoints()[0].fetchLatencyNsTotal / loopbackScrapes / 1e6;
server.close();

// One hour at 1 s: every scrape changes every counter/histogram series and a third of the gauges (a busy server).
function hourOfScrapes(changeAll) {
  const hour = new MetricsStore();
  const base = 1_765_000_000_000_000_000n;
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const startedAt = performance.now();
  for (let s = 0; s < 3_600; s++) {
    const families = new Map();
    for (const [name, family] of template.families) {
      const step = family.type === 'gauge' && !changeAll ? Math.floor(s / 3) : s;
      families.set(name, {
        ...family,
        scalars: family.scalars.map((point) => ({ ...point, value: point.value + step })),
        histograms: family.histograms.map((point) => ({ ...point, count: point.count + s, sum: point.sum + s / 10, counts: point.counts.map((c, i) => c + (i >= point.counts.length / 2 ? s : 0)) })),
      });
    }
    hour.add('http://a/metrics', base + BigInt(s) * 1_000_000_000n, { families, issues: template.issues });
  }
  const ingestMs = performance.now() - startedAt;
  global.gc?.();
  const heapBytes = process.memoryUsage().heapUsed - heapBefore;
  const endpoints = [{ url: 'http://a/metrics', successfulScrapes: 3600, failedScrapes: 0, uniqueUpdates: 3600, fetchLatencyNsTotal: 0, firstFetchNs: base, lastFetchNs: base, lastBody: null, lastError: null, problems: {}, issues: { malformedLines: 0, nonFiniteSamples: 0, duplicateSeries: 0, unsupportedFamilies: new Set(), unknownTypeFamilies: new Set() }, optional: false, state: 'active', warned: new Set() }];
  const summaryStarted = performance.now();
  summarizeServerMetrics({ store: hour, window: { startEpochNs: base + 60_000_000_000n, endEpochNs: base + 3_540_000_000_000n }, endpoints });
  return { ingestMs, summarizeMs: performance.now() - summaryStarted, heapMiB: heapBytes / 2 ** 20, columnMiB: hour.byteLength() / 2 ** 20, samples: 3_600 * seriesCount };
}
const busyHour = hourOfScrapes(false);
const worstHour = hourOfScrapes(true);

const result = {
  name: 'server-metrics',
  node: process.version,
  series: seriesCount,
  bodyKiB: Math.round(Buffer.byteLength(body) / 1024),
  perScrape: {
    lineSplitMs: splitMs, prometheusParseMs: promParseMs, parseExpositionMs: parseMs, storeAddMs: addMs,
    parseVsPrometheusParser: parseMs / promParseMs,
  },
  loopback: { scrapesPerSec: loopbackScrapes / loopbackSeconds, avgFetchMs: avgFetchMs, maxPerSec: 100 },
  hourAt1s: { busy: busyHour, everySeriesChangesEveryScrape: worstHour },
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/server-metrics.json', `${JSON.stringify(result, null, 2)}\n`);
console.log(`${seriesCount}-series exposition (${result.bodyKiB} KiB): parse ${parseMs.toFixed(2)} ms (bare Prometheus parser ${promParseMs.toFixed(2)} ms, line split ${splitMs.toFixed(2)} ms), store ${addMs.toFixed(2)} ms`);
console.log(`loopback fetch: ${avgFetchMs.toFixed(2)} ms each, ${result.loopback.scrapesPerSec.toFixed(0)}/s at a 10 ms interval`);
for (const [label, hour] of [['busy', busyHour], ['worst case', worstHour]]) {
  console.log(`1 h at 1 s (${hour.samples.toLocaleString('en-US')} samples, ${label}): heap ${hour.heapMiB.toFixed(0)} MiB, ingest ${hour.ingestMs.toFixed(0)} ms, summarize ${hour.summarizeMs.toFixed(0)} ms`);
}
