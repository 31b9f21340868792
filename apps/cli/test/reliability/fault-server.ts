// A tiny OpenAI-chat-like server for the reliability suite: it answers every request with one chosen fault (or
// none) and records when each response was fully handed to the socket, keyed by the client's X-Request-ID.
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

export type Fault =
  | 'none' // a well-formed SSE stream
  | 'status-500'
  | 'status-429' // with Retry-After
  | 'reset' // the socket is destroyed mid-stream
  | 'truncated-sse' // the stream ends without [DONE], in the middle of an event
  | 'malformed-sse' // a data line that is not JSON
  | 'stall' // headers, one token, then nothing
  | 'slow-drip' // one byte at a time
  | 'huge-body' // a 2 MB non-streaming JSON error body (500× the 4 KB of an error body the client keeps)
  | 'escape-body'; // a 500 whose body carries terminal escape sequences

export interface FaultServer {
  url: string;
  /** X-Request-ID → Date.now() when the full response was handed to the socket (benchmark requests only). */
  answered: Map<string, number>;
  close(): Promise<void>;
}

export interface FaultServerOptions {
  fault?: Fault | ((index: number) => Fault);
  tokens?: number;
  itlMs?: number;
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

function chunk(content: string): string {
  return `data: ${JSON.stringify({ id: 'x', object: 'chat.completion.chunk', created: 0, model: 'm', choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;
}

function completion(tokens: number): string {
  const content = Array.from({ length: tokens }, (_, i) => ` tok${i}`).join('');
  return JSON.stringify({ id: 'x', object: 'chat.completion', created: 0, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] });
}

async function answer(fault: Fault, res: ServerResponse, tokens: number, itlMs: number, streaming: boolean): Promise<void> {
  if (fault === 'status-500' || fault === 'status-429') {
    const status = fault === 'status-500' ? 500 : 429;
    res.writeHead(status, { 'content-type': 'application/json', ...(status === 429 ? { 'retry-after': '1' } : {}) });
    res.end(JSON.stringify({ error: { message: status === 429 ? 'rate limited' : 'boom', code: status } }));
    return;
  }
  if (fault === 'escape-body') {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end('bad\x1b]0;pwned-title\x07 thing\x1b[2J\x1b[31mred\x1b[0m\x9b31m\r\x00end');
    return;
  }
  if (fault === 'huge-body') {
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: 'x'.repeat(2 * 1024 * 1024) } }));
    return;
  }
  if (!streaming && fault === 'none') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(completion(tokens));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (let i = 0; i < tokens; i++) {
    if (res.destroyed) return;
    const event = chunk(` tok${i}`);
    if (fault === 'slow-drip') {
      for (const ch of event) {
        res.write(ch);
        await delay(1);
      }
    } else res.write(event);
    if (fault === 'reset' && i === 1) return void res.socket?.destroy();
    if (fault === 'malformed-sse' && i === 1) res.write('data: {not json\n\n');
    if (fault === 'truncated-sse' && i === 1) return void res.end('data: {"choices":[{"delta":{"content":"cut');
    if (fault === 'stall' && i === 0) return; // never ends; the client's timeout must fire
    await delay(itlMs);
  }
  res.end('data: [DONE]\n\n');
}

export async function startFaultServer(options: FaultServerOptions = {}): Promise<FaultServer> {
  const answered = new Map<string, number>();
  const open = new Set<ServerResponse>();
  let index = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // Only completions are requests of the run; anything else (aiperf's GET /metrics scrape) is not served here,
    // so it neither counts as answered nor shifts the fault sequence.
    if (req.method !== 'POST') {
      req.resume();
      res.writeHead(404).end();
      return;
    }
    const fault = typeof options.fault === 'function' ? options.fault(index++) : (options.fault ?? 'none');
    const id = req.headers['x-request-id'];
    open.add(res);
    // Only benchmark requests carry an X-Request-ID (connection warm-ups and probes do not).
    if (typeof id === 'string') res.on('finish', () => answered.set(id, Date.now()));
    res.on('close', () => open.delete(res));
    const body: Buffer[] = [];
    req.on('data', (c: Buffer) => body.push(c));
    req.on('end', () => {
      const streaming = /"stream"\s*:\s*true/.test(Buffer.concat(body).toString('utf8'));
      void answer(fault, res, options.tokens ?? 8, options.itlMs ?? 5, streaming).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    answered,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One server for a test file (started before its tests, closed after), and the runs' dirs it removes then. */
export function useFaultServer(options: FaultServerOptions = {}): { server: () => FaultServer; dirs: string[] } {
  let server: FaultServer;
  const dirs: string[] = [];
  beforeAll(async () => {
    server = await startFaultServer(options);
  });
  afterAll(async () => {
    await server.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  return { server: () => server, dirs };
}
