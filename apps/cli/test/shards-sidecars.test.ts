// A shard that waits at its start barrier scrapes /metrics and DCGM all the while (its sidecars start before the
// runner is chosen). The exports describe the profiling window: the server metrics JSON/CSV/Parquet, the GPU
// summary and their windows must not see the wait; the raw JSONL files keep every scrape, each stamped before the
// window. Both exporters report values during the wait (a gauge at 999, counters that jump by 1000 per scrape) that
// no scrape of the run ever shows. The CLI runs shard 0/2 in-process; the test is shard 1 and arrives at the
// barrier once the waiting shard has scraped there, after switching the exporters to their run values.
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { afterAll, expect, it } from 'vitest';
import { type CliRun, MAIN_LOOP_LOAD, readJson, runAiperf, tempDir } from './auto-plot-cli.js';
import { useMockServer } from './mock-fixture.js';

const mock = useMockServer({ ttftMs: 2, itlMs: 2 });

/** An exporter whose text depends on the phase the test has set; counts its scrapes and says when one is served. */
interface Exporter {
  url: string;
  scrapes: number;
  events: EventEmitter;
  server: Server;
}

async function startExporter(body: (scrape: number) => string): Promise<Exporter> {
  const events = new EventEmitter();
  const exporter = { url: '', scrapes: 0, events } as Exporter;
  exporter.server = createServer((_request, response: ServerResponse) => {
    response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(body(++exporter.scrapes));
    events.emit('scrape');
  });
  await new Promise<void>((resolve) => exporter.server.listen(0, '127.0.0.1', resolve));
  exporter.url = `http://127.0.0.1:${(exporter.server.address() as AddressInfo).port}/metrics`;
  return exporter;
}

const exporters: Exporter[] = [];
afterAll(async () => {
  await Promise.all(exporters.map((e) => new Promise((resolve) => e.server.close(resolve))));
});

/** Resolves once `done()` holds after a scrape of `exporter`; fails if the run ends first. */
function scraped(exporter: Exporter, done: () => boolean, run: Promise<CliRun>): Promise<void> {
  const reached = new Promise<void>((resolve) => {
    const check = () => {
      if (!done()) return;
      exporter.events.off('scrape', check);
      resolve();
    };
    exporter.events.on('scrape', check);
    check();
  });
  const ended = run.then((result) => {
    throw new Error(`the run ended while the test waited for scrapes: ${result.stderr}`);
  });
  return Promise.race([reached, ended]);
}

const WAIT_GAUGE = 999;
const WAIT_STEP = 1000;

