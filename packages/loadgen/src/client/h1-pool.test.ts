import { once } from 'node:events';
import { type Server, createServer } from 'node:http';
import { type AddressInfo, type Socket, createServer as createNetServer } from 'node:net';
import { type Dispatcher, Pool } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { H1Pool } from './h1-pool.js';
import { type RequestExchange, sendRequest } from './send-request.js';
import { type RawServer, okResponse, startRawServer } from './test-raw-server.js';

// The lean transport through the real request path (sendRequest + ExchangeHandler), against servers whose bytes
// are exactly controlled; where undici's Pool is run beside it, the exchanges (status, body, error) must agree.

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function raw(answer: (socket: Socket, request: string, index: number) => void): Promise<RawServer> {
  const server = await startRawServer(answer);
  cleanups.push(() => server.close());
  return server;
}

function lean(url: string, connections: number | null = 4): H1Pool {
  const pool = new H1Pool(url, { connections, keepAliveTimeoutMs: 60_000 });
  cleanups.push(() => pool.destroy());
  return pool;
}

function undiciPool(url: string): Pool {
  const pool = new Pool(url, { connections: 4, pipelining: 1, headersTimeout: 0, bodyTimeout: 0 });
  cleanups.push(() => pool.destroy());
  return pool;
}

const send = (dispatcher: Dispatcher, body = '{"q":"héllo ✓"}', options: { timeoutMs?: number; reset?: boolean } = {}) =>
  sendRequest({
    dispatcher, path: '/v1/chat/completions', headers: { 'content-type': 'application/json', 'x-request-id': 'r1' }, body,
    streaming: true, timeoutMs: options.timeoutMs ?? 10_000, cancelAfterMs: null, reset: options.reset ?? false,
  });

/** What a test compares: the status, the body as text, the error. */
const seen = (exchange: RequestExchange) => ({ status: exchange.status, sse: exchange.sse, body: Buffer.from(exchange.body).toString(), error: exchange.error });

