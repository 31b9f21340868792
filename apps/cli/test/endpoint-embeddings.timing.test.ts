// Embeddings with `--batch-size` and `chat_embeddings` end to end: aiperf against the mock server (embedding
// latency 30 ms + 2 ms per input) through a recording proxy.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './config-harness.js';
import { QUIET_RUN, runDir, expectNear, readJson, useProxiedMock } from './endpoint-harness.js';

const servers = useProxiedMock({ embeddingBaseLatencyMs: 30, embeddingPerInputLatencyMs: 2 });
const dirs = { make: () => runDir('aiperf-embeddings-') };

// Seeded: each batch input starts at a random token of the ~1,200-token corpus, so unseeded, two of a request's
// four inputs were the same text in about 3% of runs (36 pairs a run); a fixed seed keeps "four distinct" exact.
const run = (dir: string, extra: string[]) =>
  runInProcess([
    'profile', '--model', 'embed-mock', '--url', servers.proxy.url, '--request-count', '6', '--concurrency', '2', '--isl', '32', '--tokenizer', 'builtin',
    '--random-seed', '42', '--artifact-dir', dir, ...QUIET_RUN, ...extra,
  ]);

describe('embeddings endpoint types', () => {
  it('embeddings --batch-size 4: four distinct inputs per request; latency as configured', async () => {
    servers.proxy.exchanges.length = 0;
    const dir = await dirs.make();
    const result = await run(dir, ['--endpoint-type', 'embeddings', '--batch-size', '4']);
    expect(result.code, result.stderr).toBe(0);
    expect(servers.proxy.exchanges).toHaveLength(6);
    for (const request of servers.proxy.exchanges) {
      expect(request.path).toBe('/v1/embeddings');
      const { input } = request.body as { input: string[] };
      expect(input).toHaveLength(4);
      expect(new Set(input).size).toBe(4);
    }
    const summary = readJson(join(dir, 'profile_export_aiperf.json'));
    expect(summary.error_summary).toEqual([]);
    expectNear(summary.request_latency, 38);
  });

  it('chat_embeddings: the input as chat messages to /v1/embeddings', async () => {
    servers.proxy.exchanges.length = 0;
    const dir = await dirs.make();
    const result = await run(dir, ['--endpoint-type', 'chat_embeddings']);
    expect(result.code, result.stderr).toBe(0);
    for (const request of servers.proxy.exchanges) {
      expect(request.path).toBe('/v1/embeddings');
      expect(request.body).toMatchObject({ model: 'embed-mock', encoding_format: 'float', messages: [{ role: 'user' }] });
      expect(request.body).not.toHaveProperty('input');
    }
    const summary = readJson(join(dir, 'profile_export_aiperf.json'));
    expect(summary.error_summary).toEqual([]);
    expectNear(summary.request_latency, 32);
  });
});
