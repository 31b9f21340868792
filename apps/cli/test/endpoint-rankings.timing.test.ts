// Rankings endpoint types (NIM, Hugging Face TEI, Cohere) end to end: aiperf against the mock server (rerank
// latency 30 ms + 2 ms per passage) through a recording proxy, with the `--rankings-*` sizes.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './config-harness.js';
import { QUIET_RUN, runDir, builtinTokenCount, expectNear, readJson, useProxiedMock } from './endpoint-harness.js';

const servers = useProxiedMock({ embeddingBaseLatencyMs: 30, embeddingPerInputLatencyMs: 2 });
const dirs = { make: () => runDir('aiperf-rankings-') };

const SIZES = [
  '--rankings-passages-mean', '5', '--rankings-passages-prompt-token-mean', '24', '--rankings-query-prompt-token-mean', '8', '--tokenizer', 'builtin',
];

/** Query and passages of one request body, by API shape. */
const shapes = {
  nim_rankings: { path: '/v1/ranking', read: (b: any) => ({ query: b.query.text, passages: b.passages.map((p: { text: string }) => p.text), model: b.model }) },
  hf_tei_rankings: { path: '/rerank', read: (b: any) => ({ query: b.query, passages: b.texts, model: b.model }) },
  cohere_rankings: { path: '/v2/rerank', read: (b: any) => ({ query: b.query, passages: b.documents, model: b.model }) },
} as const;

describe('aiperf profile with the rankings endpoint types', () => {
  it.each(Object.keys(shapes) as Array<keyof typeof shapes>)('%s: query and passages in its shape and sizes; latency as configured', async (type) => {
    servers.proxy.exchanges.length = 0;
    const dir = await dirs.make();
    const result = await runInProcess([
      'profile', '--model', 'rerank-mock', '--url', servers.proxy.url, '--endpoint-type', type, '--request-count', '6', '--concurrency', '2',
      '--artifact-dir', dir, ...SIZES, ...QUIET_RUN,
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(servers.proxy.exchanges).toHaveLength(6);
    const tokens = await builtinTokenCount();
    for (const request of servers.proxy.exchanges) {
      expect(request.path).toBe(shapes[type].path);
      const { query, passages, model } = shapes[type].read(request.body);
      expect(model).toBe(type === 'hf_tei_rankings' ? undefined : 'rerank-mock');
      expect(passages).toHaveLength(5);
      expect(typeof query).toBe('string');
      // Sizes from --rankings-*: a corpus cut of n tokens re-tokenizes to about n.
      expect(Math.abs(tokens(query) - 8)).toBeLessThanOrEqual(2);
      for (const passage of passages) expect(Math.abs(tokens(passage) - 24)).toBeLessThanOrEqual(3);
    }
    const summary = readJson(join(dir, 'profile_export_aiperf.json'));
    expect(summary.error_summary).toEqual([]);
    expect(summary.request_count.avg).toBe(6);
    expect(summary.time_to_first_token ?? null).toBeNull();
    expectNear(summary.request_latency, 40);
    expect(servers.mock.stats().requests.rankings).toBeGreaterThanOrEqual(6);
  });

  it('--streaming with a rankings type: one line naming the flag, exit 2, before any request', async () => {
    servers.proxy.exchanges.length = 0;
    const result = await runInProcess([
      'profile', '--model', 'rerank-mock', '--url', servers.proxy.url, '--endpoint-type', 'cohere_rankings', '--streaming', '--request-count', '2',
      '--artifact-dir', await dirs.make(), ...QUIET_RUN,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--streaming: endpoint type "cohere_rankings" does not stream/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(servers.proxy.exchanges).toHaveLength(0);
  });
});
