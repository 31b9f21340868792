// Shared by the endpoint-type end-to-end tests: a recording proxy in front of the mock server (every request's
// method, path, headers and body as they went over the wire; answers streamed through untouched), and a
// temp artifact dir per run, removed by the test kit.
import { readFileSync } from 'node:fs';
import { type IncomingHttpHeaders, createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadTokenizer } from '@aiperf/loadgen';
import { type MockServer, type MockServerOptions, startMockServer } from '@aiperf/mock-server';
import { makeTempDir } from '@aiperf/test-kit';
import { afterAll, beforeAll, expect } from 'vitest';
import { join } from 'node:path';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface RecordingProxy {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startRecordingProxy(targetUrl: string): Promise<RecordingProxy> {
  const target = new URL(targetUrl);
  const requests: RecordedRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    // Only API calls are recorded; aiperf's own GET /metrics scrape is passed through unrecorded.
    if (req.method === 'POST') requests.push({ method: req.method, path: req.url ?? '/', headers: req.headers, body: text ? JSON.parse(text) : null });
    const upstream = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    upstream.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** One test file's servers: the mock and the recording proxy in front of it, both set before the file's tests run. */
export interface ProxiedMock {
  mock: MockServer;
  proxy: RecordingProxy;
}

/** Starts the mock server (with `options`) behind a recording proxy before the file's tests, closes both after. */
export function useProxiedMock(options: Omit<MockServerOptions, 'port'>): ProxiedMock {
  const servers = {} as ProxiedMock;
  beforeAll(async () => {
    servers.mock = await startMockServer({ port: 0, ...options });
    servers.proxy = await startRecordingProxy(servers.mock.url);
  });
  afterAll(async () => {
    await servers.proxy?.close();
    await servers.mock?.close();
  });
  return servers;
}

/** A run's artifact dir inside a fresh temp dir (the test kit removes it when the test ends). */
export async function runDir(prefix: string): Promise<string> {
  return join(await makeTempDir(prefix), 'run');
}

export const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
export const readJsonl = (path: string) =>
  readFileSync(path, 'utf8').trim().split('\n').map((line) => JSON.parse(line));

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

/** Token counts by aiperf's builtin tokenizer (what `--tokenizer builtin` counts with). */
export async function builtinTokenCount(): Promise<(text: string) => number> {
  const tokenizer = await loadTokenizer('builtin');
  return (text) => tokenizer.encode(text).length;
}
