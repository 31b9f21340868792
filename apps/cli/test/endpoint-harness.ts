// Shared by the CLI end-to-end tests that check what went over the wire: the mock server behind test-kit's
// recording proxy, and a temp artifact dir per run, removed by the test kit.
import { loadTokenizer } from '@aiperf/loadgen';
import type { MockServerOptions } from '@aiperf/mock-server';
import { type RecordingProxy, makeTempDir, startRecordingProxy } from '@aiperf/test-kit';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { join } from 'node:path';
import { type FileMockServer, useMockServer } from './mock-fixture.js';

/** One test file's servers: the mock and the recording proxy in front of it, both set before the file's tests run. */
export interface ProxiedMock<Body = unknown> {
  mock: FileMockServer;
  proxy: RecordingProxy<Body>;
}

/**
 * Starts the mock server (with `options`) behind a recording proxy before the file's tests, closes both after; the
 * recorded exchanges are cleared before each test. `Body` types the recorded request bodies.
 */
export function useProxiedMock<Body = unknown>(options: Omit<MockServerOptions, 'port'>): ProxiedMock<Body> {
  const servers = { mock: useMockServer(options) } as ProxiedMock<Body>;
  beforeAll(async () => {
    servers.proxy = await startRecordingProxy<Body>(servers.mock.url);
  });
  beforeEach(() => {
    if (servers.proxy) servers.proxy.exchanges.length = 0;
  });
  afterAll(async () => {
    await servers.proxy?.close();
  });
  return servers;
}

/** A run's artifact dir inside a fresh temp dir (the test kit removes it when the test ends). */
export async function runDir(prefix: string): Promise<string> {
  return join(await makeTempDir(prefix), 'run');
}

export { readJson, readJsonl } from './read-exports.js';

/** The common flags of an endpoint e2e run: quiet, no telemetry, records + raw exchanges exported. */
export const QUIET_RUN = ['--ui', 'none', '--no-gpu-telemetry', '--no-server-metrics', '--export-level', 'raw', '--workers', '1'];

/**
 * Never earlier than the mock's schedule (minus clock slack), and not far later on average (a loaded CI machine).
 * ITL has no hard floor: the mock keeps an absolute schedule, so tokens after a late first token catch up.
 */
export function expectNear(stat: { min: number; avg: number }, configuredMs: number, floor: 'min' | 'avg' = 'min'): void {
  if (floor === 'min') expect(stat.min, JSON.stringify(stat)).toBeGreaterThan(configuredMs * 0.9 - 1);
  else expect(stat.avg, JSON.stringify(stat)).toBeGreaterThan(configuredMs * 0.5);
  expect(stat.avg, JSON.stringify(stat)).toBeLessThan(configuredMs * 2 + 150);
}

/** A `--endpoint-type template` body for the mock's TGI routes (`/generate`, `/generate_stream`). */
export const TEMPLATE = '{"inputs": {{ text|tojson }}, "parameters": {"max_new_tokens": {{ max_tokens }}, "ignore_eos": true}, "tag": {{ model|tojson }}}';

/** Token counts by aiperf's builtin tokenizer (what `--tokenizer builtin` counts with). */
export async function builtinTokenCount(): Promise<(text: string) => number> {
  const tokenizer = await loadTokenizer('builtin');
  return (text) => tokenizer.encode(text).length;
}
