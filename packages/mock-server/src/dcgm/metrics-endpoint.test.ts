import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_DCGM_FIELDS, startMockServer, type MockServer } from '../index.js';
import { chatBody, postRaw } from '../test-support.js';

// A strict line grammar for the text format (version 0.0.4): the parser library above is lenient.
const SAMPLE_LINE = /^[a-zA-Z_:][a-zA-Z0-9_:]*\{([a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*",?)*\} -?\d+(\.\d+)?(e[+-]?\d+)?$/;
const COMMENT_LINE = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.+)$/;

async function scrape(url: string) {
  const response = await fetch(url);
  return { contentType: response.headers.get('content-type'), text: await response.text() };
}

const utilOf = (text: string) =>
  parsePrometheusTextFormat(text)
    .find((family) => family.name === 'DCGM_FI_DEV_GPU_UTIL')!
    .metrics.map((metric) => Number(metric.value));

describe('GET /dcgm1/metrics (DCGM exporter)', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer({ port: 0, ttftMs: 0, itlMs: 0, dcgmGpu: 'h100-sxm', dcgmNumGpus: 3, dcgmHostname: 'gpu-node-7', seed: 9 });
  });
  afterAll(() => server.close());

  it('serves Prometheus text with HELP/TYPE and the DCGM fields and labels for every GPU', async () => {
    const { contentType, text } = await scrape(server.dcgmUrl);
    expect(contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
    const lines = text.trimEnd().split('\n');
    const seen: string[] = [];
    for (const line of lines) {
      const comment = COMMENT_LINE.exec(line);
      if (comment) {
        if (comment[1] === 'TYPE') expect(['gauge', 'counter']).toContain(comment[3]);
        if (comment[1] === 'HELP') seen.push(comment[2]!);
        continue;
      }
      expect(line).toMatch(SAMPLE_LINE);
      // Samples follow their own family's HELP/TYPE.
      expect(line.startsWith(`${seen.at(-1)}{`)).toBe(true);
    }
    const families = parsePrometheusTextFormat(text);
    expect(families.map((family) => family.name)).toEqual(MOCK_DCGM_FIELDS.map((field) => field.name));
    for (const family of families) {
      expect(family.help).not.toBe('');
      expect(family.metrics).toHaveLength(3);
      family.metrics.forEach((metric, index) => {
        expect(Number.isFinite(Number(metric.value))).toBe(true);
        expect(metric.labels).toEqual({
          gpu: String(index),
          UUID: expect.stringMatching(/^GPU-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
          pci_bus_id: expect.stringMatching(/^00000000:[0-9A-F]{2}:00\.0$/),
          device: `nvidia${index}`,
          modelName: 'NVIDIA H100 80GB HBM3',
          Hostname: 'gpu-node-7',
        });
      });
    }
    const energy = families.find((family) => family.name === 'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION');
    expect(energy?.type).toBe('COUNTER');
  });

  it('follows the request load: utilisation rises while tokens stream', async () => {
    const idle = utilOf((await scrape(server.dcgmUrl)).text);
    expect(Math.max(...idle)).toBeLessThanOrEqual(10);
    // A steady 2000 tok/s for a bit over a window: load 1 relative to the (min 100 tok/s) peak.
    await Promise.all(
      Array.from({ length: 4 }, () =>
        postRaw(`${server.url}/v1/chat/completions`, chatBody({ max_tokens: 600 }), { 'x-mock-itl-ms': '2' }),
      ),
    );
    const busy = utilOf((await scrape(server.dcgmUrl)).text);
    expect(Math.min(...busy)).toBeGreaterThan(50);
  });

  it('serves a second, independent exporter at /dcgm2/metrics', async () => {
    const first = parsePrometheusTextFormat((await scrape(`${server.url}/dcgm1/metrics`)).text);
    const second = parsePrometheusTextFormat((await scrape(`${server.url}/dcgm2/metrics`)).text);
    const uuids = (families: typeof first) => families[0]!.metrics.map((metric) => metric.labels?.UUID);
    expect(uuids(first)).toHaveLength(3);
    expect(uuids(second)).not.toEqual(uuids(first));
  });

  it('serves the metrics alone on a separate port with dcgmPort, like a dcgm-exporter on :9400', async () => {
    const separate = await startMockServer({ port: 0, dcgmPort: 0, dcgmNumGpus: 1 });
    try {
      const dcgmUrl = new URL(separate.dcgmUrl);
      expect(dcgmUrl.pathname).toBe('/metrics');
      expect(Number(dcgmUrl.port)).not.toBe(separate.port);
      const families = parsePrometheusTextFormat((await scrape(separate.dcgmUrl)).text);
      expect(families[0]!.metrics).toHaveLength(1);
      expect((await fetch(`${dcgmUrl.origin}/v1/models`)).status).toBe(404);
      expect((await fetch(`${separate.url}/v1/models`)).status).toBe(200);
    } finally {
      await separate.close();
    }
  });
});
