import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { type MockServer, startMockServer } from '@aiperf/mock-server';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createEndpointTypeRegistry } from './endpoints/registry.js';
import type { EndpointType } from './endpoints/types.js';
import { createMetricRegistry } from './metrics/registry.js';
import type { RecordMetric } from './metrics/types.js';
import { runProfile } from './run-profile.js';
import { findWorkerScript } from './run/issuer-thread-pool.js';
import { testConfig } from './test-config.js';
import { readRecords, readSummary } from './test-run-files.js';
import { createTimingStrategyRegistry } from './timing/strategies.js';
import type { TimingStrategy } from './timing/timing-strategy.js';
import { makeTempDir } from '@aiperf/test-kit';

// A plugin module as a worker thread sees it: plain JS at a URL, no imports. Pairs of requests every 60 ms,
// and a chat endpoint type that tags each body so the requests show which endpoint built them.
const PLUGIN_SOURCE = `
export default {
  name: 'test-plugin',
  timingStrategies: [{
    name: 'pairs',
    validate: (load) => (load.requestCount === null ? ['--request-count: pairs needs one'] : []),
    describe: () => 'two requests every 60 ms',
    createSchedule: () => (index) => Math.floor(index / 2) * 60e6,
    maxInFlight: () => null,
  }],
  endpointTypes: [{
    name: 'tagged-chat', defaultPath: '/v1/chat/completions', supportsStreaming: true, producesTokens: true,
    metricsTitle: 'Tagged Metrics',
    buildBody: (input) => ({ messages: [{ role: 'user', content: input.prompt }], model: input.model, user: 'tagged-by-plugin',
      ...(input.streaming ? { stream: true, stream_options: { include_usage: true } } : {}),
      ...(input.maxTokens === null ? {} : { max_completion_tokens: input.maxTokens }), ...input.extraInputs }),
    parseResponse(json) {
      const part = json?.choices?.[0]?.delta ?? json?.choices?.[0]?.message;
      const u = json?.usage;
      return { text: typeof part?.content === 'string' ? part.content : '', reasoning: '',
        usage: u ? { promptTokens: u.prompt_tokens ?? null, completionTokens: u.completion_tokens ?? null, reasoningTokens: null } : null };
    },
  }],
};
`;

const root = await makeTempDir('aiperf-registries-');
const pluginUrl = pathToFileURL(join(root, 'plugin.mjs')).href;
writeFileSync(join(root, 'plugin.mjs'), PLUGIN_SOURCE);
afterAll(() => rmSync(root, { recursive: true, force: true }));

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const doubledOsl: RecordMetric = {
  tag: 'doubled_output_sequence_length', header: 'Doubled OSL', unit: 'tokens', displayUnit: 'tokens', kind: 'record', flags: [],
  compute: (r) => (r.outputTokenCount === null ? undefined : 2 * r.outputTokenCount),
};

async function profileWith(workers: number) {
  server = await startMockServer({ port: 0, ttftMs: 5, itlMs: 1 });
  const dir = mkdtempSync(join(root, 'run-'));
  const plugin = (await import(pluginUrl)).default as { timingStrategies: TimingStrategy[]; endpointTypes: EndpointType[] };
  const config = testConfig({
    endpoint: { url: server.url, type: 'tagged-chat', extraInputs: { ignore_eos: true } },
    load: { mode: 'pairs', concurrency: null, requestCount: 6, workers },
    output: { artifactDir: dir, artifactDirExplicit: true },
  });
  const registries = {
    timingStrategies: createTimingStrategyRegistry(),
    endpointTypes: createEndpointTypeRegistry(),
    metrics: createMetricRegistry(),
  };
  for (const s of plugin.timingStrategies) registries.timingStrategies.register(s, 'test-plugin');
  for (const e of plugin.endpointTypes) registries.endpointTypes.register(e, 'test-plugin');
  registries.metrics.register(doubledOsl, 'test-plugin');
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (c) => (text += c));
  const result = await runProfile(config, { stdout, stderr: new PassThrough() }, { registries, pluginModules: [pluginUrl] });
  const summary = readSummary(dir);
  const records = readRecords(dir);
  const inputs = readFileSync(join(dir, 'inputs.json'), 'utf8');
  return { result, summary, records, inputs, text };
}

/** When each request was due (send time minus its lateness), ms after the first, rounded, sorted. */
const dueMs = (records: Record<string, any>[]) => {
  const due = records.map((r) => BigInt(r.metadata.credit_issued_ns)).sort((a, b) => (a < b ? -1 : 1));
  return due.map((d) => Math.round(Number(d - due[0]!) / 1e6));
};

describe('runProfile with registries passed in (a plugin timing strategy, endpoint type and metric)', () => {
  it('runs them on the main thread', async () => {
    const { result, summary, records, inputs, text } = await profileWith(1);
    expect(result.exitCode).toBe(0);
    expect(records).toHaveLength(6);
    expect(dueMs(records)).toEqual([0, 0, 60, 60, 120, 120]);
    expect(inputs).toContain('tagged-by-plugin');
    expect(text).toContain('Tagged Metrics');
    expect(summary.doubled_output_sequence_length).toMatchObject({ unit: 'tokens', avg: 2 * summary.output_sequence_length.avg });
    expect(records[0]!.metrics.doubled_output_sequence_length.value).toBe(2 * records[0]!.metrics.output_sequence_length.value);
  });

  const workerBuilt = findWorkerScript() !== null;
  if (!workerBuilt) console.warn('SKIPPED: the worker-thread registry test needs the built worker (pnpm build; `pnpm test` builds first)');
  it.skipIf(!workerBuilt)('rebuilds them in worker threads from the plugin module URLs', async () => {
    const { result, records, inputs } = await profileWith(2);
    expect(result.exitCode).toBe(0);
    expect(records).toHaveLength(6);
    expect(new Set(records.map((r) => r.metadata.worker_id)).size).toBe(2);
    expect(inputs).toContain('tagged-by-plugin');
    expect(dueMs(records)).toEqual([0, 0, 60, 60, 120, 120]);
  });

  it('names the unknown strategy and the known ones', async () => {
    const config = testConfig({ load: { mode: 'nope' } });
    await expect(runProfile(config, { stdout: new PassThrough(), stderr: new PassThrough() })).rejects.toThrow(
      'benchmark.load.mode: unknown timing mode "nope"; allowed: concurrency, request_rate, fixed_schedule',
    );
  });
});
