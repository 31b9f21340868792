// Whether the sidecar keeps the main loop busy during the run (then the run issues its requests from a worker
// thread): asked after start(), whose first scrape has dropped an inference server's /metrics that did not answer.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeTempDir } from '@aiperf/test-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { createServerMetricsSidecar } from './sidecar.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((closed) => server.close(closed))));
});

/** An inference server's origin; its /metrics answers with `metrics`, or 404 when null. */
async function inferenceServer(metrics: string | null): Promise<string> {
  const server = createServer((request, response) => {
    if (request.url === '/metrics' && metrics !== null) response.end(metrics);
    else response.writeHead(404).end();
  });
  servers.push(server);
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const clock = { nowEpochNs: () => BigInt(Date.now()) * 1_000_000n };

describe('createServerMetricsSidecar: busyDuringRun', () => {
  it('is false once the inference server turned out to have no /metrics, true while one answers', async () => {
    for (const [metrics, busy] of [[null, false], ['# TYPE vllm:num_requests_running gauge\nvllm:num_requests_running 3\n', true]] as const) {
      const sidecar = createServerMetricsSidecar({ urls: [], inferenceUrls: [`${await inferenceServer(metrics)}/v1`], intervalMs: 60_000, showConsole: false, warn: () => {} });
      await sidecar.start({ clock, artifactDir: await makeTempDir('server-metrics-sidecar-') });
      expect(sidecar.busyDuringRun?.()).toBe(busy);
      const nowNs = clock.nowEpochNs();
      await sidecar.stop({ startEpochNs: nowNs, endEpochNs: nowNs });
    }
  });

  it('stays busy for a --server-metrics URL that does not answer (it is retried and warned about)', async () => {
    const origin = await inferenceServer(null);
    const sidecar = createServerMetricsSidecar({ urls: [`${origin}/metrics`], intervalMs: 60_000, showConsole: false, warn: () => {} });
    await sidecar.start({ clock, artifactDir: await makeTempDir('server-metrics-sidecar-') });
    expect(sidecar.busyDuringRun?.()).toBe(true);
    const nowNs = clock.nowEpochNs();
    await sidecar.stop({ startEpochNs: nowNs, endEpochNs: nowNs });
  });
});
