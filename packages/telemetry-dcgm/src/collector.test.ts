import { stepFakeClock, until } from '@aiperf/test-kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDcgmCollector } from './collector.js';
import type { GpuTelemetryRecord } from './gpu-records.js';
import { closedPortUrl, startFixtureExporter, startGarbageEndpoint, startTestServer, type TestServer } from './testing/exposition-server.js';

const servers: TestServer[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

// The scrape grid, the fetch timeout and the default run clock (hrtime + one epoch offset) all run on vitest's fake
// clock; the HTTP traffic is real. Tests step the clock one interval at a time and wait for that tick's scrapes to
// land, so counts and timestamps are exact.
const useFakeClock = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'hrtime', 'Date'] });

async function serve(server: Promise<TestServer>): Promise<TestServer> {
  servers.push(await server);
  return servers[servers.length - 1] as TestServer;
}

describe('createDcgmCollector against a loopback DCGM exporter', () => {
  it('scrapes at the interval, stamps records with the run clock and parses the fixture values', async () => {
    const exporter = await serve(startFixtureExporter());
    useFakeClock();
    const collector = createDcgmCollector({ urls: [exporter.url], intervalMs: 50 });
    const beforeNs = BigInt(Date.now()) * 1_000_000n;
    await collector.start();
    // 600 ms: the baseline scrape and one per 50 ms slot, two GPUs each.
    await stepFakeClock(12, 50, (tick) => collector.records().length === 2 * (tick + 1), () => `${collector.records().length} records`);
    await collector.stop();
    const afterNs = BigInt(Date.now()) * 1_000_000n;

    const records = collector.records();
    const scrapes = records.length / 2;
    expect(exporter.hits()).toBe(scrapes);
    expect(scrapes).toBe(13);
    for (const record of records) {
      expect(record.timestampNs).toBeGreaterThanOrEqual(beforeNs - 5_000_000n);
      expect(record.timestampNs).toBeLessThanOrEqual(afterNs + 5_000_000n);
    }
    const gpu0 = records.filter((record) => record.gpuIndex === 0);
    expect(gpu0.map((record) => record.telemetryData.gpu_power_usage)).toEqual(gpu0.map((_, i) => 301 + i));
    expect(gpu0[0]).toMatchObject({ gpuUuid: 'GPU-9b3c1f2e-5d4a-4c61-8f0e-2a7d13c9e401', hostname: 'dgx-h100-07', dcgmUrl: exporter.url });
    const gaps = gpu0.slice(1).map((record, i) => Number(record.timestampNs - (gpu0[i] as GpuTelemetryRecord).timestampNs) / 1e6);
    // Stamped by the default run clock when parsed: one interval apart.
    expect(gaps).toEqual(Array.from({ length: 12 }, () => 50));
    expect(collector.endpoints()[0]).toMatchObject({ state: 'active', successfulScrapes: scrapes, failedScrapes: 0 });
  });

  it('uses the clock it is given and streams records through samples() until stop', async () => {
    const exporter = await serve(startFixtureExporter());
    let tick = 0n;
    const clock = { nowEpochNs: () => 1_800_000_000_000_000_000n + ++tick };
    useFakeClock();
    const collector = createDcgmCollector({ urls: [exporter.url], intervalMs: 40, clock });
    const streamed: GpuTelemetryRecord[] = [];
    const consumer = (async () => {
      for await (const record of collector) streamed.push(record);
    })();
    await collector.start();
    await stepFakeClock(6, 40, (tick) => streamed.length === 2 * (tick + 1), () => `${streamed.length} streamed`);
    await collector.stop();
    await consumer;
    expect(streamed).toEqual(collector.records());
    expect(streamed[0]?.timestampNs).toBe(1_800_000_000_000_000_001n);
    expect(streamed[1]?.timestampNs).toBe(1_800_000_000_000_000_001n); // both GPUs of one scrape share its stamp
    expect(streamed[2]?.timestampNs).toBe(1_800_000_000_000_000_002n);
    // A late iterator replays everything and ends at once.
    const replay: GpuTelemetryRecord[] = [];
    for await (const record of collector.samples()) replay.push(record);
    expect(replay).toEqual(streamed);
  });
});

