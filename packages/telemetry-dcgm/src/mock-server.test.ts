// Against @aiperf/mock-server's DCGM-like endpoints (/dcgm1/metrics, /dcgm2/metrics: two fake GPU nodes).
import { startMockServer, type MockServer } from '@aiperf/mock-server';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRunClock } from '@aiperf/stats';
import { createDcgmCollector } from './collector.js';
import { createGpuTelemetrySidecar } from './sidecar.js';
import { makeTempDir } from '@aiperf/test-kit';

let server: MockServer;
let artifactDir = '';
beforeAll(async () => {
  server = await startMockServer({ port: 0, ttftMs: 5, itlMs: 1, dcgmGpu: 'h200', dcgmNumGpus: 2, dcgmHostname: 'mock-node', seed: 7 });
  artifactDir = await makeTempDir('dcgm-mock-');
});
afterAll(async () => {
  await server.close();
  await rm(artifactDir, { recursive: true, force: true });
});

/** Streams chat completions so the faker's load (token rate / peak) rises. */
async function driveLoad(requests: number, maxTokens: number): Promise<void> {
  await Promise.all(Array.from({ length: requests }, async () => {
    const response = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'mock-model', stream: true, max_tokens: maxTokens, ignore_eos: true, messages: [{ role: 'user', content: 'hello there' }] }),
    });
    await response.text();
  }));
}

describe('DCGM telemetry from the mock server', () => {
  it('parses every GPU of the default /metrics endpoint with the preset identity and plausible values', async () => {
    const collector = createDcgmCollector({ urls: [server.dcgmUrl], intervalMs: 50 });
    await collector.start();
    await collector.stop();
    const records = collector.records();
    expect(records.map((record) => record.gpuIndex)).toEqual([0, 1]);
    for (const record of records) {
      expect(record).toMatchObject({ gpuModelName: 'NVIDIA H200', hostname: 'mock-node', device: `nvidia${record.gpuIndex}` });
      expect(record.gpuUuid).toMatch(/^GPU-[0-9a-f-]{36}$/);
      const data = record.telemetryData;
      expect(data.gpu_power_usage).toBeGreaterThan(0);
      expect(data.gpu_power_usage).toBeLessThanOrEqual(700);
      expect(data.gpu_memory_used).toBeGreaterThan(0);
      expect(data.gpu_memory_used).toBeLessThanOrEqual(141 * 1.1);
      expect(data.gpu_utilization).toBeGreaterThanOrEqual(0);
      expect(data.gpu_utilization).toBeLessThanOrEqual(100);
      expect(data.energy_consumption).toBeGreaterThan(0.9); // ≥ 1e9 mJ at boot = 1 MJ
      expect(data.sm_clock_frequency).toBeGreaterThanOrEqual(1350);
    }
  });

  it('sees utilisation and energy rise under load, on both fake nodes, through the sidecar', async () => {
    const dcgm1 = `${server.url}/dcgm1/metrics`;
    const dcgm2 = `${server.url}/dcgm2/metrics`;
    const sidecar = createGpuTelemetrySidecar({ urls: [dcgm1, dcgm2], intervalMs: 100, includeDefaultUrls: false, showConsole: true });
    const clock = createRunClock();
    await sidecar.start({ clock, artifactDir });
    const startEpochNs = clock.nowEpochNs();
    await driveLoad(4, 600);
    const endEpochNs = clock.nowEpochNs();
    const result = await sidecar.stop({ startEpochNs, endEpochNs });

    expect(result.gpuCount).toBe(4);
    const telemetry = result.summaryJson?.telemetry_data;
    const port = new URL(server.url).port;
    // Both exporters share host:port, so their keys keep the path.
    expect(Object.keys(telemetry?.endpoints ?? {})).toEqual([`127.0.0.1:${port}/dcgm1/metrics`, `127.0.0.1:${port}/dcgm2/metrics`]);
    const gpu = telemetry?.endpoints[`127.0.0.1:${port}/dcgm1/metrics`]?.gpus.gpu_0;
    const utilization = gpu?.metrics.gpu_utilization as { max: number; count: number };
    expect(utilization.count).toBeGreaterThanOrEqual(2);
    expect(utilization.max).toBeGreaterThan(50);
    expect(gpu?.metrics.energy_consumption?.avg).toBeGreaterThan(0);

    const lines = (await readFile(join(artifactDir, 'gpu_telemetry_export.jsonl'), 'utf8')).trimEnd().split('\n').map((line) => JSON.parse(line));
    // The baseline scrape at start() came before any request: idle utilisation (5 % ± noise).
    expect(lines[0].dcgm_url).toBe(dcgm1);
    expect(lines[0].telemetry_data.gpu_utilization).toBeLessThan(20);
    expect(result.consoleText).toContain('2/2 telemetry sources reachable');
    expect(result.consoleText).toContain(`127.0.0.1:${port}/dcgm2/metrics | GPU 1 | NVIDIA H200`);
  });
});
