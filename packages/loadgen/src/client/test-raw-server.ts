import { type Server, type Socket, createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A raw TCP server for transport tests: `answer` gets each request's text (head and body) and its socket. */
export interface RawServer {
  url: string;
  /** Connections accepted so far. */
  connections: number;
  /** Every request as received, in order. */
  requests: string[];
  /** Resolves once `count` connections have been accepted. */
  waitForConnections(count: number): Promise<void>;
  close(): Promise<void>;
}

/** Splits a socket's bytes into requests (head + Content-Length body) and calls `answer` for each. */
export async function startRawServer(answer: (socket: Socket, request: string, index: number) => void): Promise<RawServer> {
  const sockets = new Set<Socket>();
  const state = { connections: 0, requests: [] as string[] };
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const server: Server = createServer((socket) => {
    state.connections += 1;
    for (const waiter of waiters.filter((w) => w.count <= state.connections)) waiter.resolve();
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let pending = Buffer.alloc(0);
    socket.on('data', (data) => {
      pending = Buffer.concat([pending, data]);
      for (;;) {
        const headEnd = pending.indexOf('\r\n\r\n');
        if (headEnd === -1) return;
        const head = pending.toString('latin1', 0, headEnd);
        const length = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1] ?? 0);
        if (pending.length < headEnd + 4 + length) return;
        const request = pending.toString('utf8', 0, headEnd + 4 + length);
        pending = pending.subarray(headEnd + 4 + length);
        state.requests.push(request);
        answer(socket, request, state.requests.length - 1);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get connections() {
      return state.connections;
    },
    requests: state.requests,
    waitForConnections: (count) =>
      count <= state.connections ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ count, resolve })),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A keep-alive response with a Content-Length body. */
export const okResponse = (body: string, extraHeaders = '') =>
  `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extraHeaders}\r\n${body}`;
