import type { Socket } from 'node:net';
import { setTimeout as sleepMs } from 'node:timers/promises';
import { Client, type Dispatcher, Pool, buildConnector } from 'undici';
import { H1Pool } from '../client/h1-pool.js';

/**
 * At most this many connections per pool are opened before the load starts. Opening is a round trip each and the
 * server accepts them one by one: 19,000 took ~8 s here, during which nothing was sent (and Ctrl+C waited). Beyond
 * this, a wave that big cannot leave at once anyway (sends are batched per loop turn), so the rest connect as they go.
 */
export const MAX_PRECONNECT = 1024;

/** A connection pool whose sockets can be opened before the load starts. */
export interface WarmPool {
  pool: Dispatcher;
  /** Opens up to `count` (at most MAX_PRECONNECT) connections now, handed to the pool's first requests; resolves to how many opened. */
  preconnect(count: number): Promise<number>;
  close(): Promise<void>;
}

/** How long an idle connection is kept when the server does not say (`Keep-Alive: timeout`), and the most it may say. */
const KEEP_ALIVE_MS = 60_000;
const KEEP_ALIVE_MAX_MS = 600_000;

/**
 * The one place that picks the transport. Plain `http://` goes through aiperf's lean HTTP/1.1 pool (H1Pool:
 * keep-alive, one request per connection), written because undici's client CPU per request was what limited
 * the request rate (see H1Pool for the numbers). Everything else goes through undici: https (TLS), and whatever
 * the lean pool does not speak (HTTP/2, upgrades, streamed request bodies); aiperf sends no request through a
 * proxy or a unix socket.
 */
const usesLeanTransport = (origin: string) => new URL(origin).protocol === 'http:';

/** The connection pool for one server. */
export function createWarmPool(origin: string, connections: number | null): WarmPool {
  return usesLeanTransport(origin) ? createLeanPool(origin, connections) : createUndiciPool(origin, connections);
}

/** One connection of its own (a sticky user session), closed after the session's last turn. */
export function createSessionConnection(origin: string): Dispatcher {
  if (usesLeanTransport(origin)) return new H1Pool(origin, { connections: 1, keepAliveTimeoutMs: KEEP_ALIVE_MS, keepAliveMaxTimeoutMs: KEEP_ALIVE_MAX_MS });
  return new Client(origin, { pipelining: 1, headersTimeout: 0, bodyTimeout: 0 });
}

/** Opens up to MAX_PRECONNECT of `count` connections with `open` (resolving to how many opened), then settles. */
async function preconnectCapped(count: number, open: (capped: number) => Promise<number>): Promise<number> {
  const opened = await open(Math.min(count, MAX_PRECONNECT));
  // A moment for the server to accept them (one in this same process too: tests, benchmarks) before the load.
  await sleepMs(20);
  return opened;
}

function createLeanPool(origin: string, connections: number | null): WarmPool {
  const pool = new H1Pool(origin, { connections, keepAliveTimeoutMs: KEEP_ALIVE_MS, keepAliveMaxTimeoutMs: KEEP_ALIVE_MAX_MS });
  return {
    pool,
    preconnect: (count) => preconnectCapped(count, (capped) => pool.preconnect(capped)),
    close: () => pool.close(),
  };
}

/**
 * undici opens a pool's connections lazily, so without a warmup the first wave of requests would pay TCP (and
 * TLS) setup inside their TTFT. The pool's connector here hands out sockets opened beforehand, then connects
 * as usual once they are used up or were closed meanwhile.
 */
function createUndiciPool(origin: string, connections: number | null): WarmPool {
  const connect = buildConnector({});
  const ready: Socket[] = [];
  const url = new URL(origin);
  const options: buildConnector.Options = {
    hostname: url.hostname,
    host: url.host,
    protocol: url.protocol,
    port: url.port || (url.protocol === 'https:' ? '443' : '80'),
    servername: url.hostname,
  };
  const pool = new Pool(origin, {
    connections,
    pipelining: 1,
    keepAliveTimeout: KEEP_ALIVE_MS,
    keepAliveMaxTimeout: KEEP_ALIVE_MAX_MS,
    headersTimeout: 0,
    bodyTimeout: 0,
    connect: (opts, callback) => {
      let socket = ready.shift();
      while (socket && (socket.destroyed || socket.readyState !== 'open')) socket = ready.shift();
      // undici expects the callback after connect() has returned (as a real connect does), never synchronously.
      if (socket) process.nextTick(callback, null, socket);
      else connect(opts, callback);
    },
  });
  const openOne = () =>
    new Promise<boolean>((resolve) =>
      connect(options, (error, socket) => {
        if (error || !socket) return resolve(false);
        ready.push(socket);
        resolve(true);
      }),
    );
  return {
    pool,
    preconnect: (count) => preconnectCapped(count, async (capped) => (await Promise.all(Array.from({ length: capped }, openOne))).filter(Boolean).length),
    async close() {
      for (const socket of ready.splice(0)) socket.destroy();
      await pool.close();
    },
  };
}