describe('createDcgmCollector with failing endpoints', () => {
  it('warns once per endpoint (down, garbage) while the good one keeps scraping, and says so at the end', async () => {
    const exporter = await serve(startFixtureExporter());
    const garbage = await serve(startGarbageEndpoint());
    const down = await closedPortUrl();
    const warnings: string[] = [];
    useFakeClock();
    const collector = createDcgmCollector({ urls: [down, garbage.url, exporter.url], intervalMs: 40, onWarning: (line) => warnings.push(line) });
    await collector.start();
    const attempts = () => collector.endpoints().map((endpoint) => endpoint.successfulScrapes + endpoint.failedScrapes);
    await stepFakeClock(7, 40, (tick) => attempts().every((count) => count === tick + 1), () => `attempts ${attempts().join(', ')}`);
    const duringRun = [...warnings];
    await collector.stop();

    expect(garbage.hits()).toBe(8);
    expect(attempts()).toEqual([8, 8, 8]); // the refused one too: one try per tick
    expect(duringRun).toHaveLength(2);
    expect(duringRun[0]).toMatch(new RegExp(`^GPU telemetry: cannot reach ${down} \\(connect ECONNREFUSED 127\\.0\\.0\\.1:\\d+\\); the run goes on and keeps trying it$`));
    expect(duringRun[1]).toBe(
      `GPU telemetry: ${garbage.url} did not return DCGM metrics (line 1: expected a metric name: <html><body><h1>502 Bad Gateway</h1></body></html>); the run goes on without its data`,
    );
    expect(warnings.slice(2)).toEqual([
      `GPU telemetry: ${down} was never reachable during the run; no GPU data from it`,
      `GPU telemetry: ${garbage.url} never returned DCGM metrics during the run; no GPU data from it`,
    ]);
    expect(collector.records().length / 2).toBe(exporter.hits());
    expect(collector.endpoints().map((endpoint) => [endpoint.state, endpoint.successfulScrapes > 0])).toEqual([
      ['pending', false], ['pending', false], ['active', true],
    ]);
  });

  it('drops an optional (default) endpoint silently when its first scrape fails, and never scrapes it again', async () => {
    const garbage = await serve(startGarbageEndpoint());
    const down = await closedPortUrl();
    const warnings: string[] = [];
    useFakeClock();
    const collector = createDcgmCollector({ urls: [], optionalUrls: [down, garbage.url], intervalMs: 30, onWarning: (line) => warnings.push(line) });
    await collector.start();
    await vi.advanceTimersByTimeAsync(150); // five more ticks, none of which may scrape a dropped URL
    await collector.stop();
    expect(warnings).toEqual([]);
    expect(garbage.hits()).toBe(1);
    expect(collector.endpoints().map((endpoint) => endpoint.state)).toEqual(['dropped', 'dropped']);
  });

  it('treats a URL named by the user as required even when it is also a default', async () => {
    const down = await closedPortUrl();
    const collector = createDcgmCollector({ urls: [down], optionalUrls: [down], intervalMs: 30, onWarning: () => {} });
    await collector.start();
    await collector.stop();
    expect(collector.endpoints()).toMatchObject([{ url: down, optional: false, state: 'pending', failedScrapes: 1 }]);
  });

  it('warns once about an exporter that flaps between HTTP 500 and good data, and keeps its good scrapes', async () => {
    const flapping = await serve(startTestServer((hit, _request, response) => {
      if (hit % 2 === 0) response.writeHead(500).end('oops');
      else response.writeHead(200).end('DCGM_FI_DEV_GPU_UTIL{gpu="0"} 50\n');
    }));
    const warnings: string[] = [];
    useFakeClock();
    const collector = createDcgmCollector({ urls: [flapping.url], intervalMs: 30, onWarning: (line) => warnings.push(line) });
    await collector.start();
    const status = () => collector.endpoints()[0];
    const attempts = () => (status()?.successfulScrapes ?? 0) + (status()?.failedScrapes ?? 0);
    await stepFakeClock(7, 30, (tick) => attempts() === tick + 1, () => `${attempts()} attempts`);
    await collector.stop();
    expect(flapping.hits()).toBe(8);
    expect(warnings).toEqual([`GPU telemetry: cannot reach ${flapping.url} (HTTP 500); the run goes on and keeps trying it`]);
    // Odd requests succeed (one GPU each), even ones fail.
    expect(collector.records().length).toBe(4);
    expect(status()).toMatchObject({ successfulScrapes: 4, failedScrapes: 4 });
  });

  it('times out a hanging exporter without piling up requests', async () => {
    const hanging = await serve(startTestServer(() => {}));
    const warnings: string[] = [];
    useFakeClock();
    const collector = createDcgmCollector({ urls: [hanging.url], intervalMs: 20, fetchTimeoutMs: 150, onWarning: (line) => warnings.push(line) });
    const starting = collector.start(); // the baseline scrape times out at 150 ms
    await until(() => hanging.hits() === 1, () => 'the baseline request');
    await vi.advanceTimersByTimeAsync(150);
    await starting;
    // 200 ms more, 10 slots of 20 ms: the request sent at 160 ms times out at 310, the next goes at 320.
    await vi.advanceTimersByTimeAsync(160);
    await until(() => hanging.hits() === 2, () => 'the second request');
    await vi.advanceTimersByTimeAsync(40);
    await until(() => hanging.hits() === 3, () => 'the third request');
    await collector.stop();
    expect(hanging.hits()).toBe(3); // one in flight at a time, not one per 20 ms tick
    expect(collector.endpoints()[0]).toMatchObject({ failedScrapes: 2 }); // the third is aborted by stop()
    expect(warnings[0]).toBe(`GPU telemetry: cannot reach ${hanging.url} (no answer within 150 ms); the run goes on and keeps trying it`);
  });

  it('stop() aborts a scrape in flight instead of waiting for its timeout', async () => {
    const hanging = await serve(startTestServer(() => {}));
    const warnings: string[] = [];
    const collector = createDcgmCollector({ urls: [hanging.url], fetchTimeoutMs: 30_000, onWarning: (line) => warnings.push(line) });
    const starting = collector.start();
    await until(() => hanging.hits() === 1, () => 'the request to reach the exporter');
    const stopStartedMs = performance.now();
    await collector.stop();
    await starting;
    // Waiting for the fetch timeout would take 30 s; aborting returns at once (bound far from both).
    expect(performance.now() - stopStartedMs).toBeLessThan(15_000);
    expect(warnings).toEqual([`GPU telemetry: ${hanging.url} did not answer before the run ended; no GPU data from it`]);
  });

  it('rejects a non-positive interval and a second start()', async () => {
    expect(() => createDcgmCollector({ urls: [], intervalMs: 0 })).toThrow('intervalMs must be > 0, got 0');
    const collector = createDcgmCollector({ urls: [] });
    await collector.start();
    await expect(collector.start()).rejects.toThrow('start() may be called once');
    await collector.stop();
  });
});
