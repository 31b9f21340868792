// Test helpers (not exported from the package): a raw HTTP client that records when each SSE
// event arrives, so tests see the exact bytes and timing a benchmark client would see.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { performance } from 'node:perf_hooks';
import { percentileOfSorted } from '@aiperf/stats';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type MockServer, type MockServerOptions, type MockServerStats, startMockServer } from './index.js';

export interface SseEvent {
  data: string;
  atMs: number;
}

export interface RawExchange {
  status: number;
  headers: IncomingHttpHeaders;
  raw: string;
  events: SseEvent[];
  sentMs: number;
  headersMs: number;
  /** When the response body ended (or broke). */
  endMs: number;
  /** Set when the connection broke before the response completed. */
  error: string | undefined;
}

export function postRaw(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<RawExchange> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const sentMs = performance.now();
    const exchange: RawExchange = { status: 0, headers: {}, raw: '', events: [], sentMs, headersMs: 0, endMs: 0, error: undefined };
    const client = httpRequest(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, agent: false },
      (response) => {
        exchange.status = response.statusCode ?? 0;
        exchange.headers = response.headers;
        exchange.headersMs = performance.now();
        let pending = '';
        response.setEncoding('utf8');
        response.on('data', (text: string) => {
          const atMs = performance.now();
          exchange.raw += text;
          pending += text;
          let end = pending.indexOf('\n\n');
          while (end >= 0) {
            const event = pending.slice(0, end);
            exchange.events.push({ data: event.startsWith('data: ') ? event.slice(6) : event, atMs });
            pending = pending.slice(end + 2);
            end = pending.indexOf('\n\n');
          }
        });
        response.on('error', (error) => {
          exchange.endMs = performance.now();
          exchange.error = error.message;
          resolve(exchange);
        });
        response.on('end', () => {
          exchange.endMs = performance.now();
          resolve(exchange);
        });
        response.on('aborted', () => {
          exchange.error = 'aborted';
        });
      },
    );
    client.on('error', (error) => {
      if (exchange.status) {
        exchange.endMs = performance.now();
        exchange.error = error.message;
        resolve(exchange);
      } else reject(error);
    });
    client.end(payload);
  });
}

export function median(values: number[]): number {
  return percentileOfSorted(Float64Array.from(values).sort(), 50);
}

/** Inter-token gaps of the events that carry a token (the usage chunk and [DONE] are excluded). */
export function tokenTimes(exchange: RawExchange): number[] {
  return exchange.events
    .filter((event) => event.data !== '[DONE]' && !event.data.includes('"choices":[]'))
    .map((event) => event.atMs);
}

export function chatBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    model: 'test-model',
    messages: [{ role: 'user', content: 'one two three four five' }],
    stream: true,
    max_tokens: 10,
    ignore_eos: true,
    ...overrides,
  };
}

/** A mock server per test: `start` it inside the test; it is closed after each test. `chatUrl` and `stats` read it. */
export function useMockServer() {
  let current: MockServer | undefined;
  const stop = async () => {
    await current?.close();
    current = undefined;
  };
  afterEach(stop);
  const server = () => current!;
  return {
    server,
    start: async (options: MockServerOptions) => (current = await startMockServer(options)),
    stop,
    chatUrl: () => `${server().url}/v1/chat/completions`,
    stats: async () => (await (await fetch(`${server().url}/mock/stats`)).json()) as MockServerStats,
  };
}

/**
 * The mock server (TTFT 5 ms, ITL 1 ms, seed 7) an official SDK's tests run against, and the SDK client `connect`
 * makes for its URL: both set before the file's tests, the server closed after them.
 */
export function useSdkClient<Client>(connect: (url: string) => Client): { server: () => MockServer; client: () => Client } {
  let server: MockServer | undefined;
  let client: Client | undefined;
  beforeAll(async () => {
    server = await startMockServer({ port: 0, ttftMs: 5, itlMs: 1, seed: 7 });
    client = connect(server.url);
  });
  afterAll(() => server?.close());
  return { server: () => server as MockServer, client: () => client as Client };
}
