import { afterEach, expect, it } from 'vitest';
import { type MockServer, startMockServer } from '@aiperf/mock-server';
import { InFlightRequests } from '../client/send-request.js';
import { buildDataset } from '../dataset/dataset.js';
import { loadTokenizer } from '../dataset/tokenizer.js';
import { createEndpointTypeRegistry, endpointForRun } from '../endpoints/registry.js';
import { testConfig } from '../test-config.js';
import type { ExecutorSetup } from './request-executor.js';
import { requestHeaderTemplate } from './request-headers.js';
import { createWarmPool } from './warm-pool.js';
import { warmSendPath } from './warm-send.js';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

it('runs one streamed request through the send and read path against its own listener, never the benchmarked server', async () => {
  server = await startMockServer({ port: 0, ttftMs: 1, itlMs: 1 });
  const config = testConfig({ endpoint: { url: server.url, streaming: true } });
  const endpoint = endpointForRun(config, createEndpointTypeRegistry());
  const tokenizer = await loadTokenizer('builtin');
  const pool = createWarmPool(server.url, 1);
  const setup: ExecutorSetup = {
    config, endpoint, tokenizer: () => Promise.resolve(tokenizer), dataset: buildDataset(config, endpoint, tokenizer), pickEntry: (i) => i,
    targets: [{ dispatcher: pool.pool, path: '/v1/chat/completions', origin: server.url }], epochOffsetNs: 0n, workerId: 'worker_test', inFlight: new InFlightRequests(),
    headerTemplate: requestHeaderTemplate(config, endpoint),
  };
  try {
    const record = await warmSendPath(setup, true);
    // The canned answer was sent, timestamped and read like any streamed answer: one content token and usage.
    expect(record?.error).toBeNull();
    expect(record?.contentOffsetsNs).toHaveLength(1);
    expect(record?.outputTokenCount).toBe(1);
    expect(record?.usageCompletionTokens).toBe(1);
    // Without reading (issuing worker threads), it still sends, and says nothing.
    expect(await warmSendPath(setup, false)).toBeNull();
    expect(server.stats().requests.total).toBe(0);
  } finally {
    await pool.close();
  }
});
