// The collector against loopback endpoints that misbehave: slow (answers after the scrape timeout), huge
// (above the body limit), 10 MB (below it), garbage. None of it may fail or stall the collection.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { until } from '@aiperf/test-kit';
import { createServerMetricsCollector } from './collector.js';
import { summarizeServerMetrics } from './summary.js';

const servers: Server[] = [];
const clock = { nowEpochNs: () => BigInt(Date.now()) * 1_000_000n };

async function endpoint(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
}

let hits = 0;
let goodUrl = '';
let slowUrl = '';
let hugeUrl = '';
let tenMegUrl = '';
let garbageUrl = '';
const tenMegBody = (() => {
  const lines = ['# TYPE big_gauge gauge'];
  for (let i = 0, size = 0; size < 10 * 1024 * 1024; i++) {
    const line = `big_gauge{series="${i}",pad="${'p'.repeat(48)}"} ${i}`;
    lines.push(line);
    size += line.length + 1;
  }
  return `${lines.join('\n')}\n`;
})();

beforeAll(async () => {
  goodUrl = await endpoint((_request, response) => {
    hits += 1;
    response.end(`# TYPE requests_total counter\nrequests_total ${hits * 10}\n# TYPE weird frob\nweird 1\nbad_value NaN\n`);
  });
  slowUrl = await endpoint((_request, response) => setTimeout(() => response.end('slow_gauge 1\n'), 1500));
  hugeUrl = await endpoint((_request, response) => response.end('x'.repeat(2 * 1024 * 1024)));
  tenMegUrl = await endpoint((_request, response) => response.end(tenMegBody));
  garbageUrl = await endpoint((_request, response) => response.end('<html>502</html>\n'));
});
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => {
    server.closeAllConnections();
    server.close(resolve);
  })));
});

describe('createServerMetricsCollector', () => {
  it('keeps scraping the good endpoints while slow, huge and garbage ones are counted, warned about once per kind (+ once at the end)', async () => {
    // Fake timers drive the 100 ms grid, the 150 ms scrape timeout and the slow endpoint's 1.5 s answer; the HTTP
    // traffic is real. Each step waits for the fast endpoints' scrapes to finish, so every count is exact.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const warnings: string[] = [];
      const collector = createServerMetricsCollector({
        urls: [goodUrl, slowUrl, hugeUrl, garbageUrl], intervalMs: 100, fetchTimeoutMs: 150, maxBodyBytes: 256 * 1024,
        clock, warn: (line) => warnings.push(line),
      });
      const fast = [goodUrl, hugeUrl, garbageUrl];
      const scrapes = (url: string) => {
        const status = collector.endpoints().find((endpoint) => endpoint.url === url);
        return status ? status.successfulScrapes + status.failedScrapes : -1;
      };
      const fastScrapesDone = (ticks: number) =>
        until(() => fast.every((url) => scrapes(url) === ticks), () => `${ticks} scrapes each, have ${fast.map(scrapes).join(', ')}`);
      const startNs = clock.nowEpochNs();
      const starting = collector.start();
      await fastScrapesDone(1);
      await vi.advanceTimersByTimeAsync(150); // the slow endpoint's baseline scrape times out, start() returns
      await starting;
      // The baseline took 150 ms, so the grid's next slot is 200 ms, then one every 100 ms: 15 ticks by 1,500 ms.
      for (let ticks = 2; ticks <= 15; ticks++) {
        await vi.advanceTimersByTimeAsync(100);
        await fastScrapesDone(ticks);
      }
      const stopping = collector.stop(); // the final scrape waits for the slow one in flight, cut off at 150 ms
      await fastScrapesDone(16);
      await vi.advanceTimersByTimeAsync(150);
      await stopping;
      const byUrl = new Map(collector.endpoints().map((endpoint) => [endpoint.url, endpoint]));
      expect(byUrl.get(goodUrl)?.successfulScrapes).toBe(16);
      expect(byUrl.get(goodUrl)?.issues).toMatchObject({ nonFiniteSamples: 16, unknownTypeFamilies: new Set(['weird']) });
      // Slow: cut off at 150 ms and never more than one request in flight, so it cannot pile up: sent on 9 of the
      // 16 ticks (0, 200, 400, …, 1,400 ms and the final scrape), skipped while the previous one was pending.
      expect(byUrl.get(slowUrl)?.problems.timeout).toBe(9);
      expect(byUrl.get(slowUrl)?.successfulScrapes).toBe(0);
      // Cut off after 256 KB.
      expect(byUrl.get(hugeUrl)?.problems['too-large']).toBe(16);
      expect(byUrl.get(hugeUrl)?.successfulScrapes).toBe(0);
      expect(byUrl.get(garbageUrl)?.problems['not-prometheus']).toBe(16);
      for (const url of [slowUrl, hugeUrl, garbageUrl, goodUrl]) expect(warnings.filter((line) => line.includes(url)).length, warnings.join('\n')).toBeLessThanOrEqual(3);
      expect(warnings.some((line) => line.includes(slowUrl) && line.includes('no answer within 150 ms'))).toBe(true);
      expect(warnings.some((line) => line.includes(goodUrl) && line.includes('1 NaN/Inf sample(s)'))).toBe(true);

      const data = summarizeServerMetrics({ store: collector.store, window: { startEpochNs: startNs, endEpochNs: clock.nowEpochNs() }, endpoints: collector.endpoints() });
      const total = data.metrics.requests?.series[0]?.stats.total as number;
      expect(total).toBe((byUrl.get(goodUrl)?.successfulScrapes ?? 0) * 10 - 10);
      expect(data.summary.endpoint_info[slowUrl]).toMatchObject({ failed_fetches: 9, failures: { timeout: 9 } });
    } finally {
      vi.useRealTimers();
    }
  });

  it('takes a 10 MB exposition in its stride', async () => {
    const collector = createServerMetricsCollector({ urls: [tenMegUrl], intervalMs: 60_000, clock, warn: () => undefined });
    await collector.start();
    await collector.stop();
    const [status] = collector.endpoints();
    expect(status?.successfulScrapes).toBe(2); // the baseline and the final scrape
    const series = [...collector.store.series.values()];
    expect(series.length).toBeGreaterThan(100_000);
  });

  it('drops a derived /metrics URL silently when it does not answer', async () => {
    const warnings: string[] = [];
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const collector = createServerMetricsCollector({ urls: [], optionalUrls: [garbageUrl], intervalMs: 50, clock, warn: (line) => warnings.push(line) });
      await collector.start();
      await vi.advanceTimersByTimeAsync(150); // three more ticks: none scrapes the dropped URL
      await collector.stop();
      expect(collector.endpoints()[0]).toMatchObject({ state: 'dropped', failedScrapes: 1 });
      expect(warnings).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});