describe('H1Pool against byte-exact servers, beside undici', () => {
  const cases: Array<[string, (socket: Socket) => void]> = [
    ['a Content-Length body', (s) => s.write(okResponse('{"ok":true}'))],
    ['a chunked SSE body with extensions and trailers', (s) => s.write('HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\nTrailer: X-T\r\n\r\n9;ext=1\r\ndata: a\n\n\r\n9\r\ndata: b\n\n\r\n0\r\nX-T: v\r\n\r\n')],
    ['a body read until the close', (s) => s.end('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{"until":"close"}')],
    ['a malformed status line', (s) => s.write('HTTP/9 nope\r\n\r\n')],
    ['garbage instead of a response', (s) => s.write('<html>oops</html>\r\n\r\n')],
    ['headers over 16 KiB', (s) => s.write(`HTTP/1.1 200 OK\r\nX-Huge: ${'h'.repeat(20_000)}\r\nContent-Length: 0\r\n\r\n`)],
    ['the server closing mid-body', (s) => s.end('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"cut":')],
    ['a truncated chunked body', (s) => s.end('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\ndata: cut')],
    ['a short body before Connection: close', (s) => s.end('HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 50\r\n\r\nshort')],
    ['a socket reset mid-body', (s) => s.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"reset":', () => s.resetAndDestroy())],
    ['no response at all', (s) => s.end()],
    ['an error status', (s) => s.write('HTTP/1.1 503 Service Unavailable\r\nContent-Length: 4\r\n\r\nbusy')],
  ];

  it.each(cases)('%s: the same exchange as through undici', async (_name, respond) => {
    const server = await raw((socket) => respond(socket));
    const viaUndici = seen(await send(undiciPool(server.url)));
    const viaLean = seen(await send(lean(server.url)));
    expect(viaLean).toEqual(viaUndici);
  });

  it('writes what undici writes: host, keep-alive, the headers, content-length in bytes, the body', async () => {
    const server = await raw((socket) => socket.write(okResponse('{}')));
    await send(undiciPool(server.url));
    await send(lean(server.url));
    const [viaUndici, viaLean] = server.requests;
    expect(viaLean).toBe(viaUndici);
    expect(viaLean).toContain('content-length: 18\r\n\r\n{"q":"héllo ✓"}');
  });

  it('writes a flat [name, value, …] header list as undici does', async () => {
    const server = await raw((socket) => socket.write(okResponse('{}')));
    const headers = ['content-type', 'application/json', 'x-request-id', 'r1', 'x-correlation-id', 'c1'];
    for (const dispatcher of [undiciPool(server.url), lean(server.url)]) {
      await sendRequest({ dispatcher, path: '/v1/chat/completions', headers, body: '{}', streaming: false, timeoutMs: 10_000, cancelAfterMs: null });
    }
    const [viaUndici, viaLean] = server.requests;
    expect(viaLean).toBe(viaUndici);
    expect(viaLean).toContain('x-request-id: r1\r\nx-correlation-id: c1\r\n');
  });

  it("hands a raw handler the response's headers as undici does, and none to one that sets ignoresRawHeaders", async () => {
    const server = await raw((socket) => socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-A:  spaced\r\nContent-Length: 2\r\n\r\nok'));
    const headersVia = (dispatcher: Dispatcher, ignoresRawHeaders?: boolean) =>
      new Promise<string[]>((resolve, reject) => {
        let headers: string[] = [];
        dispatcher.dispatch({ path: '/', method: 'GET' }, {
          ignoresRawHeaders,
          onConnect() {},
          onHeaders: (_status: number, raw: Buffer[]) => ((headers = raw.map((b) => b.toString('latin1'))), true),
          onData: () => true,
          onComplete: () => resolve(headers),
          onError: reject,
        } as Dispatcher.DispatchHandler);
      });
    const viaUndici = await headersVia(undiciPool(server.url));
    expect(await headersVia(lean(server.url))).toEqual(viaUndici);
    expect(viaUndici).toEqual(['Content-Type', 'text/plain', 'X-A', 'spaced', 'Content-Length', '2']);
    expect(await headersVia(lean(server.url), true)).toEqual([]);
  });

  it('skips 100 Continue and 103 Early Hints before the response (RFC 9110; undici fails on an unasked 100)', async () => {
    const server = await raw((socket) => socket.write(`HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </x>\r\n\r\n${okResponse('{"after":"1xx"}')}`));
    expect(seen(await send(lean(server.url)))).toMatchObject({ status: 200, body: '{"after":"1xx"}', error: null });
  });
});

describe('H1Pool timestamps', () => {
  it('hands each socket read to the handler as it arrives: one chunk and one arrival time per read', async () => {
    let sockets: Socket[] = [];
    const server = await raw((socket) => {
      sockets = [socket];
      socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n9\r\ndata: a\n\n\r\n');
    });
    const pool = lean(server.url);
    // The rest is sent only once the handler has seen the first chunk, so the two reads cannot merge.
    const exchange = await sendRequest({
      dispatcher: pool, path: '/', headers: {}, body: '{}', streaming: true, timeoutMs: 10_000, cancelAfterMs: null,
      onFirstResponse: () => setImmediate(() => sockets[0]!.write('9\r\ndata: b\n\n\r\n0\r\n\r\n')),
    });
    expect(seen(exchange)).toMatchObject({ status: 200, sse: true, body: 'data: a\n\ndata: b\n\n', error: null });
    expect(exchange.chunkEnds).toEqual([9, 18]);
    expect(exchange.chunkOffsetsNs).toHaveLength(2);
    expect(exchange.chunkOffsetsNs[1]!).toBeGreaterThan(exchange.chunkOffsetsNs[0]!);
    expect(exchange.ackOffsetNs!).toBeLessThanOrEqual(exchange.chunkOffsetsNs[0]!);
  });
});

describe('H1Pool connections', () => {
  it('reuses one keep-alive connection for requests in sequence', async () => {
    const server = await raw((socket) => socket.write(okResponse('{"n":1}')));
    const pool = lean(server.url);
    for (let i = 0; i < 5; i++) expect((await send(pool)).error).toBeNull();
    expect(server.connections).toBe(1);
  });

  it('never sends on a connection the server closed while it was idle, even when it closed right after answering', async () => {
    // Each answer says keep-alive and is followed at once by the server's FIN: the next request must go elsewhere.
    const server = await raw((socket) => socket.end(okResponse('{"bye":true}')));
    const pool = lean(server.url, 1);
    for (let i = 0; i < 20; i++) expect(seen(await send(pool)).error).toBeNull();
    expect(server.connections).toBe(20);
  });

  it('opens a new connection once a node:http server timed the idle one out', async () => {
    const server: Server = createServer((req, res) => req.resume().on('end', () => res.end('{"ok":1}')));
    server.keepAliveTimeout = 30;
    const sockets: Socket[] = [];
    server.on('connection', (socket: Socket) => sockets.push(socket));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    cleanups.push(() => new Promise((resolve) => server.close(resolve)));
    const pool = lean(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    expect((await send(pool)).error).toBeNull();
    await once(sockets[0]!, 'close'); // the server timed it out
    await new Promise((resolve) => setTimeout(resolve, 10)); // (its FIN reaches the client's socket)
    expect((await send(pool)).error).toBeNull();
    expect(sockets).toHaveLength(2);
  });

  it('closes after a response with Connection: close, and sends connection: close when asked to reset', async () => {
    const server = await raw((socket, _request, i) => socket.write(okResponse('{}', i === 0 ? 'Connection: close\r\n' : '')));
    const pool = lean(server.url);
    await send(pool);
    await send(pool, '{}', { reset: true });
    await send(pool);
    expect(server.connections).toBe(3);
    expect(server.requests[1]).toContain('\r\nconnection: close\r\n');
  });

  it('drops a connection whose response came before the request was all written', async () => {
    // A server that answers 413 at the first bytes and stops reading: 32 MB cannot all leave meanwhile.
    const sockets: Socket[] = [];
    const refuser = createNetServer((socket) => {
      sockets.push(socket);
      socket.on('error', () => {});
      socket.once('data', () => {
        socket.pause();
        socket.write('HTTP/1.1 413 Payload Too Large\r\nContent-Length: 3\r\n\r\nbig');
      });
    });
    refuser.listen(0, '127.0.0.1');
    await once(refuser, 'listening');
    cleanups.push(() => new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      refuser.close(resolve);
    }));
    const pool = lean(`http://127.0.0.1:${(refuser.address() as AddressInfo).port}`, 1);
    expect(seen(await send(pool, 'x'.repeat(32 * 1024 * 1024)))).toMatchObject({ status: 413, body: 'big' });
    expect(seen(await send(pool, '{}'))).toMatchObject({ status: 413, body: 'big' });
    expect(sockets).toHaveLength(2); // the second request went out on a new connection
  });

  it('holds requests beyond the connection cap until a connection is free', async () => {
    const server = await raw((socket) => setTimeout(() => socket.write(okResponse('{}')), 5));
    const pool = lean(server.url, 2);
    const results = await Promise.all(Array.from({ length: 6 }, () => send(pool)));
    expect(results.map((r) => r.error)).toEqual(Array(6).fill(null));
    expect(server.connections).toBe(2);
  });

  it('preconnects: the first requests use the connections opened beforehand', async () => {
    const server = await raw((socket) => socket.write(okResponse('{}')));
    const pool = lean(server.url, 3);
    expect(await pool.preconnect(3)).toBe(3);
    await server.waitForConnections(3);
    await Promise.all([send(pool), send(pool), send(pool)]);
    expect(server.connections).toBe(3);
  });

  it('times out a request in flight and one still queued, and keeps serving afterwards', async () => {
    const server = await raw((socket, _request, i) => {
      if (i > 0) socket.write(okResponse('{}'));
    });
    const pool = lean(server.url, 1);
    const [stalled, queued] = await Promise.all([send(pool, '{}', { timeoutMs: 100 }), send(pool, '{}', { timeoutMs: 50 })]);
    expect(stalled.error).toEqual({ code: null, type: 'RequestTimeoutError', message: 'Request timed out after 0.1 seconds' });
    expect(queued.error?.type).toBe('RequestTimeoutError');
    expect(server.requests).toHaveLength(1); // the queued one was never sent
    expect((await send(pool)).error).toBeNull();
  });

  it('reports a refused connection as undici does (the socket error, e.g. ECONNREFUSED)', async () => {
    const server = await raw(() => {});
    const url = server.url;
    await server.close();
    const viaUndici = seen(await send(undiciPool(url)));
    expect(seen(await send(lean(url)))).toEqual(viaUndici);
    expect(viaUndici.error?.type).toBe('ECONNREFUSED');
  });

  it('close() lets requests in flight finish, then refuses new ones', async () => {
    const server = await raw((socket) => setTimeout(() => socket.write(okResponse('{"late":1}')), 20));
    const pool = lean(server.url);
    const inFlight = send(pool);
    await new Promise((resolve) => setImmediate(resolve));
    const closed = pool.close();
    expect(seen(await inFlight)).toMatchObject({ status: 200, error: null });
    await closed;
    expect((await send(pool)).error?.type).toBe('ClientClosedError');
  });
});