it('a shard waiting at the barrier keeps its wait out of the exported window and its statistics', { timeout: 60_000 }, async () => {
  const root = await tempDir('aiperf-shard-sidecars-');
  const dir = join(root, 'run');
  const barrierDir = join(root, 'barrier');
  let waiting = true;
  // The counters step by WAIT_STEP per scrape while waiting, by 1 once the run is on.
  let serverCounter = 0;
  let energyMj = 0;
  const metrics = await startExporter(() => {
    serverCounter += waiting ? WAIT_STEP : 1;
    return `# TYPE barrier_test_phase gauge\nbarrier_test_phase ${waiting ? WAIT_GAUGE : 1}\n# TYPE barrier_test_scrapes_total counter\nbarrier_test_scrapes_total ${serverCounter}\n`;
  });
  const dcgm = await startExporter(() => {
    energyMj += waiting ? WAIT_STEP * 1e6 : 1;
    const labels = '{gpu="0",UUID="GPU-barrier-0",device="nvidia0",modelName="Test GPU",Hostname="test-node"}';
    return `DCGM_FI_DEV_GPU_UTIL${labels} ${waiting ? 99 : 5}\nDCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION${labels} ${energyMj}\n`;
  });
  exporters.push(metrics, dcgm);
  const yaml = join(root, 'bench.yaml');
  await writeFile(
    yaml,
    `benchmark:\n  gpu_telemetry:\n    urls: ["${dcgm.url}"]\n    interval_ms: 40\n  server_metrics:\n    urls: ["${metrics.url}"]\n    interval_ms: 40\n    formats: [json, csv, jsonl, parquet]\n`,
  );
  const run = runAiperf([
    'profile', '-f', yaml, '-m', 'mock-model', '-u', mock.url, '--streaming', '--concurrency', '2', '--request-count', '8',
    '--warmup-request-count', '0', '--isl', '16', '--osl', '64', '--artifact-dir', dir, '--ui', 'none', ...MAIN_LOOP_LOAD,
    '--shard', '0/2', '--shard-barrier-dir', barrierDir,
  ]);

  // Shard 0 has arrived at the barrier, and each exporter has served it 3 scrapes since.
  const arrived = () => existsSync(join(barrierDir, 'ready-0.json'));
  const atBarrier = { metrics: 0, dcgm: 0 };
  metrics.events.on('scrape', () => atBarrier.metrics += arrived() ? 1 : 0);
  dcgm.events.on('scrape', () => atBarrier.dcgm += arrived() ? 1 : 0);
  await Promise.all([scraped(metrics, () => atBarrier.metrics >= 3, run), scraped(dcgm, () => atBarrier.dcgm >= 3, run)]);
  // Run values from now on; one more scrape each, so no scrape answered with wait values is still on its way.
  waiting = false;
  const [metricsAtSwitch, dcgmAtSwitch] = [metrics.scrapes, dcgm.scrapes];
  await Promise.all([scraped(metrics, () => metrics.scrapes > metricsAtSwitch, run), scraped(dcgm, () => dcgm.scrapes > dcgmAtSwitch, run)]);
  const releasedMs = Date.now();
  await writeFile(join(barrierDir, 'ready-1.json'), JSON.stringify({ index: 1, count: 2, arrivedEpochMs: releasedMs }));
  const result = await run;
  expect(result.code, result.stderr).toBe(0);
  const out = join(dir, 'shard-0');

  // Server metrics JSON: the window starts after the barrier; the gauge never shows its wait value and the counter's
  // increase is the run's few steps of 1, counted from the last scrape before the window.
  const serverJson = await readJson(join(out, 'server_metrics_export.json'));
  expect(Date.parse(serverJson.summary.start_time)).toBeGreaterThan(releasedMs);
  const ours = (name: string) => serverJson.metrics[name].series.find((s: { endpoint_url: string }) => s.endpoint_url === metrics.url);
  expect([ours('barrier_test_phase').stats.min, ours('barrier_test_phase').stats.max]).toEqual([1, 1]);
  const counterTotal = ours('barrier_test_scrapes').stats.total;
  expect(counterTotal).toBeGreaterThan(0);
  expect(counterTotal).toBeLessThan(WAIT_STEP);

  // CSV: the same statistics.
  const csv = await readFile(join(out, 'server_metrics_export.csv'), 'utf8');
  const csvRow = (name: string) => csv.split('\n').find((line) => line.startsWith(`${new URL(metrics.url).host},`) && line.includes(`,${name},`)) ?? '';
  expect(csvRow('barrier_test_phase')).not.toContain(String(WAIT_GAUGE));
  expect(csvRow('barrier_test_scrapes')).toContain(`,${counterTotal},`);

  // Parquet: from the reference scrape on, no wait values and no cumulative increase of a wait step.
  const rows = (await parquetReadObjects({ file: toArrayBuffer(await readFile(join(out, 'server_metrics_export.parquet'))) })) as Record<string, unknown>[];
  const parquetOf = (name: string) => rows.filter((row) => row.metric_name === name && row.endpoint_url === metrics.url).map((row) => Number(row.value));
  expect(parquetOf('barrier_test_phase').length).toBeGreaterThan(0);
  expect(parquetOf('barrier_test_phase').every((value) => value === 1)).toBe(true);
  expect(Math.max(...parquetOf('barrier_test_scrapes'))).toBe(counterTotal);

  // GPU summary: its window too; utilization only the run's 5 %, the energy increase without the wait's MJ.
  const summary = await readJson(join(out, 'profile_export_aiperf.json'));
  const telemetry = summary.telemetry_data;
  expect(Date.parse(telemetry.summary.start_time)).toBeGreaterThan(releasedMs);
  const gpu = telemetry.endpoints[new URL(dcgm.url).host].gpus.gpu_0.metrics;
  expect([gpu.gpu_utilization.min, gpu.gpu_utilization.max]).toEqual([5, 5]);
  expect(gpu.energy_consumption.delta).toBeGreaterThan(0);
  expect(gpu.energy_consumption.delta).toBeLessThan(WAIT_STEP * 1e6 * 1e-9);

  // The raw JSONL files keep every scrape, the wait's included, each stamped before the window starts.
  const windowStartMs = Date.parse(serverJson.summary.start_time);
  const stampsMs = (lines: string[]) => lines.map((line) => Number(BigInt(/"timestamp_ns":(\d+)/.exec(line)?.[1] ?? '0') / 1_000_000n));
  const serverLines = (await readFile(join(out, 'server_metrics_export.jsonl'), 'utf8')).trimEnd().split('\n').filter((line) => line.includes(metrics.url));
  const serverWait = serverLines.filter((line) => line.includes(`"barrier_test_phase":[{"value":${WAIT_GAUGE}}]`));
  expect(serverWait.length).toBeGreaterThanOrEqual(3);
  expect(Math.max(...stampsMs(serverWait))).toBeLessThan(windowStartMs);
  const gpuLines = (await readFile(join(out, 'gpu_telemetry_export.jsonl'), 'utf8')).trimEnd().split('\n');
  const gpuWait = gpuLines.filter((line) => /"gpu_utilization":99[,}]/.test(line));
  expect(gpuWait.length).toBeGreaterThanOrEqual(3);
  expect(Math.max(...stampsMs(gpuWait))).toBeLessThan(windowStartMs);
});

function toArrayBuffer(bytes: Buffer): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
