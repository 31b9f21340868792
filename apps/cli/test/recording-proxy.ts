// A recording proxy in front of the mock server: the tests see every completion request (headers, body, which
// client connection carried it) and the answer it got. Non-streaming requests only.
import { mkdtempSync, rmSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '@aiperf/mock-server';
import { afterAll, beforeAll, beforeEach } from 'vitest';

export interface RecordedExchange {
  headers: Record<string, string | string[] | undefined>;
  body: { messages: Array<{ role: string; content: string }>; max_completion_tokens?: number };
  answer: string;
  /** Which client connection carried it (1, 2, … in order of connecting). */
  connection: number;
  receivedMs: number;
  answeredMs: number;
}

export interface RecordingProxy {
  url: string;
  exchanges: RecordedExchange[];
  close(): Promise<void>;
}

export async function startRecordingProxy(upstreamUrl: string): Promise<RecordingProxy> {
  const exchanges: RecordedExchange[] = [];
  const connections = new WeakMap<Socket, number>();
  let connected = 0;
  const server: Server = createServer(async (req, res) => {
    // aiperf's GET /metrics scrape is not a completion: not recorded.
    if (req.method !== 'POST') {
      req.resume();
      res.writeHead(404).end();
      return;
    }
    const receivedMs = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const bodyText = Buffer.concat(chunks).toString('utf8');
    const upstream = await fetch(`${upstreamUrl}${req.url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodyText });
    const text = await upstream.text();
    const answer = JSON.parse(text).choices?.[0]?.message?.content ?? '';
    exchanges.push({ headers: req.headers, body: JSON.parse(bodyText), answer, connection: connections.get(req.socket)!, receivedMs, answeredMs: performance.now() });
    res.writeHead(upstream.status, { 'content-type': 'application/json' }).end(text);
  });
  server.on('connection', (socket: Socket) => connections.set(socket, ++connected));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    exchanges,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * One test file's setup: a mock server behind a recording proxy and a temp dir, both gone after the file; the
 * recorded exchanges are cleared before each test.
 */
export function mockBehindProxy(prefix: string): { root: string; proxy: () => RecordingProxy; mock: () => MockServer } {
  const root = mkdtempSync(join(tmpdir(), prefix));
  let mock: MockServer | undefined;
  let proxy: RecordingProxy | undefined;
  beforeAll(async () => {
    mock = await startMockServer({ port: 0, ttftMs: 1, itlMs: 1 });
    proxy = await startRecordingProxy(mock.url);
  });
  beforeEach(() => {
    if (proxy) proxy.exchanges.length = 0;
  });
  afterAll(async () => {
    await proxy?.close();
    await mock?.close();
    rmSync(root, { recursive: true, force: true });
  });
  return { root, proxy: () => proxy as RecordingProxy, mock: () => mock as MockServer };
}
